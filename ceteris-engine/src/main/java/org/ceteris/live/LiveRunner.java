package org.ceteris.live;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ceteris.CeterisException;
import org.ceteris.assign.AssignConfig;
import org.ceteris.assign.ExperimentConfig;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Rows;
import org.ceteris.studies.StudySpec;
import org.ceteris.workspace.RunHistory;
import org.ceteris.workspace.StoredRun;
import org.ceteris.workspace.StudyEngine;
import org.ceteris.workspace.StudyRunner;
import org.ceteris.workspace.Workspace;
import org.ceteris.workspace.WorkspaceConfig;

/**
 * Runs studies with the live loop: the runs are stored as by {@link StudyRunner} and, in the same
 * transaction, every change of verdict becomes an {@link Event}; a study that controls an
 * experiment of {@code assignment.yaml} writes a new revision of it when an arm is demoted (the
 * arm's range leaves the experiment, every other unit keeps its variation) or, with
 * {@code on_winner: ship}, when a winner is declared. Before anything runs, every such study's
 * experiment is checked to exist in a valid {@code assignment.yaml}: bad input changes nothing.
 */
public final class LiveRunner {

    /** What a run did: the stored runs and the events it recorded. */
    public record Outcome(List<StoredRun> runs, List<Event> events) {
    }

    private LiveRunner() {
    }

    /** Checks the loop settings of {@code studies} against {@code assignment.yaml}; throws the first problem. */
    public static void check(Workspace workspace, WorkspaceConfig config, List<StudySpec> studies) {
        for (StudySpec s : studies) {
            StudyLoop loop = config.loop(s.name());
            if (loop == null || !loop.controlsAssignment()) {
                continue;
            }
            try {
                new AssignmentFile(workspace.dir()).read().experiment(loop.experiment());
            } catch (CeterisException e) {
                throw new CeterisException("study '" + s.name() + "': " + e.getMessage(), e);
            }
        }
    }

    /** Runs {@code studies} of {@code config} now; the clock dates events and revisions. */
    public static Outcome run(Workspace workspace, WorkspaceConfig config, List<StudySpec> studies, String version,
                              Map<String, String> duckDbSettings, Clock clock) {
        return run(workspace, config, config.engine(), studies, version, duckDbSettings, clock, (db, stored) -> { });
    }

    /**
     * Runs {@code studies} now reading their data on {@code engine}; {@code also} runs in the
     * transaction that stores them (the scheduler marks the due time there).
     */
    public static Outcome run(Workspace workspace, WorkspaceConfig config, StudyEngine engine, List<StudySpec> studies,
                              String version, Map<String, String> duckDbSettings, Clock clock, StudyRunner.AfterStore also) {
        check(workspace, config, studies);
        List<Event> events = new ArrayList<>();
        List<Integer> written = new ArrayList<>();
        boolean controls = studies.stream().map(s -> config.loop(s.name())).anyMatch(l -> l != null && l.controlsAssignment());
        List<StoredRun> runs;
        try {
            runs = StudyRunner.run(workspace, engine, studies, version, duckDbSettings,
                    (db, stored) -> {
                        if (controls) {
                            takeBackUnrecorded(workspace, db);
                        }
                        List<Event> found = new ArrayList<>();
                        for (StoredRun run : stored) {
                            found.addAll(Verdicts.changes(previousResult(db, run), run.result(), run.study(), run.runId(), clock.instant()));
                            found.addAll(revise(workspace, db, config.loop(run.study()), run, clock, written));
                        }
                        events.addAll(EventLog.append(db, found));
                        also.accept(db, stored);
                    });
        } catch (RuntimeException e) {
            // the run was not stored: the revisions it wrote go too, newest first, so no revision is left without its record
            AssignmentFile file = new AssignmentFile(workspace.dir());
            for (int i = written.size() - 1; i >= 0; i--) {
                file.undo(written.get(i));
            }
            throw e;
        }
        return new Outcome(runs, events);
    }

    /**
     * A revision of {@code assignment.yaml} without its record was written by a run that stopped
     * (a crash) between writing it and storing itself: it is taken back, as a failed store takes
     * back its revisions, and the study's next verdict writes it again with its record.
     */
    static void takeBackUnrecorded(Workspace workspace, DuckDbEngine db) {
        AssignmentFile file = new AssignmentFile(workspace.dir());
        for (int n = file.currentRevision(); n >= 2 && !RevisionLog.recorded(db, n); n = file.currentRevision()) {
            file.undo(n);
        }
    }

    /**
     * Records that a study failed: a "failed" event unless the study's last event already says so and
     * no run has succeeded since; {@code also} runs in the same transaction. Returns the event stored, if any.
     */
    public static List<Event> recordFailure(Workspace workspace, String study, String message, Map<String, String> duckDbSettings,
                                            Clock clock, java.util.function.Consumer<DuckDbEngine> also) {
        List<Event> out = new ArrayList<>();
        try (DuckDbEngine db = workspace.engine(false, duckDbSettings)) {
            db.inTransaction(() -> {
                EventLog.ensure(db);
                // a failure is told once until the study runs again: its event carries the study's last stored run
                Long lastRun = null;
                if (RunHistory.exists(db)) {
                    Rows r = db.query("SELECT max(run_id) AS id FROM " + RunHistory.TABLE + " WHERE study = " + db.dialect().literal(study));
                    lastRun = r.get(0, "id") == null ? null : ((Number) r.get(0, "id")).longValue();
                }
                boolean told = db.query("SELECT count(*) AS n FROM " + EventLog.TABLE + " WHERE study = " + db.dialect().literal(study)
                        + " AND kind = 'failed' AND run_id IS NOT DISTINCT FROM " + (lastRun == null ? "NULL" : lastRun)).getLong(0, "n") > 0;
                if (!told) {
                    out.addAll(EventLog.append(db, List.of(new Event(0, clock.instant(), study, Event.FAILED, null, lastRun, null, null,
                            "the study failed: " + message))));
                }
                also.accept(db);
            });
        }
        return out;
    }

    /** Writes a revision of the study's experiment when its verdict removes arms from it; returns the revision events. */
    static List<Event> revise(Workspace workspace, DuckDbEngine db, StudyLoop loop, StoredRun run, Clock clock, List<Integer> written) {
        if (loop == null || !loop.controlsAssignment()) {
            return List.of();
        }
        AssignmentFile file = new AssignmentFile(workspace.dir());
        AssignConfig config = file.read();
        ExperimentConfig current = config.experiment(loop.experiment());
        Map<String, Event> verdicts = Verdicts.of(run.result(), run.study(), run.runId(), clock.instant());
        List<Event> causes = new ArrayList<>();
        ExperimentConfig next = current;
        Set<String> demote = new LinkedHashSet<>();
        boolean toControl = loop.reassign().equals("control");
        Set<String> alreadyReassigned = toControl ? RevisionLog.demoted(db, current.key()) : Set.of();
        for (Event v : verdicts.values()) {
            if (v.kind().equals(Event.DEMOTED)) {
                if (toControl && current.indexOf(v.arm()) < 0 && alreadyReassigned.contains(v.arm())) {
                    continue; // its slot already serves control
                }
                requireVariation(current, v.arm(), run.study());
                if (current.isLive(current.indexOf(v.arm()))) {
                    demote.add(v.arm());
                    causes.add(v);
                }
            }
        }
        String control = current.variations().get(0);
        if (!demote.isEmpty() && toControl && !demote.contains(control)) {
            next = next.reassigningToControl(demote);
        } else if (!demote.isEmpty()) {
            next = next.without(demote); // a demoted control has no control to give its units to: they leave
        }
        Event winner = verdicts.values().stream().filter(e -> e.kind().equals(Event.WINNER)).findFirst().orElse(null);
        if (loop.shipWinner() && winner != null) {
            requireVariation(current, winner.arm(), run.study());
            ExperimentConfig shipped = current.shipping(winner.arm());
            if (!java.util.Arrays.deepEquals(shipped.bucketRanges(), current.bucketRanges())) {
                next = shipped; // shipping covers any demotion of the same run
                causes.add(winner);
            }
        }
        if (next.equals(current) || causes.isEmpty()) {
            return List.of();
        }
        List<ExperimentConfig> experiments = new ArrayList<>(config.experiments());
        experiments.set(experiments.indexOf(current), next);
        int revision = file.write(new AssignConfig(config.namespaces(), experiments));
        written.add(revision);
        List<Event> out = new ArrayList<>();
        for (Event c : causes) {
            String action = c.kind().equals(Event.WINNER) ? "ship" : "demote";
            RevisionLog.append(db, new RevisionLog.Revision(revision, clock.instant(), run.study(), run.runId(),
                    current.key(), action, c.arm(), c.look(), c.statistic()));
            out.add(new Event(0, clock.instant(), run.study(), Event.REVISION, c.arm(), run.runId(), c.look(), c.statistic(),
                    AssignmentFile.FILE + " revision " + revision + ": " + (action.equals("ship")
                            ? "arm " + c.arm() + " shipped to every unit of experiment " + current.key()
                            : toControl && !demote.contains(control)
                            ? "arm " + c.arm() + "'s units now see " + control + " in experiment " + current.key() + "; every other unit keeps its variation"
                            : "arm " + c.arm() + " leaves experiment " + current.key() + "; every other unit keeps its variation")));
        }
        return out;
    }

    private static void requireVariation(ExperimentConfig e, String arm, String study) {
        if (e.indexOf(arm) < 0) {
            throw new CeterisException("study '" + study + "': arm '" + arm + "' is not a variation of experiment '" + e.key()
                    + "' in " + AssignmentFile.FILE + " (it has " + String.join(", ", e.variations())
                    + "); the study's variant values must be the experiment's variation names");
        }
    }

    /** The result of the study's run before {@code run}, or null. */
    static String previousResult(DuckDbEngine db, StoredRun run) {
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT result FROM " + RunHistory.TABLE
                + " WHERE study = ? AND run_id < ? ORDER BY run_id DESC LIMIT 1")) {
            ps.setString(1, run.study());
            ps.setLong(2, run.runId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new CeterisException("cannot read the previous run: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
