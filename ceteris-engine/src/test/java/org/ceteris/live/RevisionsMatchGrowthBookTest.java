package org.ceteris.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ceteris.assign.AssignConfig;
import org.ceteris.assign.Assigner;
import org.ceteris.assign.ExperimentConfig;
import org.ceteris.assignment.AssignConfigYaml;
import org.ceteris.assignment.GrowthBookCompatibilityTest;
import org.ceteris.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every revision a demotion writes, read back from the file, assigns 100,000 units exactly as the
 * GrowthBook JS SDK does, and every unit of a surviving arm keeps its variation from one revision
 * to the next; a demoted arm's units leave the experiment; shipping gives everyone the winner.
 */
class RevisionsMatchGrowthBookTest {

    private static final int UNITS = 100_000;

    @Test
    void survivorsKeepTheirVariationInEveryRevisionAsTheSdkSeesIt(@TempDir Path tmp) throws Exception {
        if (!Files.isRegularFile(Path.of("src/test/node/node_modules/@growthbook/growthbook/package.json"))) {
            fail("GrowthBook JS SDK not installed: run .ci/setup (npm install --prefix ceteris-engine/src/test/node); this check cannot be skipped");
        }
        Files.writeString(tmp.resolve(AssignmentFile.FILE), """
                namespaces: {home: {}}
                experiments:
                  - {key: artwork, variations: [control, a, b, c, d], weights: [0.2, 0.2, 0.2, 0.2, 0.2], coverage: 0.9, hash_version: 2}
                  - {key: row, variations: [control, v1], weights: [0.3, 0.7], coverage: 0.8, namespace: [home, 0.0, 0.6], hash_version: 1}
                  - {key: legacy, variations: [control, x, y], weights: [0.5, 0.25, 0.25], coverage: 0.7, namespace: [home, 0.6, 1.0], hash_version: 2}
                """);
        AssignmentFile file = new AssignmentFile(tmp);
        List<String> ids = new ArrayList<>();
        StringBuilder tsv = new StringBuilder("id\tcountry\tage\n");
        for (int i = 0; i < UNITS; i++) {
            String id = i % 3 == 0 ? "member-" + (i * 7919L) : i % 3 == 1 ? "u" + i : "用户" + i;
            ids.add(id);
            tsv.append(id).append("\t\t30\n");
        }
        Path units = tmp.resolve("units.tsv");
        Files.writeString(units, tsv, StandardCharsets.UTF_8);

        // revision 1: as written; 2: b demoted in artwork; 3: legacy's y demoted too; 4: a reassigned to control (reassign: control);
        // 5: d demoted; 6: c shipped
        List<int[][]> perRevision = new ArrayList<>();
        perRevision.add(assignments(file.read(), ids, units, tmp, 1));
        String[][] steps = {{"artwork", "b"}, {"legacy", "y"}, {"artwork", "=a"}, {"artwork", "d"}, {"artwork", "+c"}};
        for (String[] step : steps) {
            AssignConfig now = file.read();
            List<ExperimentConfig> ex = new ArrayList<>(now.experiments());
            ExperimentConfig e = now.experiment(step[0]);
            ExperimentConfig next = step[1].startsWith("+") ? e.shipping(step[1].substring(1))
                    : step[1].startsWith("=") ? e.reassigningToControl(Set.of(step[1].substring(1))) : e.without(Set.of(step[1]));
            ex.set(ex.indexOf(e), next);
            int rev = file.write(new AssignConfig(now.namespaces(), ex));
            assertEquals(perRevision.size() + 1, rev);
            perRevision.add(assignments(file.read(), ids, units, tmp, rev));
        }
        assertEquals(6, file.currentRevision());
        assertEquals(List.of("control", "control", "b", "c", "d"), AssignConfigYaml.read(file.revision(4)).experiment("artwork").variations(),
                "revision 4: a's slot serves control, as the file says (the SDK's value for it is control's)");
        assertTrue(Files.isRegularFile(file.revision(1)), "the first file is kept as revision 1");
        assertEquals(AssignConfigYaml.read(file.revision(1)).experiment("artwork").ranges(), null);

        String[][] variations = {{"control", "a", "b", "c", "d"}, {"control", "v1"}, {"control", "x", "y"}};
        long survivors = 0;
        long left = 0;
        for (int r = 1; r < perRevision.size(); r++) {
            String[] step = steps[r - 1];
            int changed = List.of("artwork", "row", "legacy").indexOf(step[0]);
            boolean ship = step[1].startsWith("+");
            boolean toControl = step[1].startsWith("=");
            int arm = List.of(variations[changed]).indexOf(ship || toControl ? step[1].substring(1) : step[1]);
            for (int u = 0; u < UNITS; u++) {
                for (int e = 0; e < 3; e++) {
                    int before = perRevision.get(r - 1)[u][e];
                    int after = perRevision.get(r)[u][e];
                    if (e != changed) {
                        assertEquals(before, after, "an experiment no demotion touched keeps every unit");
                    } else if (ship) {
                        assertEquals(arm, after, "after shipping every unit sees the winner");
                    } else if (toControl) {
                        assertEquals(before, after, "reassigning moves no unit between slots: the SDK and Ceteris keep each unit's slot");
                    } else if (before == arm) {
                        assertEquals(-1, after, "a unit of the demoted arm leaves the experiment");
                        left++;
                    } else {
                        int unit = u;
                        int rev = r;
                        assertEquals(before, after, () -> "unit " + ids.get(unit) + " of a surviving arm keeps its variation in revision " + (rev + 1));
                        if (before >= 0) {
                            survivors++;
                        }
                    }
                }
            }
        }
        assertTrue(left > 20_000 && survivors > 100_000, "both kinds were checked: " + left + " left, " + survivors + " kept");
    }

    /** Ceteris' assignments of every unit in revision {@code rev}, checked equal to the SDK's; [unit][experiment]. */
    private static int[][] assignments(AssignConfig config, List<String> ids, Path units, Path tmp, int rev) throws Exception {
        Path json = tmp.resolve("config-" + rev + ".json");
        Files.writeString(json, Json.mapper().writeValueAsString(Map.of("experiments",
                GrowthBookCompatibilityTest.growthBookExperiments(config))));
        List<String> sdk = GrowthBookCompatibilityTest.runNode(json, units, tmp.resolve("out-" + rev + ".txt"));
        assertEquals(ids.size(), sdk.size());
        Assigner assigner = new Assigner(config);
        int k = assigner.size();
        int[][] out = new int[ids.size()][k];
        int[] index = new int[k];
        double[] bucket = new double[k];
        for (int u = 0; u < ids.size(); u++) {
            assigner.assignInto(ids.get(u), Map.of("age", 30.0, "id", ids.get(u)), index, bucket);
            String[] cells = sdk.get(u).split(",");
            for (int e = 0; e < k; e++) {
                String c = cells[e];
                int at = c.indexOf('@');
                int ref = Integer.parseInt(at < 0 ? c : c.substring(0, at));
                int unit = u;
                int exp = e;
                assertEquals(ref, index[e], () -> "revision " + rev + ": unit " + ids.get(unit) + " in experiment " + exp + " (SDK vs Ceteris)");
            }
            out[u] = index.clone();
        }
        return out;
    }
}
