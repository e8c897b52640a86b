package app.ponte.kommo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Records every request in the request log (§2) once answered. Secrets are masked: the Authorization and
 * X-Refresh-Token headers and the body fields client_secret, code, refresh_token and access_token appear
 * as {@code sha256:<16 hex>} (matching the hashes of the state dump). The console log shows only method,
 * path, status and account — no query strings or bodies, which may hold personal data.
 */
final class RequestLogger {
    private static final Logger LOG = Logger.getLogger(RequestLogger.class.getName());
    private static final Set<String> SECRET_FIELDS = Set.of("client_secret", "code", "refresh_token", "access_token");
    static final String ACCOUNT = "sim.account.subdomain";

    private RequestLogger() {
    }

    static void handle(Sim sim, RoutingContext ctx) {
        long time = sim.now();
        ctx.addEndHandler(done -> {
            var request = ctx.request();
            ObjectNode entry = Json.object().put("time", time).put("method", request.method().name())
                    .put("path", request.path()).put("query", request.query() == null ? "" : request.query());
            ObjectNode headers = entry.putObject("headers");
            request.headers().forEach(h -> {
                String name = h.getKey();
                boolean secret = name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("X-Refresh-Token");
                headers.put(name, secret ? maskHeader(h.getValue()) : h.getValue());
            });
            entry.put("body", maskBody(ctx.body() == null ? null : ctx.body().asString(),
                    request.getHeader("Content-Type")));
            entry.put("status", ctx.response().getStatusCode());
            String account = ctx.get(ACCOUNT);
            if (account == null) {
                entry.putNull("account");
            } else {
                entry.put("account", account);
            }
            entry.put("client_ip", ApiGate.clientIp(ctx));
            sim.requests().add(entry);
            if (!request.path().startsWith("/__sim")) {
                LOG.info(request.method() + " " + request.path() + " -> " + ctx.response().getStatusCode()
                        + (account == null ? "" : " account=" + account));
            }
        });
        ctx.next();
    }

    private static String maskHeader(String value) {
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "Bearer " + Tokens.mask(value.substring(7).trim());
        }
        return Tokens.mask(value);
    }

    static String maskBody(String body, String contentType) {
        if (body == null || body.isEmpty()) {
            return body;
        }
        if (contentType != null && contentType.contains("x-www-form-urlencoded")) {
            StringBuilder out = new StringBuilder();
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String decodedKey = URLDecoder.decode(key, StandardCharsets.UTF_8);
                if (out.length() > 0) {
                    out.append('&');
                }
                if (eq >= 0 && SECRET_FIELDS.contains(decodedKey)) {
                    out.append(key).append('=')
                            .append(Tokens.mask(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)));
                } else {
                    out.append(pair);
                }
            }
            return out.toString();
        }
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            if (json != null && json.isObject()) {
                ObjectNode obj = (ObjectNode) json;
                for (String field : SECRET_FIELDS) {
                    if (obj.hasNonNull(field)) {
                        obj.put(field, Tokens.mask(obj.get(field).asText()));
                    }
                }
                return Json.write(obj);
            }
        } catch (Exception e) {
            return body;
        }
        return body;
    }
}
