package org.ceteris.live;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.CeterisException;

/**
 * The live loop of a workspace: each study's {@link StudyLoop}, the webhooks of {@code alerts:} and
 * the time zone schedules are read in ({@code timezone:}, default UTC).
 */
public record LiveConfig(Map<String, StudyLoop> studies, List<AlertTarget> alerts, ZoneId zone) {

    public static final LiveConfig NONE = new LiveConfig(Map.of(), List.of(), ZoneOffset.UTC);

    public LiveConfig {
        studies = Map.copyOf(studies);
        alerts = List.copyOf(alerts);
        zone = zone == null ? ZoneOffset.UTC : zone;
    }

    /** The loop of a study, or null when it has none. */
    public StudyLoop study(String name) {
        return studies.get(name);
    }

    /** {@code alerts:} and {@code timezone:} of the top level, with the studies' loops. */
    public static LiveConfig of(Map<String, StudyLoop> studies, Object alerts, Object timezone) {
        List<AlertTarget> targets = new ArrayList<>();
        if (alerts instanceof List<?> l) {
            l.forEach(a -> targets.add(AlertTarget.of(a)));
        } else if (alerts != null) {
            throw new CeterisException("'alerts' must be a list such as [{url: https://hooks.example.com/…, format: slack}]");
        }
        ZoneId zone = ZoneOffset.UTC;
        if (timezone != null) {
            try {
                zone = ZoneId.of(String.valueOf(timezone));
            } catch (DateTimeException e) {
                throw new CeterisException("timezone '" + timezone + "' is not a time zone; write one such as UTC or Europe/Amsterdam");
            }
        }
        return new LiveConfig(new LinkedHashMap<>(studies), targets, zone);
    }
}
