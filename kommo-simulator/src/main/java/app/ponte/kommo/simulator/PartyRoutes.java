package app.ponte.kommo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import java.util.List;

/** {@code /api/v4/contacts} and {@code /api/v4/companies} (one instance per entity type, §5.5–5.6). */
final class PartyRoutes {
    private final Sim sim;
    private final String type;

    PartyRoutes(Sim sim, String type) {
        this.sim = sim;
        this.type = type;
    }

    void register(Router router) {
        String base = "/api/v4/" + type;
        router.get(base).handler(ApiHandlers.read(sim, this::list));
        router.get(base + "/:id").handler(ApiHandlers.read(sim, this::get));
        router.post(base).handler(ApiHandlers.write(sim, this::create));
        router.patch(base).handler(ApiHandlers.write(sim, this::updateMany));
        router.patch(base + "/:id").handler(ApiHandlers.write(sim, this::updateOne));
    }

    private Reply list(ApiRequest r) {
        Account a = r.account();
        List<? extends Entity> items = Listing.select(r, type, a.entities(type).values().stream().map(e -> (Entity) e),
                e -> !e.isDeleted);
        return Listing.page(r, "/api/v4/" + type, type, items, e -> Render.render(a, type, e, r.base(), r));
    }

    private Reply get(ApiRequest r) {
        Entity e = r.account().entities(type).get(r.idParam());
        if (e == null || e.isDeleted) {
            return Reply.noContent();
        }
        return Reply.hal(Render.render(r.account(), type, e, r.base(), r));
    }

    private Reply create(ApiRequest r) {
        JsonNode items = r.arrayBody(250, "Limit 250 per page");
        Validation v = new Validation();
        PartyService parties = new PartyService(sim.state(), r.now(), r::emit);
        ObjectNode body = LeadRoutes.collection(r, "/api/v4/" + type);
        ArrayNode out = body.putObject("_embedded").putArray(type);
        for (int i = 0; i < items.size(); i++) {
            String rid = EntityWriter.requestId(items.get(i), i);
            Entity e = parties.create(r.account(), type, items.get(i), r.userId, rid, v, false);
            if (e != null) {
                out.addObject().put("id", e.id).put("request_id", rid).set("_links", Render.links(r.base(), type, e.id));
            }
        }
        v.throwIfAny();
        return Reply.hal(body);
    }

    private Reply updateMany(ApiRequest r) {
        JsonNode items = r.arrayBody(250, "Limit 250 per page");
        Validation v = new Validation();
        PartyService parties = new PartyService(sim.state(), r.now(), r::emit);
        ObjectNode body = LeadRoutes.collection(r, "/api/v4/" + type);
        ArrayNode out = body.putObject("_embedded").putArray(type);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String rid = EntityWriter.requestId(item, i);
            Long id = Json.longOrNull(item, "id");
            Entity e = id == null ? null : parties.update(r.account(), type, item, id, r.userId, rid, v);
            if (id == null) {
                v.notSupportedChoice(rid, "id");
            } else if (e != null) {
                out.addObject().put("id", e.id).put("updated_at", e.updatedAt).put("request_id", rid)
                        .set("_links", Render.links(r.base(), type, e.id));
            }
        }
        v.throwIfAny();
        return Reply.hal(body);
    }

    private Reply updateOne(ApiRequest r) {
        JsonNode item = r.objectBody();
        Validation v = new Validation();
        Entity e = new PartyService(sim.state(), r.now(), r::emit).update(r.account(), type, item, r.idParam(),
                r.userId, "0", v);
        v.throwIfAny();
        ObjectNode body = Json.object().put("id", e.id).put("updated_at", e.updatedAt);
        body.set("_links", Render.links(r.base(), type, e.id));
        return Reply.hal(body);
    }
}
