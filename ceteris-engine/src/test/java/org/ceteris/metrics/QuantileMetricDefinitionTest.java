package org.ceteris.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ceteris.CeterisException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code quantile: Q} and {@code quantile_level:} on a metric definition: what is read, and one line for each mistake. */
class QuantileMetricDefinitionTest {

    static MetricDef.Event parse(String extra) {
        Map<String, Object> m = new LinkedHashMap<>(Map.of("source", "activity", "unit", "member_id", "time", "ts"));
        for (String kv : extra.split(";")) {
            String[] p = kv.split("=", 2);
            m.put(p[0].strip(), p[1].strip());
        }
        MetricCatalog c = MetricCatalog.of(Map.of("activity", Map.of("data", "activity.csv")), Map.of("x", m));
        return (MetricDef.Event) c.metrics().get("x");
    }

    @Test
    void unitAndEventLevels() {
        MetricDef.Event unit = parse("value=minutes; aggregate=sum; quantile=0.9");
        assertEquals(0.9, unit.quantile());
        assertFalse(unit.perEvent());
        assertFalse(parse("value=minutes; aggregate=sum; quantile=0.9; quantile_level=unit").perEvent());
        MetricDef.Event event = parse("value=minutes; quantile=0.5; quantile_level=event");
        assertTrue(event.perEvent());
        assertEquals(0.5, event.quantile());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "value=minutes; aggregate=sum; quantile=1.5 | quantile must be strictly between 0 and 1",
            "value=minutes; aggregate=sum; quantile=ninety | quantile must be a number",
            "aggregate=exists; quantile=0.5 | quantile of aggregate exists is meaningless",
            "value=minutes; aggregate=sum; quantile_level=event | quantile_level needs 'quantile: Q'",
            "value=minutes; aggregate=sum; quantile=0.5; quantile_level=session | quantile_level must be unit",
            "value=minutes; aggregate=sum; quantile=0.5; quantile_level=event | drop 'aggregate:'",
            "quantile=0.5; quantile_level=event | quantile_level: event needs 'value:'",
            "value=minutes; quantile=0.5; quantile_level=event; cap=p99 | drop 'cap:'",
    })
    void mistakesAreOneLine(String extra, String expected) {
        CeterisException e = assertThrows(CeterisException.class, () -> parse(extra));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("metric 'x'"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
