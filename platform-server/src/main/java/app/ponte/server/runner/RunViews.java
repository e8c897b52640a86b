package app.ponte.server.runner;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the run history API answers. */
public final class RunViews {

    private RunViews() {
    }

    /** A run in a list: no event data beyond its type, documents and phones masked in the outputs. */
    public record Summary(UUID id, UUID automationId, String automationName, int automationVersion, RunStatus status,
            String triggerKey, String eventType, int attempts, String error, Instant nextAttemptAt, Instant createdAt,
            Instant finishedAt, Map<String, String> outputs) {
    }

    /** One external call of an attempt (path only: no query string, no body). */
    public record Call(String method, String host, String path, int status, long millis) {
    }

    public record Attempt(int number, int automationVersion, Instant startedAt, Instant finishedAt, String outcome, String error,
            Instant nextAttemptAt, List<Call> calls) {
    }

    /**
     * A run in full: the trigger event's fields, the resolved inputs, the outputs and every attempt.
     * {@code masked}: documents and phones are shown masked (the caller is not an owner or admin).
     */
    public record Detail(Summary run, String dedupKey, Instant occurredAt, Instant receivedAt, Map<String, String> event,
            Map<String, String> inputs, List<Attempt> attempts, boolean masked) {
    }

    public record Page(List<Summary> items, int page, int size, long total) {
    }
}
