package app.ponte.kommo.simulator;

import app.ponte.kommo.simulator.Model.Tag;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** API read shapes of leads, contacts and companies (§5.4–5.6). */
final class Render {
    private Render() {
    }

    static ObjectNode links(String base, String entityType, long id) {
        ObjectNode links = Json.object();
        links.putObject("self").put("href", base + "/api/v4/" + entityType + "/" + id);
        return links;
    }

    static ObjectNode lead(Account a, Lead l, String base, boolean withContacts) {
        ObjectNode n = Json.object().put("id", l.id).put("name", l.name).put("price", l.price);
        if (l.priceWithMinorUnits != null) {
            n.put("price_with_minor_units", l.priceWithMinorUnits);
        }
        n.put("responsible_user_id", l.responsibleUserId).put("group_id", l.groupId).put("status_id", l.statusId)
                .put("pipeline_id", l.pipelineId).put("loss_reason_id", l.lossReasonId).put("created_by", l.createdBy)
                .put("updated_by", l.updatedBy).put("created_at", l.createdAt).put("updated_at", l.updatedAt)
                .put("closed_at", l.closedAt).put("closest_task_at", l.closestTaskAt).put("is_deleted", l.isDeleted);
        n.set("custom_fields_values", CustomFieldValues.render(a, "leads", l));
        n.put("score", l.score).put("account_id", a.id).put("labor_cost", l.laborCost)
                .put("is_price_computed", l.isPriceComputed);
        n.set("_links", links(base, "leads", l.id));
        ObjectNode embedded = n.putObject("_embedded");
        embedded.set("tags", tags(a, l));
        ArrayNode companies = embedded.putArray("companies");
        Links.of(a, "leads", l.id, "companies").forEach(v -> companies.addObject().put("id", v.toEntityId())
                .set("_links", links(base, "companies", v.toEntityId())));
        if (withContacts) {
            ArrayNode contacts = embedded.putArray("contacts");
            Links.of(a, "leads", l.id, "contacts").forEach(v -> contacts.addObject().put("id", v.toEntityId())
                    .put("is_main", v.main()).set("_links", links(base, "contacts", v.toEntityId())));
        }
        return n;
    }

    static ObjectNode contact(Account a, Contact c, String base, boolean withLeads) {
        ObjectNode n = Json.object().put("id", c.id).put("name", c.name).put("first_name", c.firstName)
                .put("last_name", c.lastName);
        common(a, "contacts", c, n);
        n.put("is_unsorted", false);
        n.set("custom_fields_values", CustomFieldValues.render(a, "contacts", c));
        n.put("account_id", a.id);
        n.set("_links", links(base, "contacts", c.id));
        ObjectNode embedded = n.putObject("_embedded");
        embedded.set("tags", tags(a, c));
        ArrayNode companies = embedded.putArray("companies");
        Links.of(a, "contacts", c.id, "companies").forEach(v -> companies.addObject().put("id", v.toEntityId())
                .set("_links", links(base, "companies", v.toEntityId())));
        if (withLeads) {
            embedded.set("leads", refs(a, "contacts", c.id, "leads", base));
        }
        return n;
    }

    static ObjectNode company(Account a, Company c, String base, boolean withContacts, boolean withLeads) {
        ObjectNode n = Json.object().put("id", c.id).put("name", c.name);
        common(a, "companies", c, n);
        n.set("custom_fields_values", CustomFieldValues.render(a, "companies", c));
        n.put("account_id", a.id);
        n.set("_links", links(base, "companies", c.id));
        ObjectNode embedded = n.putObject("_embedded");
        embedded.set("tags", tags(a, c));
        if (withContacts) {
            embedded.set("contacts", refs(a, "companies", c.id, "contacts", base));
        }
        if (withLeads) {
            embedded.set("leads", refs(a, "companies", c.id, "leads", base));
        }
        return n;
    }

    private static void common(Account a, String type, Entity e, ObjectNode n) {
        n.put("responsible_user_id", e.responsibleUserId).put("group_id", e.groupId).put("created_by", e.createdBy)
                .put("updated_by", e.updatedBy).put("created_at", e.createdAt).put("updated_at", e.updatedAt)
                .put("closest_task_at", e.closestTaskAt).put("is_deleted", e.isDeleted);
    }

    private static ArrayNode refs(Account a, String type, long id, String toType, String base) {
        ArrayNode out = Json.array();
        Links.of(a, type, id, toType).forEach(v -> out.addObject().put("id", v.toEntityId())
                .set("_links", links(base, toType, v.toEntityId())));
        return out;
    }

    static ArrayNode tags(Account a, Entity e) {
        ArrayNode out = Json.array();
        for (long tagId : e.tagIds) {
            a.tags.stream().filter(t -> t.id() == tagId).findFirst()
                    .ifPresent((Tag t) -> out.addObject().put("id", t.id()).put("name", t.name()).putNull("color"));
        }
        return out;
    }

    static ObjectNode render(Account a, String type, Entity e, String base, ApiRequest r) {
        return switch (type) {
            case "leads" -> lead(a, (Lead) e, base, r != null && r.with("contacts"));
            case "contacts" -> contact(a, (Contact) e, base, r != null && r.with("leads"));
            default -> company(a, (Company) e, base, r != null && r.with("contacts"), r != null && r.with("leads"));
        };
    }
}
