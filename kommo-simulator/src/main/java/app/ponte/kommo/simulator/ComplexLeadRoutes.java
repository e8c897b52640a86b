package app.ponte.kommo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import java.util.Locale;

/** {@code POST /api/v4/leads/complex}: lead + contact + company in one call, optional duplicate control (§5.4). */
final class ComplexLeadRoutes {
    private final Sim sim;

    ComplexLeadRoutes(Sim sim) {
        this.sim = sim;
    }

    void register(Router router) {
        router.post("/api/v4/leads/complex").handler(ApiHandlers.write(sim, this::complex));
    }

    private Reply complex(ApiRequest r) {
        JsonNode items = r.arrayBody(50, "Limit 50 per request");
        Validation v = new Validation();
        LeadService leads = new LeadService(sim.state(), r.now(), r::emit);
        PartyService parties = new PartyService(sim.state(), r.now(), r::emit);
        ArrayNode out = Json.array();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String rid = EntityWriter.requestId(item, i);
            if (!item.isObject()) {
                v.invalidType(rid, "");
                continue;
            }
            ObjectNode result = one(r, (ObjectNode) item.deepCopy(), rid, v, leads, parties);
            if (result != null) {
                out.add(result);
            }
        }
        v.throwIfAny();
        return new Reply(200, Http.HAL, Json.write(out));
    }

    private ObjectNode one(ApiRequest r, ObjectNode item, String rid, Validation v, LeadService leads,
                           PartyService parties) {
        Account a = r.account();
        JsonNode contacts = item.path("_embedded").path("contacts");
        JsonNode companies = item.path("_embedded").path("companies");
        if (contacts.size() > 1) {
            v.notSupportedChoice(rid, "_embedded.contacts");
        }
        if (companies.size() > 1) {
            v.notSupportedChoice(rid, "_embedded.companies");
        }
        tooManyFields(item, rid, "custom_fields_values", v);
        tooManyFields(contacts.path(0), rid, "_embedded.contacts.0.custom_fields_values", v);
        tooManyFields(companies.path(0), rid, "_embedded.companies.0.custom_fields_values", v);
        Entity contact = null;
        boolean newContact = false;
        if (contacts.size() == 1) {
            JsonNode c = contacts.get(0);
            Long id = Json.longOrNull(c, "id");
            if (id != null) {
                contact = a.contacts.get(id);
                if (contact == null || contact.isDeleted) {
                    v.notSupportedChoice(rid, "_embedded.contacts.0.id");
                    contact = null;
                }
            } else {
                contact = sim.config().duplicateControl ? duplicate(a, c) : null;
                if (contact == null) {
                    contact = parties.create(a, "contacts", c, r.userId, rid, v, false);
                    newContact = contact != null;
                }
            }
        }
        Entity company = null;
        boolean newCompany = false;
        if (companies.size() == 1) {
            JsonNode c = companies.get(0);
            Long id = Json.longOrNull(c, "id");
            if (id != null) {
                company = a.companies.get(id);
                if (company == null || company.isDeleted) {
                    v.notSupportedChoice(rid, "_embedded.companies.0.id");
                    company = null;
                }
            } else {
                company = parties.create(a, "companies", c, r.userId, rid, v, false);
                newCompany = company != null;
            }
        }
        if (!v.isEmpty()) {
            return null;
        }
        Lead merged = contact != null && !newContact && sim.config().duplicateControl
                ? openLead(a, contact, item) : null;
        Lead lead;
        if (merged != null) {
            ObjectNode patch = Json.object();
            if (item.has("name")) {
                patch.set("name", item.get("name"));
            }
            if (item.has("price")) {
                patch.set("price", item.get("price"));
            }
            lead = leads.update(a, patch, merged.id, r.userId, rid, v);
        } else {
            if (item.get("_embedded") instanceof ObjectNode embedded) {
                embedded.remove("contacts");
                embedded.remove("companies");
            }
            lead = leads.create(a, item, r.userId, rid, v, false);
        }
        if (lead == null) {
            return null;
        }
        if (contact != null) {
            Links.link(a, "leads", lead.id, "contacts", contact.id, Boolean.TRUE);
        }
        if (company != null) {
            Links.link(a, "leads", lead.id, "companies", company.id, null);
            boolean contactHasCompany = contact != null && !Links.of(a, "contacts", contact.id, "companies").isEmpty();
            if (contact != null && (newContact || (newCompany && !contactHasCompany))) {
                Links.link(a, "contacts", contact.id, "companies", company.id, null);
            }
        }
        ObjectNode result = Json.object().put("id", lead.id);
        result.put("contact_id", contact == null ? null : contact.id);
        result.put("company_id", company == null ? null : company.id);
        result.putArray("request_id").add(rid);
        result.put("merged", merged != null);
        return result;
    }

    private static void tooManyFields(JsonNode entity, String rid, String path, Validation v) {
        JsonNode cfv = entity.path("custom_fields_values");
        if (cfv.isArray() && cfv.size() > 40) {
            v.tooLong(rid, path, "This collection should contain 40 elements or less.");
        }
    }

    /** Duplicate control (decided emulation): same normalised EMAIL or PHONE as an existing contact. */
    private static Entity duplicate(Account a, JsonNode c) {
        java.util.List<String> emails = new java.util.ArrayList<>();
        java.util.List<String> phones = new java.util.ArrayList<>();
        for (JsonNode f : c.path("custom_fields_values")) {
            Long fieldId = Json.longOrNull(f, "field_id");
            String code = fieldId == null ? Json.text(f, "field_code") : a.fields("contacts").stream()
                    .filter(d -> d.id() == fieldId).map(d -> d.code()).findFirst().orElse(null);
            for (JsonNode value : f.path("values")) {
                String text = Json.text(value, "value");
                if (text != null && "EMAIL".equalsIgnoreCase(code)) {
                    emails.add(text.trim().toLowerCase(Locale.ROOT));
                } else if (text != null && "PHONE".equalsIgnoreCase(code) && !text.replaceAll("\\D", "").isEmpty()) {
                    phones.add(text.replaceAll("\\D", ""));
                }
            }
        }
        return a.contacts.values().stream().filter(x -> !x.isDeleted).filter(x ->
                CustomFieldValues.values(a, "contacts", x, "EMAIL").stream()
                        .anyMatch(e -> emails.contains(e.trim().toLowerCase(Locale.ROOT)))
                        || CustomFieldValues.values(a, "contacts", x, "PHONE").stream()
                        .anyMatch(p -> phones.contains(p.replaceAll("\\D", "")))).findFirst().orElse(null);
    }

    private static Lead openLead(Account a, Entity contact, JsonNode item) {
        long pipelineId = item.hasNonNull("pipeline_id") ? item.get("pipeline_id").asLong() : a.mainPipeline().id();
        return Links.of(a, "contacts", contact.id, "leads").stream().map(l -> a.leads.get(l.toEntityId()))
                .filter(l -> l != null && !l.isDeleted && !LeadService.isClosed(l.statusId) && l.pipelineId == pipelineId)
                .findFirst().orElse(null);
    }
}
