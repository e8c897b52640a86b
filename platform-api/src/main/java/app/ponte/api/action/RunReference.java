package app.ponte.api.action;

import java.util.UUID;

/**
 * The run an action executes for.
 *
 * @param runId   stable across retries of the same run
 * @param attempt 1 for the first try
 */
public record RunReference(UUID runId, int attempt) {
}
