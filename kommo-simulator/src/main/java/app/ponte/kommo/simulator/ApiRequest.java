package app.ponte.kommo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/** One authenticated {@code /api/v4} call: its account, user, parameters and the webhook events it causes. */
final class ApiRequest {
    final Sim sim;
    final RoutingContext ctx;
    final long accountId;
    final long userId;
    final List<WebhookEvent> events = new ArrayList<>();

    ApiRequest(Sim sim, RoutingContext ctx, long accountId, long userId) {
        this.sim = sim;
        this.ctx = ctx;
        this.accountId = accountId;
        this.userId = userId;
    }

    /** The account (re-read: a rolled back batch replaces the object). */
    Account account() {
        return sim.state().accounts.get(accountId);
    }

    long now() {
        return sim.now();
    }

    String base() {
        return Http.base(ctx);
    }

    String param(String name) {
        return ctx.pathParam(name);
    }

    long idParam() {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound();
        }
    }

    String query(String name) {
        return ctx.queryParams().get(name);
    }

    List<String> queryAll(String name) {
        return ctx.queryParams().getAll(name);
    }

    /** Values of the comma separated {@code with} parameter. */
    boolean with(String what) {
        String with = query("with");
        return with != null && List.of(with.split(",")).contains(what);
    }

    JsonNode body() {
        return Json.parse(ctx.body().asString());
    }

    /** A write body that must be a non-empty array of at most {@code max} items (§4). */
    JsonNode arrayBody(int max, String limitDetail) {
        JsonNode body = body();
        if (!body.isArray()) {
            throw ApiException.badRequest("Request body must be an array");
        }
        if (body.isEmpty()) {
            throw ApiException.badRequest("Request data can not be empty");
        }
        if (body.size() > max) {
            throw ApiException.problem(422, "Unprocessable Entity", limitDetail);
        }
        return body;
    }

    JsonNode objectBody() {
        JsonNode body = body();
        if (!body.isObject()) {
            throw ApiException.badRequest("Request body must be an object");
        }
        if (body.isEmpty()) {
            throw ApiException.badRequest("Request data can not be empty");
        }
        return body;
    }

    void emit(WebhookEvent event) {
        events.add(event);
    }
}
