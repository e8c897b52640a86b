package app.ponte.kommo.simulator;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Function;

/** Wraps API handlers: runs them under the state lock, answers, then sends the webhooks they caused. */
final class ApiHandlers {
    private ApiHandlers() {
    }

    /** A read-only handler. */
    static Handler<RoutingContext> read(Sim sim, Function<ApiRequest, Reply> handler) {
        return ctx -> run(sim, ctx, handler, false);
    }

    /** A handler that changes the account: all or nothing (§4), then state file + webhooks. */
    static Handler<RoutingContext> write(Sim sim, Function<ApiRequest, Reply> handler) {
        return ctx -> run(sim, ctx, handler, true);
    }

    private static void run(Sim sim, RoutingContext ctx, Function<ApiRequest, Reply> handler, boolean writes) {
        ApiRequest request = new ApiRequest(sim, ctx, ctx.get(ApiGate.ACCOUNT_ID), ctx.get(ApiGate.USER_ID));
        Reply reply;
        try {
            synchronized (sim.state()) {
                reply = writes ? sim.state().atomically(request.account(), () -> handler.apply(request))
                        : handler.apply(request);
            }
        } catch (ApiException e) {
            Http.fail(ctx, e);
            return;
        }
        if (writes) {
            sim.changed();
        }
        List<WebhookEvent> events = List.copyOf(request.events);
        if (!events.isEmpty()) {
            ctx.addEndHandler(done -> sim.webhooks().dispatch(request.accountId, events));
        }
        Http.send(ctx, reply.status(), reply.contentType(), reply.body());
    }
}
