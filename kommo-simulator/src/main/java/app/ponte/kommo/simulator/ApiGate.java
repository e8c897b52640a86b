package app.ponte.kommo.simulator;

import app.ponte.kommo.simulator.Faults.Fault;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/**
 * What stands in front of the routes (§4): IP block and injected faults for every non-{@code /__sim} route;
 * for {@code /api/v4}: bearer token, rate limit and the unpaid flag.
 */
final class ApiGate {
    static final String ACCOUNT_ID = "sim.account.id";
    static final String USER_ID = "sim.user.id";
    static final String BLOCK_PAGE = "<html><head><title>403 Forbidden</title></head><body><center><h1>403 Forbidden"
            + "</h1></center><hr><center>nginx</center></body></html>";

    private ApiGate() {
    }

    static String clientIp(RoutingContext ctx) {
        var address = ctx.request().remoteAddress();
        return address == null ? "unknown" : address.hostAddress();
    }

    /** Faults first (they override everything), then the IP block. */
    static void faultsAndBlock(Sim sim, RoutingContext ctx) {
        String path = ctx.request().path();
        if (path.startsWith("/__sim")) {
            ctx.next();
            return;
        }
        Fault fault = sim.faults().take(ctx.request().method().name(), path);
        if (fault == null) {
            block(sim, ctx);
            return;
        }
        Runnable answer = () -> {
            if (fault.status() == 0) {
                block(sim, ctx);
            } else {
                Http.send(ctx, fault.status(), fault.contentType() != null ? fault.contentType() : Http.PROBLEM,
                        fault.body() != null ? fault.body() : defaultFaultBody(fault.status()));
            }
        };
        if (fault.delayMs() > 0) {
            sim.vertx().setTimer(fault.delayMs(), t -> answer.run());
        } else {
            answer.run();
        }
    }

    private static void block(Sim sim, RoutingContext ctx) {
        if (sim.throttle().isBlocked(clientIp(ctx))) {
            Http.send(ctx, 403, "text/html", BLOCK_PAGE);
        } else {
            ctx.next();
        }
    }

    static String defaultFaultBody(int status) {
        var node = Json.object();
        if (status >= 500) {
            node.put("title", "ErrInternalServer").put("status", status).put("detail", "Simulated fault")
                    .put("trace_id", UUID.randomUUID().toString().replace("-", ""));
        } else {
            node.put("title", "Error").put("type", "https://httpstatus.es/" + status).put("status", status)
                    .put("detail", "Simulated fault");
        }
        return Json.write(node);
    }

    /** Bearer token → account and user; then the rate limit and the unpaid flag. */
    static void authenticate(Sim sim, RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        long accountId;
        long userId;
        boolean paid;
        synchronized (sim.state()) {
            Grant grant = null;
            String detail = "Unauthorized";
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                grant = sim.state().grants.get(Tokens.hash(header.substring(7).trim()));
                detail = "Token not found";
            }
            if (grant != null && grant.kind.equals(Grant.REFRESH)) {
                grant = null;
            }
            if (grant != null && grant.revoked) {
                detail = "Token has been revoked";
                grant = null;
            } else if (grant != null && sim.now() >= grant.expiresAt) {
                detail = "Token has expired";
                grant = null;
            }
            Account account = grant == null ? null : sim.state().accounts.get(grant.accountId);
            if (account == null) {
                Http.fail(ctx, new ApiException(401, Http.PROBLEM, Json.write(Json.object().put("title", "Unauthorized")
                        .put("type", "https://httpstatus.es/401").put("status", 401).put("detail", detail))));
                return;
            }
            OAuthRoutes.usedChildOf(sim, grant);
            accountId = account.id;
            userId = grant.userId;
            paid = account.paid;
            ctx.put(RequestLogger.ACCOUNT, account.subdomain);
        }
        if (!sim.throttle().tryAcquire(accountId, sim.config().rateLimitPerSecond)) {
            sim.throttle().recordRejection(clientIp(ctx), sim.config());
            int retryAfter = sim.config().retryAfterSeconds;
            if (sim.config().retryAfterHeader) {
                ctx.response().putHeader("Retry-After", String.valueOf(retryAfter));
            }
            Http.send(ctx, 429, Http.PROBLEM, Json.write(Json.object().put("title", "Too Many Requests")
                    .put("type", "https://httpstatus.es/429").put("status", 429)
                    .put("detail", "You have sent too many requests in a given amount of time. Please try again later.")
                    .put("retry_after", retryAfter)));
            return;
        }
        if (!paid) {
            Http.fail(ctx, ApiException.problem(402, "Payment Required", "Account is not paid"));
            return;
        }
        ctx.put(ACCOUNT_ID, accountId);
        ctx.put(USER_ID, userId);
        ctx.next();
    }
}
