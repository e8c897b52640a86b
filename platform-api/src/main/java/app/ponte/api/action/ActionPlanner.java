package app.ponte.api.action;

import app.ponte.api.context.ConnectionContext;

/**
 * Works out what an action would do with these inputs on this connection, without doing it: the
 * preview's "plan". A planner <b>only reads</b> at the vendor (searches, lookups of the entities the
 * execution would find) and writes nothing, at the vendor or anywhere else; the one exception a planner
 * may make is what the connection needs to read at all (e.g. an OAuth token refresh), which changes no
 * data the tenant sees.
 *
 * <p>A planner should reuse the decision code of its {@link ActionExecutor}, with the writes described
 * instead of sent, so that the plan and the execution cannot drift apart. The plan holds for the moment
 * it is made: the account may change before a real run.
 */
@FunctionalInterface
public interface ActionPlanner {

    /**
     * @param input      already resolved, typed values of the action's inputs (as for {@link ActionExecutor#execute})
     * @param connection the tenant's connection; calls go through its rate limiter like a run's
     * @return the steps in the order a run would take them; a vendor failure does not throw, it ends the
     *         plan ({@link ActionPlan#stoppedBy()}) after the steps worked out before it
     */
    ActionPlan plan(ActionInput input, ConnectionContext connection);
}
