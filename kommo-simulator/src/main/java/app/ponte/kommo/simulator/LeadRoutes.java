package app.ponte.kommo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.List;

/** {@code /api/v4/leads}: list, get, create, update (§5.4). */
final class LeadRoutes {
    private final Sim sim;

    LeadRoutes(Sim sim) {
        this.sim = sim;
    }

    void register(Router router) {
        router.get("/api/v4/leads").handler(ApiHandlers.read(sim, this::list));
        router.get("/api/v4/leads/:id").handler(ApiHandlers.read(sim, this::get));
        router.post("/api/v4/leads").handler(ApiHandlers.write(sim, this::create));
        router.patch("/api/v4/leads").handler(ApiHandlers.write(sim, this::updateMany));
        router.patch("/api/v4/leads/:id").handler(ApiHandlers.write(sim, this::updateOne));
    }

    private Reply list(ApiRequest r) {
        Account a = r.account();
        boolean onlyDeleted = r.with("only_deleted");
        List<Long> pipelines = r.queryAll("filter[pipeline_id][]").stream().filter(s -> s.matches("\\d+"))
                .map(Long::parseLong).toList();
        List<long[]> stages = new ArrayList<>();
        for (int i = 0; r.query("filter[statuses][" + i + "][status_id]") != null; i++) {
            String p = r.query("filter[statuses][" + i + "][pipeline_id]");
            stages.add(new long[] {p == null ? -1 : Long.parseLong(p),
                    Long.parseLong(r.query("filter[statuses][" + i + "][status_id]"))});
        }
        List<Lead> leads = Listing.select(r, "leads", a.leads.values().stream(), l -> l.isDeleted == onlyDeleted
                && (pipelines.isEmpty() || pipelines.contains(l.pipelineId))
                && (stages.isEmpty() || stages.stream().anyMatch(s -> (s[0] < 0 || s[0] == l.pipelineId)
                && s[1] == l.statusId)));
        return Listing.page(r, "/api/v4/leads", "leads", leads,
                l -> Render.lead(a, l, r.base(), r.with("contacts")));
    }

    private Reply get(ApiRequest r) {
        Lead lead = r.account().leads.get(r.idParam());
        if (lead == null || lead.isDeleted) {
            return Reply.noContent();
        }
        return Reply.hal(Render.lead(r.account(), lead, r.base(), r.with("contacts")));
    }

    private Reply create(ApiRequest r) {
        JsonNode items = r.arrayBody(250, "Limit 250 per page");
        Account a = r.account();
        Validation v = new Validation();
        LeadService leads = new LeadService(sim.state(), r.now(), r::emit);
        ObjectNode body = collection(r, "/api/v4/leads");
        ArrayNode out = body.putObject("_embedded").putArray("leads");
        for (int i = 0; i < items.size(); i++) {
            String rid = EntityWriter.requestId(items.get(i), i);
            Lead lead = leads.create(a, items.get(i), r.userId, rid, v, false);
            if (lead != null) {
                out.addObject().put("id", lead.id).put("request_id", rid)
                        .set("_links", Render.links(r.base(), "leads", lead.id));
            }
        }
        v.throwIfAny();
        return Reply.hal(body);
    }

    private Reply updateMany(ApiRequest r) {
        JsonNode items = r.arrayBody(250, "Limit 250 per page");
        Validation v = new Validation();
        LeadService leads = new LeadService(sim.state(), r.now(), r::emit);
        ObjectNode body = collection(r, "/api/v4/leads");
        ArrayNode out = body.putObject("_embedded").putArray("leads");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String rid = EntityWriter.requestId(item, i);
            Long id = Json.longOrNull(item, "id");
            if (id == null) {
                v.notSupportedChoice(rid, "id");
                continue;
            }
            Lead lead = leads.update(r.account(), item, id, r.userId, rid, v);
            if (lead != null) {
                out.addObject().put("id", lead.id).put("updated_at", lead.updatedAt).put("request_id", rid)
                        .set("_links", Render.links(r.base(), "leads", lead.id));
            }
        }
        v.throwIfAny();
        return Reply.hal(body);
    }

    private Reply updateOne(ApiRequest r) {
        JsonNode item = r.objectBody();
        Validation v = new Validation();
        Lead lead = new LeadService(sim.state(), r.now(), r::emit).update(r.account(), item, r.idParam(), r.userId,
                "0", v);
        v.throwIfAny();
        ObjectNode body = Json.object().put("id", lead.id).put("updated_at", lead.updatedAt);
        body.set("_links", Render.links(r.base(), "leads", lead.id));
        return Reply.hal(body);
    }

    static ObjectNode collection(ApiRequest r, String path) {
        ObjectNode body = Json.object();
        body.putObject("_links").putObject("self").put("href", r.base() + path);
        return body;
    }
}
