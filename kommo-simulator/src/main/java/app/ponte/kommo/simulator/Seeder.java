package app.ponte.kommo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code POST /__sim/accounts/{sub}/seed}: inserts entities in API shape, ids may be given, no webhooks. */
final class Seeder {
    private final Sim sim;

    Seeder(Sim sim) {
        this.sim = sim;
    }

    ObjectNode seed(Account account, JsonNode body) {
        return sim.state().atomically(account, () -> apply(account, body));
    }

    private ObjectNode apply(Account a, JsonNode body) {
        ObjectNode out = Json.object();
        long user = a.users.get(0).id();
        ObjectNode fields = out.putObject("custom_fields");
        body.path("custom_fields").fields().forEachRemaining(e -> {
            var list = fields.putArray(e.getKey());
            for (JsonNode f : e.getValue()) {
                var def = ControlRoutes.field(sim.state(), f);
                a.fields(e.getKey()).add(def);
                list.add(Json.MAPPER.valueToTree(def));
            }
        });
        Validation v = new Validation();
        PartyService parties = new PartyService(sim.state(), sim.now(), e -> { });
        LeadService leads = new LeadService(sim.state(), sim.now(), e -> { });
        for (String type : new String[] {"companies", "contacts"}) {
            var ids = out.putArray(type);
            int i = 0;
            for (JsonNode item : body.path(type)) {
                Entity e = parties.create(a, type, item, user, type + "." + i++, v, true);
                if (e != null) {
                    ids.add(e.id);
                }
            }
        }
        var leadIds = out.putArray("leads");
        int i = 0;
        for (JsonNode item : body.path("leads")) {
            Lead l = leads.create(a, item, user, "leads." + i++, v, true);
            if (l != null) {
                leadIds.add(l.id);
            }
        }
        for (JsonNode link : body.path("links")) {
            String from = Json.text(link, "entity_type");
            String to = Json.text(link, "to_entity_type");
            Links.link(a, from, link.path("entity_id").asLong(), to, link.path("to_entity_id").asLong(),
                    link.path("metadata").path("is_main").asBoolean(false) ? Boolean.TRUE : null);
        }
        v.throwIfAny();
        return out;
    }
}
