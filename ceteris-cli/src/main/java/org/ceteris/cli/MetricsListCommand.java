package org.ceteris.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ceteris.experiment.MetricSpec;
import org.ceteris.metrics.MetricCatalog;
import org.ceteris.metrics.MetricDef;
import org.ceteris.workspace.Workspace;
import org.ceteris.workspace.WorkspaceConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ceteris metrics list}: every metric of ceteris.yaml with its source, aggregate and window. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the metrics of a workspace: source, aggregate, window.")
public final class MetricsListCommand implements Callable<Integer> {

    @Mixin WorkspaceOption workspace;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
        MetricCatalog catalog = WorkspaceConfig.read(workspace.open().config()).catalog();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MetricDef m : catalog.metrics().values()) {
            rows.add(row(m));
        }
        return output.print(rows, MetricsListCommand::render);
    }

    private static Map<String, Object> row(MetricDef m) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("metric", m.name());
        if (m instanceof MetricDef.Event e) {
            row.put("source", e.source());
            String agg = e.aggregate().label() + (e.value() == null ? "" : "(" + e.value() + ")");
            String p = e.quantile() == null ? null : "p" + MetricSpec.Quantile.defaultName("", e.quantile()).substring(2);
            row.put("aggregate", p == null ? agg : e.perEvent() ? p + " of " + e.value() + " per event" : p + " of " + agg);
            row.put("window", e.window().toString());
            row.put("filter", e.filter());
            row.put("cap", e.cap() == null ? null : e.cap().toString());
        } else {
            MetricDef.Ratio r = (MetricDef.Ratio) m;
            row.put("source", null);
            row.put("aggregate", "ratio " + r.numerator() + " / " + r.denominator());
            row.put("window", null);
            row.put("filter", null);
            row.put("cap", null);
        }
        row.put("better", m.better());
        return row;
    }

    private static String render(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return "no metrics in " + Workspace.CONFIG + "; define them under the top-level 'metrics:' (see docs/metrics.md)"
                    + System.lineSeparator();
        }
        TextTable t = new TextTable(List.of("metric", "source", "aggregate", "window", "filter", "cap", "better"));
        for (Map<String, Object> row : rows) {
            List<String> cells = new ArrayList<>();
            row.values().forEach(v -> cells.add(v == null ? "" : v.toString()));
            t.row(cells);
        }
        return t.render();
    }
}
