package org.ceteris.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ceteris.CeterisException;
import org.ceteris.assign.AssignConfig;
import org.ceteris.assign.Assigner;
import org.ceteris.assign.Assignment;
import org.ceteris.assign.UnitAssignment;
import org.ceteris.assignment.AssignAttributes;
import org.ceteris.assignment.AssignConfigYaml;
import org.ceteris.assignment.BulkAssignment;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ceteris assign}: deterministic layered assignment, compatible with the GrowthBook SDKs. */
@Command(name = "assign", mixinStandardHelpOptions = true,
        description = "Assign one unit (--unit) or a table of units (--units) to the experiments of a config, as the GrowthBook SDKs do.")
public final class AssignCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "assignment config (YAML)") Path config;

    @Option(names = "--unit", paramLabel = "ID", description = "one unit id") String unit;

    @Option(names = "--attr", paramLabel = "KEY=VALUE",
            description = "attribute of the unit for targeting; true/false and numbers are typed; repeatable") List<String> attrs = new ArrayList<>();

    @Option(names = "--force", paramLabel = "EXPERIMENT=VARIATION",
            description = "QA override of one experiment's variation; repeatable") List<String> forced = new ArrayList<>();

    @Option(names = "--units", paramLabel = "FILE", description = "CSV or Parquet table of units (bulk assignment)") Path units;

    @Option(names = "--id-column", paramLabel = "COL", description = "column of --units holding the unit id") String idColumn;

    @Option(names = "--out", paramLabel = "FILE", description = "output of bulk assignment: .parquet or .csv") Path out;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
        if ((unit == null) == (units == null)) {
            throw new CeterisException("give either --unit ID or --units FILE (with --id-column and --out)");
        }
        AssignConfig cfg = AssignConfigYaml.read(config);
        Assigner assigner = new Assigner(cfg);
        if (unit != null) {
            if (idColumn != null || out != null) {
                throw new CeterisException("--id-column and --out go with --units, not with --unit");
            }
            UnitAssignment result = assigner.assign(unit, attributes(attrs), forcedMap(forced));
            return output.print(result, AssignCommand::render);
        }
        if (idColumn == null || out == null) {
            throw new CeterisException("bulk assignment needs --id-column COL and --out FILE.parquet|.csv");
        }
        if (!attrs.isEmpty() || !forced.isEmpty()) {
            throw new CeterisException("--attr and --force go with --unit; in bulk, attributes are columns of --units and QA overrides go in the config");
        }
        BulkAssignment.Summary s;
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            s = BulkAssignment.run(engine, new Source.File(units), idColumn, assigner, out);
        }
        return output.print(s, x -> String.format(Locale.ROOT, "assigned %,d units in %d experiments: %,d rows written to %s%n",
                x.units(), assigner.size(), x.rows(), out));
    }

    static Map<String, Object> attributes(List<String> pairs) {
        return AssignAttributes.parse(pairs, "--attr");
    }

    static Map<String, String> forcedMap(List<String> pairs) {
        return AssignAttributes.forced(pairs, "--force");
    }

    static String render(UnitAssignment r) {
        TextTable t = new TextTable(List.of("experiment", "variation", "index", "bucket", "in experiment"));
        for (Assignment a : r.assignments()) {
            t.row(List.of(a.experiment(), a.inExperiment() ? a.variation() : "-", Integer.toString(a.variationIndex()),
                    String.format(Locale.ROOT, "%.4f", a.bucket()), a.inExperiment() ? "yes" : "no"));
        }
        return "unit " + r.unit() + "\n\n" + t.render();
    }
}
