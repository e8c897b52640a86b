package app.ponte.kommo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code /api/v4/webhooks}: subscribe (upsert by destination), list, delete — admins only (§5.9). */
final class WebhookRoutes {
    static final Set<String> SETTINGS = Set.of("add_lead", "update_lead", "delete_lead", "restore_lead", "status_lead",
            "responsible_lead", "add_contact", "update_contact", "delete_contact", "add_company", "update_company",
            "delete_company");
    private final Sim sim;

    WebhookRoutes(Sim sim) {
        this.sim = sim;
    }

    void register(Router router) {
        router.get("/api/v4/webhooks").handler(ApiHandlers.read(sim, this::list));
        router.post("/api/v4/webhooks").handler(ApiHandlers.write(sim, this::subscribe));
        router.delete("/api/v4/webhooks").handler(ApiHandlers.write(sim, this::unsubscribe));
    }

    private void requireAdmin(ApiRequest r) {
        if (r.account().user(r.userId).map(u -> !u.isAdmin()).orElse(true)) {
            throw ApiException.problem(403, "Forbidden", "Only administrators can manage webhooks");
        }
    }

    private Reply list(ApiRequest r) {
        requireAdmin(r);
        String destination = r.query("filter[destination]");
        List<Webhook> hooks = r.account().webhooks.stream()
                .filter(w -> destination == null || w.destination.equals(destination)).toList();
        if (hooks.isEmpty()) {
            return Reply.noContent();
        }
        ObjectNode body = Json.object().put("_total_items", hooks.size());
        var list = body.putObject("_embedded").putArray("webhooks");
        hooks.forEach(w -> list.add(render(r.account(), w)));
        return Reply.hal(body);
    }

    private Reply subscribe(ApiRequest r) {
        requireAdmin(r);
        JsonNode body = r.objectBody();
        Validation v = new Validation();
        String destination = Json.text(body, "destination");
        if (destination == null || !validDestination(destination)) {
            v.add("0", "InvalidUrl", "destination", "This value is not a valid URL.");
        }
        JsonNode settings = body.get("settings");
        List<String> wanted = new ArrayList<>();
        if (settings == null || !settings.isArray() || settings.isEmpty()) {
            v.notBlank("0", "settings");
        } else {
            for (int i = 0; i < settings.size(); i++) {
                String s = settings.get(i).asText();
                if (SETTINGS.contains(s)) {
                    wanted.add(s);
                } else {
                    v.notSupportedChoice("0", "settings." + i);
                }
            }
        }
        v.throwIfAny();
        Account a = r.account();
        Webhook hook = a.webhooks.stream().filter(w -> w.destination.equals(destination)).findFirst().orElse(null);
        if (hook == null) {
            if (a.webhooks.size() >= 100) {
                throw ApiException.badRequest("Webhooks limit (100) reached");
            }
            hook = new Webhook();
            hook.id = sim.state().nextId("webhook");
            hook.destination = destination;
            hook.createdAt = r.now();
            hook.createdBy = r.userId;
            a.webhooks.add(hook);
        }
        hook.settings = wanted;
        hook.sort = body.path("sort").asInt(hook.sort);
        hook.disabled = false;
        hook.invalidAttempts.clear();
        hook.updatedAt = r.now();
        return Reply.hal(render(a, hook));
    }

    private Reply unsubscribe(ApiRequest r) {
        requireAdmin(r);
        String destination = Json.text(r.objectBody(), "destination");
        r.account().webhooks.removeIf(w -> w.destination.equals(destination));
        return Reply.noContent();
    }

    private boolean validDestination(String destination) {
        try {
            URI uri = URI.create(destination);
            boolean https = "https".equals(uri.getScheme());
            boolean http = "http".equals(uri.getScheme()) && sim.config().allowHttpDestinations;
            return (https || http) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static ObjectNode render(Account a, Webhook w) {
        ObjectNode n = Json.object().put("id", w.id).put("destination", w.destination).put("created_at", w.createdAt)
                .put("updated_at", w.updatedAt).put("account_id", a.id).put("created_by", w.createdBy)
                .put("sort", w.sort).put("disabled", w.disabled);
        var settings = n.putArray("settings");
        w.settings.forEach(settings::add);
        return n;
    }
}
