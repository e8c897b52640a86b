package app.ponte.server.runner;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * How one execution of a run ended.
 *
 * @param status         the run's new status
 * @param attemptOutcome what the attempt log says (SUCCEEDED, FILTERED, FAILED, RETRY, PARKED, DEFERRED)
 * @param counted        whether the attempt reached the action (Ponte's own pacing deferrals do not count)
 * @param error          readable by the tenant (why it failed, or why the filter let nothing through); no secrets, no personal data
 * @param inputs         the resolved action inputs (JSON), when the mapping ran
 * @param outputs        the action's outputs (JSON) on success
 * @param ownWrites      what the action wrote on a connection that also triggers automations (its outputs' ids), for the
 *                       loop guard; empty otherwise
 */
record Outcome(RunStatus status, String attemptOutcome, boolean counted, String error, String inputs, String outputs,
        Optional<Instant> nextAttemptAt, UUID waitingConnection, Map<String, String> ownWrites) {

    Outcome(RunStatus status, String attemptOutcome, boolean counted, String error, String inputs, String outputs,
            Optional<Instant> nextAttemptAt, UUID waitingConnection) {
        this(status, attemptOutcome, counted, error, inputs, outputs, nextAttemptAt, waitingConnection, Map.of());
    }

    static Outcome succeeded(String inputs, String outputs, Map<String, String> ownWrites) {
        return new Outcome(RunStatus.SUCCEEDED, "SUCCEEDED", true, null, inputs, outputs, Optional.empty(), null, Map.copyOf(ownWrites));
    }

    static Outcome filtered(String explanation) {
        return new Outcome(RunStatus.FILTERED, "FILTERED", false, clip(explanation), null, null, Optional.empty(), null);
    }

    static Outcome failed(String error, String inputs, boolean counted) {
        return new Outcome(RunStatus.FAILED, "FAILED", counted, clip(error), inputs, null, Optional.empty(), null);
    }

    static Outcome retry(String error, String inputs, Instant next) {
        return new Outcome(RunStatus.RETRYING, "RETRY", true, clip(error), inputs, null, Optional.of(next), null);
    }

    static Outcome deferred(String error, Instant next) {
        return new Outcome(RunStatus.RETRYING, "DEFERRED", false, clip(error), null, null, Optional.of(next), null);
    }

    static Outcome parked(String error, String inputs, UUID connectionId) {
        return new Outcome(RunStatus.PARKED, "PARKED", false, clip(error), inputs, null, Optional.empty(), connectionId);
    }

    private static String clip(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }
}
