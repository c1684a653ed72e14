package org.ceteris.labs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.engine.Column;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Source;
import org.ceteris.json.Json;
import org.ceteris.scenarios.GroundTruth;
import org.ceteris.scenarios.Scenario;
import org.ceteris.scenarios.Scenarios;
import org.ceteris.studies.Params;
import org.ceteris.studies.StudyMethods;
import org.ceteris.workspace.Workspace;

/**
 * A lab on disk: a workspace with the scenario's tables, {@code BRIEF.md} with the questions,
 * {@code answers.yaml} for the learner and {@code lab.yaml} recording which lab and seed it is.
 */
public final class LabWorkspace {

    public static final String BRIEF = "BRIEF.md";
    public static final String ANSWERS = "answers.yaml";
    public static final String LAB = "lab.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private LabWorkspace() {
    }

    /** Writes the lab's data, brief and answer template into {@code dir}. */
    public static void start(Lab lab, Path dir, long seed) {
        Workspace ws = Workspace.openOrCreate(dir);
        Scenario scenario = Scenarios.get(lab.scenario());
        GroundTruth truth;
        StringBuilder tables = new StringBuilder();
        try (DuckDbEngine engine = ws.engine(false)) {
            truth = scenario.generate(engine, seed);
            for (String t : truth.tables()) {
                List<String> cols = new ArrayList<>();
                for (Column c : engine.columns(new Source.Table(t))) {
                    cols.add(c.name() + " " + c.type());
                }
                tables.append("- `").append(t).append("`: ").append(String.join(", ", cols)).append('\n');
            }
        }
        try {
            Files.writeString(dir.resolve(BRIEF), brief(lab, tables.toString(), truth));
            Path answers = dir.resolve(ANSWERS);
            if (!Files.exists(answers)) {
                Files.writeString(answers, template(lab));
            }
            Files.writeString(dir.resolve(LAB), "lab: " + lab.name() + "\nseed: " + seed + "\n");
        } catch (IOException e) {
            throw new CeterisException("cannot write the lab into " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The lab and seed recorded in {@code dir}. */
    public static Map.Entry<Lab, Long> identify(Path dir) {
        JsonNode n = readYaml(dir.resolve(LAB), "no lab in " + dir + "; start one with `ceteris lab start NAME --dir " + dir + "`");
        return Map.entry(Labs.get(n.path("lab").asText()), n.path("seed").asLong());
    }

    /** Grades {@code answers.yaml} in {@code dir}. */
    public static List<Grade> check(Lab lab, Path dir, long seed) {
        Map<String, Object> answers = answers(dir);
        GroundTruth truth = truth(lab, seed);
        try (DuckDbEngine engine = Workspace.open(dir).engine(true)) {
            return LabGrader.grade(lab, answers, engine, truth);
        }
    }

    /** The learner's answers; an unreadable file is a one-line error with its line number. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> answers(Path dir) {
        JsonNode n = readYaml(dir.resolve(ANSWERS), "no " + ANSWERS + " in " + dir);
        if (n == null || n.isNull() || n.isMissingNode()) {
            return Map.of();
        }
        if (!n.isObject()) {
            throw new CeterisException(ANSWERS + " must map question keys to answers");
        }
        return YAML.convertValue(n, LinkedHashMap.class);
    }

    /** The scenario's ground truth, regenerated from the seed in memory. */
    public static GroundTruth truth(Lab lab, long seed) {
        try (DuckDbEngine scratch = DuckDbEngine.inMemory()) {
            return Scenarios.get(lab.scenario()).generate(scratch, seed);
        }
    }

    /** Runs the model solution of an estimate question on the lab's workspace: {estimate, ci_low, ci_high}. */
    public static double[] solve(Question.Estimate q, Path dir) {
        Question.Solution s = q.solution();
        try (DuckDbEngine engine = Workspace.open(dir).engine(true)) {
            Object result = StudyMethods.get(s.method()).run(engine, new Source.Table(s.table()), new Params(q.id(), s.params()));
            return s.read().apply(Json.mapper().valueToTree(result));
        }
    }

    private static JsonNode readYaml(Path file, String missing) {
        if (!Files.isRegularFile(file)) {
            throw new CeterisException(missing);
        }
        try {
            return YAML.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new CeterisException(file.getFileName() + " is not valid YAML" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CeterisException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static String brief(Lab lab, String tables, GroundTruth truth) {
        StringBuilder sb = new StringBuilder("# Lab: ").append(lab.title()).append("\n\n").append(lab.brief()).append("\n\n");
        sb.append("## Tables (in this folder's workspace)\n\n").append(tables).append('\n');
        if (truth.truths().get("dag") instanceof String dag) {
            sb.append("## The programme's causal graph (DAGitty syntax)\n\n```\n").append(dag.strip()).append("\n```\n\n");
        }
        sb.append("Query the tables with `ceteris sql --workspace . \"SELECT …\"`; analyse them with the `ceteris` method "
                + "commands (`--workspace . --table T`).\n\n## Questions\n\nWrite your answers in `answers.yaml`, then run "
                + "`ceteris lab check ").append(lab.name()).append(" --dir .`.\n\n");
        int i = 1;
        for (Question q : lab.questions()) {
            sb.append(i++).append(". **").append(q.id()).append("** (").append(LabGrader.kind(q)).append(") ").append(q.prompt()).append('\n');
        }
        return sb.toString();
    }

    static String template(Lab lab) {
        StringBuilder sb = new StringBuilder("# Answers for lab '" + lab.name() + "'. See BRIEF.md for the questions.\n");
        for (Question q : lab.questions()) {
            sb.append('\n');
            if (q instanceof Question.Sql) {
                sb.append("# a SELECT query\n").append(q.id()).append(": |\n  \n");
            } else if (q instanceof Question.Estimate) {
                sb.append("# your estimate and 95% interval (numbers)\n").append(q.id())
                        .append(":\n  estimate:\n  ci_low:\n  ci_high:\n");
            } else if (q instanceof Question.Choice c) {
                sb.append("# one of: ").append(String.join(", ", c.options().keySet())).append('\n').append(q.id()).append(":\n");
            } else {
                sb.append("# a list, e.g. [a, b]\n").append(q.id()).append(": []\n");
            }
        }
        return sb.toString();
    }
}
