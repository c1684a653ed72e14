package org.ceteris.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.json.Json;
import org.ceteris.studies.StudySpec;
import org.ceteris.workspace.StoredRun;
import org.ceteris.workspace.WorkspaceConfig;

/**
 * The JSON documents of the study routes. A study document has everything its page needs in one
 * request: {@code name}, {@code method}, {@code spec}, {@code runs} (count), {@code last_run} (the
 * latest run with its full {@code result}, or null) and {@code history} (the headlines of the
 * newest {@link WorkspaceState#RECENT} runs, oldest first; older ones through the history route). A {@code dag_adjust} study also has {@code dot}: the latest run's diagram in
 * Graphviz DOT with the adjustment set highlighted (see {@link DagDrawing}). The HTML report embeds
 * the same document.
 */
final class StudyViews {

    private StudyViews() {
    }

    static Map<String, Object> detail(StudySpec spec, List<StoredRun> recent, long runs, StoredRun latest) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", spec.name());
        m.put("question", spec.labels().question());
        m.put("better", better(spec, latest));
        m.put("method", spec.method());
        m.put("spec", spec.toMap());
        m.put("runs", runs);
        m.put("last_run", latest == null ? null : latest.toJson(true));
        m.put("history", historyJson(recent));
        if (org.ceteris.dag.DagAdjustResult.METHOD.equals(spec.method())) {
            m.put("dot", DagDrawing.dot(latest));
        }
        return m;
    }

    static byte[] detailJson(StudySpec spec, List<StoredRun> recent, long runs, StoredRun latest) {
        return bytes(detail(spec, recent, runs, latest));
    }

    static List<Map<String, Object>> historyJson(List<StoredRun> history) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (StoredRun r : history) {
            out.add(r.toJson(false));
        }
        return out;
    }

    /** {@code {"studies": [card…], "config_error": null|"…"}}; a card is a study without its full result. */
    static byte[] listJson(WorkspaceConfig config, String configError, Map<String, List<StoredRun>> recent,
                           Map<String, Long> counts, Map<String, StoredRun> latest) {
        List<Map<String, Object>> cards = new ArrayList<>();
        for (StudySpec s : config.studies()) {
            List<StoredRun> runs = recent.getOrDefault(s.name(), List.of());
            StoredRun last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            Map<String, Object> card = new LinkedHashMap<>();
            card.put("name", s.name());
            card.put("question", s.labels().question());
            card.put("better", better(s, last));
            card.put("method", s.method());
            card.put("runs", counts.getOrDefault(s.name(), 0L));
            card.put("last_run_at", last == null ? null : last.runAt().toString());
            card.put("headline", last == null ? null : last.headline());
            card.put("summary", last == null ? null : last.summary());
            card.put("decision", decision(latest.get(s.name())));
            card.put("history", historyJson(runs.size() > 30 ? runs.subList(runs.size() - 30, runs.size()) : runs));
            cards.add(card);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("studies", cards);
        m.put("config_error", configError);
        return bytes(m);
    }

    /**
     * Which way of the headline number is good: the {@code better} field of the latest result when the
     * method writes one, else the study's {@code better:} in ceteris.yaml, else "higher".
     */
    static String better(StudySpec spec, StoredRun latest) {
        if (latest != null && latest.result() != null && latest.result().contains("\"better\"")) {
            try {
                com.fasterxml.jackson.databind.JsonNode b = Json.mapper().readTree(latest.result()).get("better");
                if (b != null && b.isTextual() && (b.asText().equals("higher") || b.asText().equals("lower"))) {
                    return b.asText();
                }
            } catch (JsonProcessingException e) {
                // a stored result is JSON we wrote; if not, fall back to the study's own setting
            }
        }
        return spec.labels().better() == null ? "higher" : spec.labels().better();
    }

    /**
     * The card's decision badge: {@code {recommendation, variant}} from the latest run's result (for a
     * sequential test the winner when the advice is to ship), or null when the method makes none.
     */
    static Map<String, Object> decision(StoredRun latest) {
        if (latest == null || latest.result() == null) {
            return null;
        }
        com.fasterxml.jackson.databind.JsonNode d = Json.read(latest.result()).path("decision");
        if (!d.hasNonNull("recommendation")) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        String rec = d.get("recommendation").asText();
        m.put("recommendation", rec);
        String variant = d.hasNonNull("variant") ? d.get("variant").asText()
                : "ship".equals(rec) && d.hasNonNull("winner") ? d.get("winner").asText() : null;
        m.put("variant", variant);
        return m;
    }

    static byte[] bytes(Object value) {
        try {
            return Json.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
