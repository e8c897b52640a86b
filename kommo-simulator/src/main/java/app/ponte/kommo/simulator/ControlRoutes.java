package app.ponte.kommo.simulator;

import app.ponte.kommo.simulator.Model.CustomField;
import app.ponte.kommo.simulator.Model.Integration;
import app.ponte.kommo.simulator.Model.User;
import app.ponte.kommo.simulator.SimState.PipelineSpec;
import app.ponte.kommo.simulator.WebhookPayloads.Before;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The {@code /__sim} test control API (§2). */
final class ControlRoutes {
    private final Sim sim;
    private final OAuthRoutes oauth;
    private final HttpClient http = HttpClient.newHttpClient();

    ControlRoutes(Sim sim, OAuthRoutes oauth) {
        this.sim = sim;
        this.oauth = oauth;
    }

    void register(Router router) {
        router.post("/__sim/reset").handler(ctx -> run(ctx, this::reset));
        router.get("/__sim/config").handler(ctx -> run(ctx, b -> Json.MAPPER.valueToTree(sim.config())));
        router.put("/__sim/config").handler(ctx -> run(ctx, this::config));
        router.get("/__sim/clock").handler(ctx -> run(ctx, b -> clock()));
        router.post("/__sim/clock").handler(ctx -> run(ctx, this::moveClock));
        router.post("/__sim/integrations").handler(ctx -> run(ctx, this::integration));
        router.post("/__sim/accounts").handler(ctx -> run(ctx, this::account));
        router.put("/__sim/accounts/:sub").handler(ctx -> run(ctx, b -> flags(ctx, b)));
        router.post("/__sim/accounts/:sub/seed").handler(ctx -> run(ctx, b -> new Seeder(sim).seed(account(ctx), b)));
        router.get("/__sim/accounts/:sub/state").handler(ctx -> run(ctx, b -> dump(ctx)));
        router.post("/__sim/accounts/:sub/leads/:id/move").handler(ctx -> run(ctx, b -> leadAction(ctx, b, "move")));
        router.post("/__sim/accounts/:sub/leads/:id/delete").handler(ctx -> run(ctx, b -> leadAction(ctx, b, "delete")));
        router.post("/__sim/accounts/:sub/leads/:id/restore").handler(ctx -> run(ctx, b -> leadAction(ctx, b, "restore")));
        router.post("/__sim/accounts/:sub/revoke").handler(ctx -> run(ctx, b -> revoke(ctx, b)));
        router.post("/__sim/accounts/:sub/rename").handler(ctx -> run(ctx, b -> rename(ctx, b)));
        router.post("/__sim/accounts/:sub/long-lived-token").handler(ctx -> run(ctx, b -> longLived(ctx, b)));
        router.post("/__sim/accounts/:sub/dp-hook").handler(ctx -> run(ctx, b -> dpHook(ctx, b)));
        router.post("/__sim/oauth/code").handler(ctx -> run(ctx, this::code));
        router.post("/__sim/faults").handler(ctx -> run(ctx, this::fault));
        router.delete("/__sim/faults").handler(ctx -> run(ctx, b -> {
            sim.faults().clear();
            return Json.object();
        }));
        router.get("/__sim/requests").handler(ctx -> run(ctx, b -> Json.object()
                .set("requests", sim.requests().since(since(ctx)))));
        router.get("/__sim/webhook-deliveries").handler(ctx -> run(ctx, b -> Json.object()
                .put("pending_retries", sim.webhooks().pendingCount())
                .set("deliveries", sim.webhooks().log().since(since(ctx)))));
        router.post("/__sim/webhooks/flush").handler(ctx -> sim.webhooks().idle()
                .thenCompose(x -> sim.webhooks().flush()).whenComplete((x, e) -> sim.vertx().runOnContext(v ->
                        Http.json(ctx, 200, Json.object().put("pending_retries", sim.webhooks().pendingCount())))));
    }

    private void run(RoutingContext ctx, Function<JsonNode, JsonNode> action) {
        JsonNode body;
        String text = ctx.body() == null ? null : ctx.body().asString();
        JsonNode result;
        try {
            body = text == null || text.isBlank() ? Json.object() : Json.parse(text);
            synchronized (sim.state()) {
                result = action.apply(body);
            }
        } catch (ApiException e) {
            Http.fail(ctx, e);
            return;
        }
        if (!ctx.request().method().name().equals("GET")) {
            sim.changed();
        }
        Http.json(ctx, 200, result);
    }

    private static long since(RoutingContext ctx) {
        String since = ctx.queryParams().get("since");
        return since == null || !since.matches("\\d+") ? 0 : Long.parseLong(since);
    }

    private Account account(RoutingContext ctx) {
        return sim.state().accountBySubdomain(ctx.pathParam("sub"));
    }

    private JsonNode reset(JsonNode body) {
        sim.state().clear();
        sim.clock().offset(0);
        sim.faults().clear();
        sim.throttle().clear();
        sim.webhooks().clear();
        if (body.path("seed_demo").asBoolean(false)) {
            DemoSeed.apply(sim, DemoSeed.Demo.defaults());
        }
        return Json.object().put("reset", true);
    }

    private JsonNode config(JsonNode body) {
        try {
            Json.MAPPER.readerForUpdating(sim.config()).readValue(body);
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("Invalid config: " + e.getMessage());
        }
        return Json.MAPPER.valueToTree(sim.config());
    }

    private ObjectNode clock() {
        return Json.object().put("now", sim.now()).put("offset_seconds", sim.clock().offset());
    }

    private JsonNode moveClock(JsonNode body) {
        if (body.has("advance_seconds")) {
            sim.clock().advance(body.get("advance_seconds").asLong());
        } else if (body.has("now")) {
            sim.clock().set(body.get("now").asLong());
        } else {
            throw ApiException.badRequest("Give advance_seconds or now");
        }
        sim.state().clockOffset = sim.clock().offset();
        sim.vertx().runOnContext(v -> sim.webhooks().fireDue());
        return clock();
    }

    private JsonNode integration(JsonNode body) {
        String clientId = Json.text(body, "client_id");
        String secret = Json.text(body, "client_secret");
        String redirect = Json.text(body, "redirect_uri");
        if (clientId == null || secret == null || redirect == null) {
            throw ApiException.badRequest("client_id, client_secret and redirect_uri are required");
        }
        sim.state().integrations.put(clientId, new Integration(clientId, secret, redirect, Json.text(body, "revoke_hook_url")));
        return Json.object().put("client_id", clientId).put("redirect_uri", redirect);
    }

    private JsonNode account(JsonNode body) {
        String sub = Json.text(body, "subdomain");
        if (sub == null) {
            throw ApiException.badRequest("subdomain is required");
        }
        List<User> users = new ArrayList<>();
        for (JsonNode u : body.path("users")) {
            long id = u.hasNonNull("id") ? u.get("id").asLong() : sim.state().nextId("user");
            users.add(new User(id, u.path("name").asText("User " + id), u.path("is_admin").asBoolean(false)));
        }
        if (users.isEmpty()) {
            users.add(new User(sim.state().nextId("user"), "Admin", true));
        }
        List<PipelineSpec> pipelines = new ArrayList<>();
        for (JsonNode p : body.path("pipelines")) {
            List<String> stages = new ArrayList<>();
            p.path("stages").forEach(s -> stages.add(s.isObject() ? s.path("name").asText() : s.asText()));
            pipelines.add(new PipelineSpec(Json.longOrNull(p, "id"), p.path("name").asText("Funil"), stages));
        }
        Account a = sim.state().createAccount(sub, Json.longOrNull(body, "id"), Json.text(body, "host"), users,
                pipelines, sim.now());
        if (body.hasNonNull("name")) {
            a.name = body.get("name").asText();
        }
        return summary(a);
    }

    private ObjectNode summary(Account a) {
        ObjectNode n = Json.object().put("id", a.id).put("subdomain", a.subdomain).put("host", a.host)
                .put("paid", a.paid);
        n.set("users", Json.MAPPER.valueToTree(a.users));
        n.set("pipelines", Json.MAPPER.valueToTree(a.pipelines));
        n.set("custom_fields", Json.MAPPER.valueToTree(a.customFields));
        return n;
    }

    private JsonNode flags(RoutingContext ctx, JsonNode body) {
        Account a = account(ctx);
        if (body.has("paid")) {
            a.paid = body.get("paid").asBoolean();
        }
        if (body.hasNonNull("host")) {
            a.host = body.get("host").asText();
        }
        if (body.hasNonNull("name")) {
            a.name = body.get("name").asText();
        }
        return summary(a);
    }

    private JsonNode dump(RoutingContext ctx) {
        Account a = account(ctx);
        String base = Http.base(ctx);
        ObjectNode n = summary(a);
        ArrayNode leads = n.putArray("leads");
        a.leads.values().forEach(l -> leads.add(Render.lead(a, l, base, true)));
        ArrayNode contacts = n.putArray("contacts");
        a.contacts.values().forEach(c -> contacts.add(Render.contact(a, c, base, true)));
        ArrayNode companies = n.putArray("companies");
        a.companies.values().forEach(c -> companies.add(Render.company(a, c, base, true, true)));
        n.set("links", Json.MAPPER.valueToTree(a.links));
        n.set("tags", Json.MAPPER.valueToTree(a.tags));
        ArrayNode hooks = n.putArray("webhooks");
        a.webhooks.forEach(w -> hooks.add(WebhookRoutes.render(a, w).put("invalid_attempts", w.invalidAttempts.size())));
        ArrayNode tokens = n.putArray("tokens");
        sim.state().grants.values().stream().filter(g -> g.accountId == a.id).forEach(g -> tokens.addObject()
                .put("hash", "sha256:" + g.hash.substring(0, 16)).put("kind", g.kind).put("client_id", g.clientId)
                .put("user_id", g.userId).put("issued_at", g.issuedAt).put("expires_at", g.expiresAt)
                .put("revoked", g.revoked));
        return n;
    }

    private JsonNode leadAction(RoutingContext ctx, JsonNode body, String action) {
        Account a = account(ctx);
        long id = Long.parseLong(ctx.pathParam("id"));
        Lead lead = a.leads.get(id);
        if (lead == null) {
            throw ApiException.notFound();
        }
        List<WebhookEvent> events = new ArrayList<>();
        long user = body.hasNonNull("user_id") ? body.get("user_id").asLong() : a.users.get(0).id();
        switch (action) {
            case "move" -> {
                if (lead.isDeleted || !body.hasNonNull("status_id")) {
                    throw ApiException.badRequest("Lead deleted or status_id missing");
                }
                new LeadService(sim.state(), sim.now(), events::add).move(a, lead, Json.longOrNull(body, "pipeline_id"),
                        body.get("status_id").asLong(), user);
            }
            case "delete" -> {
                lead.isDeleted = true;
                lead.updatedAt = sim.now();
                events.add(WebhookPayloads.leadEvent(a, lead, "delete", Before.NONE));
            }
            default -> {
                lead.isDeleted = false;
                lead.updatedAt = sim.now();
                events.add(WebhookPayloads.leadEvent(a, lead, "restore", Before.NONE));
            }
        }
        sim.webhooks().dispatch(a.id, events);
        return Render.lead(a, lead, Http.base(ctx), true);
    }

    private JsonNode revoke(RoutingContext ctx, JsonNode body) {
        Account a = account(ctx);
        String clientId = Json.text(body, "client_id");
        int revoked = 0;
        for (Grant g : sim.state().grants.values()) {
            if (g.accountId == a.id && (clientId == null || clientId.equals(g.clientId)) && !g.revoked) {
                g.revoked = true;
                revoked++;
            }
        }
        for (Integration i : sim.state().integrations.values()) {
            if ((clientId == null || clientId.equals(i.clientId())) && i.revokeHookUrl() != null) {
                String signature = Tokens.hmacHex(i.clientSecret(), i.clientId() + "|" + a.id);
                String url = OAuthRoutes.withQuery(i.revokeHookUrl(), Map.of()) + (i.revokeHookUrl().contains("?") ? "&" : "?")
                        + "client_uuid=" + FormEncoder.encode(i.clientId()) + "&account_id=" + a.id
                        + "&signature=" + signature;
                http.sendAsync(HttpRequest.newBuilder(URI.create(url)).GET()
                        .header("User-Agent", "amoService-oAuth-Code-Sender/1.0").build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        }
        return Json.object().put("revoked_tokens", revoked);
    }

    private JsonNode rename(RoutingContext ctx, JsonNode body) {
        Account a = account(ctx);
        String sub = Json.text(body, "subdomain");
        if (sub == null) {
            throw ApiException.badRequest("subdomain is required");
        }
        if (sim.state().accounts.values().stream().anyMatch(x -> x != a && x.subdomain.equals(sub))) {
            throw ApiException.badRequest("subdomain " + sub + " belongs to another account");
        }
        a.subdomain = sub;
        a.host = body.hasNonNull("host") ? body.get("host").asText() : sub + ".kommo.com";
        return summary(a);
    }

    private JsonNode longLived(RoutingContext ctx, JsonNode body) {
        Account a = account(ctx);
        long user = body.hasNonNull("user_id") ? body.get("user_id").asLong() : a.users.get(0).id();
        if (a.user(user).isEmpty() || !body.hasNonNull("expires_at")) {
            throw ApiException.badRequest("user_id of the account and expires_at are required");
        }
        String token = Tokens.accessJwt(a.id, user, Json.text(body, "client_id"), sim.now(),
                body.get("expires_at").asLong(), a.host);
        Grant g = new Grant(Tokens.hash(token), Grant.LONG_LIVED, Json.text(body, "client_id"), a.id, user, sim.now(),
                body.get("expires_at").asLong(), null);
        sim.state().grants.put(g.hash, g);
        return Json.object().put("token", token);
    }

    private JsonNode dpHook(RoutingContext ctx, JsonNode body) {
        Account a = account(ctx);
        Long leadId = Json.longOrNull(body, "lead_id");
        Lead lead = leadId == null ? null : a.leads.get(leadId);
        String destination = Json.text(body, "destination");
        if (lead == null || destination == null) {
            throw ApiException.badRequest("destination and an existing lead_id are required");
        }
        Before before = new Before(lead.previousStatusId != null ? lead.previousStatusId : lead.statusId,
                lead.previousPipelineId != null ? lead.previousPipelineId : lead.pipelineId, null);
        String form = FormEncoder.encode(WebhookPayloads.digitalPipelineBody(a, lead, before));
        sim.webhooks().sendNow(a.id, destination, form, sim.config().dpRetryDelaysS);
        return Json.object().put("body", form);
    }

    private JsonNode code(JsonNode body) {
        String clientId = Json.text(body, "client_id");
        if (clientId == null || !sim.state().integrations.containsKey(clientId)) {
            throw ApiException.badRequest("Unknown client_id");
        }
        Account a = sim.state().accountBySubdomain(Json.text(body, "subdomain"));
        long user = body.hasNonNull("user_id") ? body.get("user_id").asLong() : a.users.get(0).id();
        if (a.user(user).isEmpty()) {
            throw ApiException.badRequest("Unknown user_id");
        }
        return Json.object().put("code", oauth.mintCode(clientId, a, user)).put("referer", a.host);
    }

    private JsonNode fault(JsonNode body) {
        String regex = Json.text(body, "path_regex");
        if (regex == null) {
            throw ApiException.badRequest("path_regex is required");
        }
        sim.faults().add(new Faults.Fault(Json.text(body, "method"), Pattern.compile(regex),
                body.path("status").asInt(0), Json.text(body, "body"), Json.text(body, "content_type"),
                body.path("times").asInt(1), body.path("delay_ms").asLong(0)));
        return Json.object().put("armed", sim.faults().size());
    }

    /** Used by seeds to define extra custom fields: {@code {"leads":[{"name","type","code"?,"enums"?}]}}. */
    static CustomField field(SimState state, JsonNode f) {
        List<String> values = new ArrayList<>();
        f.path("enums").forEach(e -> values.add(e.isObject() ? e.path("value").asText() : e.asText()));
        Long id = Json.longOrNull(f, "id");
        if (id != null) {
            state.claimId("field", id);
        }
        return new CustomField(id != null ? id : state.nextId("field"), f.path("name").asText(), Json.text(f, "code"),
                f.path("type").asText("text"), f.path("sort").asInt(500),
                values.isEmpty() ? List.of() : state.enums(values.toArray(String[]::new)));
    }
}
