package app.ponte.kommo.simulator;

import io.vertx.ext.web.RoutingContext;

/** Writing responses with Kommo's content types (§4). */
public final class Http {
    public static final String HAL = "application/hal+json";
    public static final String PROBLEM = "application/problem+json";
    public static final String JSON = "application/json";

    private Http() {
    }

    public static void send(RoutingContext ctx, int status, String contentType, String body) {
        var response = ctx.response().setStatusCode(status);
        if (contentType != null) {
            response.putHeader("Content-Type", contentType.startsWith("text/") || contentType.contains("charset")
                    ? contentType : contentType + "; charset=utf-8");
        }
        response.end(body == null ? "" : body);
    }

    public static void hal(RoutingContext ctx, Object body) {
        send(ctx, 200, HAL, Json.write(body));
    }

    public static void json(RoutingContext ctx, int status, Object body) {
        send(ctx, status, JSON, Json.write(body));
    }

    public static void noContent(RoutingContext ctx) {
        ctx.response().setStatusCode(204).end();
    }

    public static void fail(RoutingContext ctx, ApiException e) {
        send(ctx, e.status(), e.contentType(), e.body());
    }

    /**
     * {@code http://host:port} as the client addressed us; used for {@code _links}. Read from the request's
     * authority (the {@code Host} header in HTTP/1.1, {@code :authority} in HTTP/2, which clients such as the JDK's
     * HttpClient switch to after an h2c upgrade); without one, the address the request came in on.
     */
    public static String base(RoutingContext ctx) {
        var authority = ctx.request().authority();
        if (authority != null) {
            return "http://" + authority.host() + (authority.port() >= 0 ? ":" + authority.port() : "");
        }
        var local = ctx.request().localAddress();
        return "http://" + (local == null ? "127.0.0.1" : local.hostAddress() + ":" + local.port());
    }
}
