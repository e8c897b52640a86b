package app.ponte.api.action;

import app.ponte.api.context.ConnectionContext;

/** Carries out an action for one run. */
@FunctionalInterface
public interface ActionExecutor {

    /**
     * @param input      already resolved, typed values of the action's inputs
     * @param connection the tenant's connection, with the platform's HTTP client and rate limiter
     * @param run        the run's identity (for idempotency markers such as Kommo's {@code ponte-<run id>} tag)
     */
    ActionResult execute(ActionInput input, ConnectionContext connection, RunReference run);
}
