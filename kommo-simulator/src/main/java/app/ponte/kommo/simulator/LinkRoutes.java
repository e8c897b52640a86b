package app.ponte.kommo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Set;

/** {@code POST /{entity}/{id}/link|unlink}, {@code GET /{entity}/{id}/links} (§5.8). */
final class LinkRoutes {
    private static final Set<String> TYPES = Set.of("leads", "contacts", "companies");
    private final Sim sim;

    LinkRoutes(Sim sim) {
        this.sim = sim;
    }

    void register(Router router) {
        for (String type : TYPES) {
            String base = "/api/v4/" + type + "/:id/";
            router.post(base + "link").handler(ApiHandlers.write(sim, r -> change(r, type, true)));
            router.post(base + "unlink").handler(ApiHandlers.write(sim, r -> change(r, type, false)));
            router.get(base + "links").handler(ApiHandlers.read(sim, r -> list(r, type)));
        }
    }

    private Reply change(ApiRequest r, String type, boolean link) {
        Account a = r.account();
        long id = r.idParam();
        Entity from = a.entities(type).get(id);
        if (from == null || from.isDeleted) {
            throw ApiException.notFound();
        }
        JsonNode items = r.arrayBody(250, "Limit 250 per page");
        Validation v = new Validation();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String toType = Json.text(item, "to_entity_type");
            Long toId = Json.longOrNull(item, "to_entity_id");
            if (toType == null || !TYPES.contains(toType) || toType.equals(type)) {
                v.notSupportedChoice(String.valueOf(i), i + ".to_entity_type");
                continue;
            }
            Entity to = toId == null ? null : a.entities(toType).get(toId);
            if (to == null || to.isDeleted) {
                v.notSupportedChoice(String.valueOf(i), i + ".to_entity_id");
                continue;
            }
            JsonNode isMain = item.path("metadata").get("is_main");
            boolean changed = link
                    ? Links.link(a, type, id, toType, toId, isMain != null && isMain.asBoolean() ? Boolean.TRUE : null)
                    : Links.unlink(a, type, id, toType, toId);
            if (changed) {
                from.updatedAt = r.now();
                to.updatedAt = r.now();
            }
        }
        v.throwIfAny();
        if (!link) {
            return Reply.noContent();
        }
        return collection(r, type, id, Links.of(a, type, id).stream()
                .filter(view -> java.util.stream.StreamSupport.stream(items.spliterator(), false)
                        .anyMatch(n -> view.toEntityType().equals(Json.text(n, "to_entity_type"))
                                && n.path("to_entity_id").asLong() == view.toEntityId())).toList());
    }

    private Reply list(ApiRequest r, String type) {
        long id = r.idParam();
        Entity e = r.account().entities(type).get(id);
        List<Links.View> views = e == null ? List.of() : Links.of(r.account(), type, id);
        return views.isEmpty() ? Reply.noContent() : collection(r, type, id, views);
    }

    private Reply collection(ApiRequest r, String type, long id, List<Links.View> views) {
        ObjectNode body = Json.object().put("_total_items", views.size());
        body.putObject("_links").putObject("self").put("href", r.base() + "/api/v4/" + type + "/" + id + "/links");
        ArrayNode list = body.putObject("_embedded").putArray("links");
        for (Links.View view : views) {
            ObjectNode n = list.addObject().put("entity_id", view.entityId()).put("entity_type", view.entityType())
                    .put("to_entity_id", view.toEntityId()).put("to_entity_type", view.toEntityType());
            boolean contactLink = Set.of(view.entityType(), view.toEntityType()).equals(Set.of("leads", "contacts"));
            if (contactLink) {
                n.putObject("metadata").put("main_contact", view.main()).put("updated_by", r.userId);
            } else {
                n.putNull("metadata");
            }
        }
        return Reply.hal(body);
    }
}
