package org.ceteris.live;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ceteris.CeterisException;

/**
 * When a study runs: {@code daily HH:MM}, {@code hourly}, or a 5-field Unix cron expression
 * ({@code minute hour day-of-month month day-of-week}), read in the workspace's time zone. The cron
 * expression is parsed and evaluated by cron-utils (its UNIX definition); the two short forms are
 * cron expressions too ({@code MM HH * * *} and {@code 0 * * * *}).
 *
 * @param text the schedule as written
 * @param cron the equivalent cron expression
 */
public record Schedule(String text, String cron) {

    private static final Pattern DAILY = Pattern.compile("daily\\s+(\\d{1,2}):(\\d{2})");
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    public Schedule {
        execution(cron); // validated when built
    }

    /** Parses a schedule; a malformed one is a one-line error saying what is accepted. */
    public static Schedule parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.equals("hourly")) {
            return new Schedule(t, "0 * * * *");
        }
        Matcher m = DAILY.matcher(t);
        if (m.matches()) {
            int h = Integer.parseInt(m.group(1));
            int min = Integer.parseInt(m.group(2));
            if (h > 23 || min > 59) {
                throw new CeterisException("schedule '" + t + "': the time must be HH:MM between 00:00 and 23:59");
            }
            return new Schedule(t, min + " " + h + " * * *");
        }
        if (t.startsWith("daily")) {
            throw new CeterisException("schedule '" + t + "': write 'daily HH:MM', for example 'daily 06:00'");
        }
        if (t.split("\\s+").length != 5) {
            throw new CeterisException("schedule '" + t + "' is not 'daily HH:MM', 'hourly' or a 5-field cron expression "
                    + "(minute hour day-of-month month day-of-week), for example '0 6 * * *'");
        }
        return new Schedule(t, t);
    }

    private static ExecutionTime execution(String cron) {
        Cron c;
        try {
            c = PARSER.parse(cron);
            c.validate();
        } catch (IllegalArgumentException e) {
            throw new CeterisException("schedule '" + cron + "' is not a valid cron expression: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + " (5 fields: minute hour day-of-month month day-of-week)");
        }
        return ExecutionTime.forCron(c);
    }

    /** The latest due time at or before {@code now}, if any. */
    public Optional<ZonedDateTime> lastDue(ZonedDateTime now) {
        ExecutionTime e = execution(cron);
        // cron-utils' lastExecution is strictly before its argument: ask from one second later so a due time equal to now counts
        return e.lastExecution(now.plusSeconds(1).withNano(0));
    }

    /** The next due time strictly after {@code now}. */
    public Optional<ZonedDateTime> nextDue(ZonedDateTime now) {
        return execution(cron).nextExecution(now);
    }
}
