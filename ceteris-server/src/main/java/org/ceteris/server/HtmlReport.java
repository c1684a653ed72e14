package org.ceteris.server;

import java.util.List;
import org.ceteris.json.Json;
import org.ceteris.studies.StudySpec;
import org.ceteris.workspace.Workspace;

/**
 * {@code ceteris report}: one study as a single self-contained HTML file — the same page as the
 * dashboard's study page, with the study document, the style sheet, Vega, Vega-Lite, vega-embed and
 * the method views inlined, so it opens offline from a mail attachment or a file share.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    /** The report of {@code study} as of its latest stored run. */
    public static String write(Workspace workspace, String study) {
        WorkspaceState state = new WorkspaceState(workspace, "report");
        WorkspaceState.Snapshot s;
        try {
            s = state.snapshot();
        } catch (ProblemException e) {
            throw new org.ceteris.CeterisException(e.getMessage());
        }
        StudySpec spec;
        try {
            spec = s.spec(study);
        } catch (ProblemException e) {
            throw new org.ceteris.CeterisException(e.getMessage());
        }
        String data = Json.write(StudyViews.detail(spec, s.recent().getOrDefault(spec.name(), List.of()), s.runs(spec.name()),
                s.latest().get(spec.name())));
        StringBuilder sb = new StringBuilder(4_000_000);
        sb.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(spec.labels().question() != null ? spec.labels().question() : spec.name()))
                .append(" — Ceteris report</title>\n<style>\n")
                .append(Resources.text("/static/style.css")).append("\n</style>\n</head>\n<body class=\"report\">\n")
                .append("<header class=\"top\"><span class=\"brand\">Ceteris</span><span class=\"muted\">report exported from workspace ")
                .append(escape(workspace.dir().getFileName() == null ? "" : workspace.dir().getFileName().toString()))
                .append("</span></header>\n<main id=\"app\"></main>\n")
                .append("<script type=\"application/json\" id=\"ceteris-data\">").append(scriptSafe(data)).append("</script>\n");
        for (String js : List.of("/static/vendor/vega.min.js", "/static/vendor/vega-lite.min.js",
                "/static/vendor/vega-embed.min.js", "/static/app.js")) {
            sb.append("<script>\n").append(scriptSafe(Resources.text(js))).append("\n</script>\n");
        }
        if (org.ceteris.dag.DagAdjustResult.METHOD.equals(spec.method())) { // the diagram is drawn by Graphviz (WASM)
            sb.append("<script>\n").append(scriptSafe(Resources.text("/static/vendor/viz-global.js"))).append("\n</script>\n");
        }
        sb.append("<script>\n").append(scriptSafe(Resources.viewsScript())).append("\n</script>\n");
        sb.append("<script>\n").append(scriptSafe(Resources.text("/static/study.js"))).append("\n</script>\n");
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    /**
     * Text inside a script element must not contain "&lt;/script" (any case) or "&lt;!--". In JSON
     * strings and JS string literals {@code <\/} means {@code </} and {@code \u0021} means {@code !}.
     */
    static String scriptSafe(String s) {
        return s.replaceAll("(?i)</(script)", "<\\\\/$1").replace("<!--", "<\\u0021--");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
