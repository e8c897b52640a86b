package app.ponte.kommo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;

/** Contact and company creation and update (§5.5, §5.6). Caller holds the state lock. */
final class PartyService {
    private final SimState state;
    private final long now;
    private final Consumer<WebhookEvent> emit;

    PartyService(SimState state, long now, Consumer<WebhookEvent> emit) {
        this.state = state;
        this.now = now;
        this.emit = emit;
    }

    /** Creates a contact or company; null if validation failed. */
    Entity create(Account account, String type, JsonNode item, long userId, String rid, Validation v, boolean seed) {
        if (!item.isObject()) {
            v.invalidType(rid, "");
            return null;
        }
        int errors = v.size();
        Entity e = type.equals("contacts") ? new Contact() : new Company();
        names(type, e, item, rid, v, true);
        EntityWriter.common(state, account, type, e, item, userId, rid, v, true);
        Long createdAt = EntityWriter.timestamp(item, "created_at", rid, v);
        e.createdAt = createdAt != null ? createdAt : now;
        Long updatedAt = seed ? EntityWriter.timestamp(item, "updated_at", rid, v) : null;
        e.updatedAt = updatedAt != null ? updatedAt : now;
        Long companyId = null;
        if (type.equals("contacts")) {
            JsonNode companies = item.path("_embedded").path("companies");
            if (companies.isArray() && !companies.isEmpty()) {
                companyId = Json.longOrNull(companies.get(0), "id");
                Company company = companyId == null ? null : account.companies.get(companyId);
                if (company == null || company.isDeleted) {
                    v.notSupportedChoice(rid, "_embedded.companies.0.id");
                }
            }
        }
        if (v.size() > errors) {
            return null;
        }
        Long givenId = seed ? Json.longOrNull(item, "id") : null;
        if (givenId != null) {
            state.claimId(type, givenId);
            e.id = givenId;
        } else {
            e.id = state.nextId(type);
        }
        if (seed) {
            e.isDeleted = item.path("is_deleted").asBoolean(false);
        }
        if (e instanceof Contact c) {
            account.contacts.put(c.id, c);
        } else {
            account.companies.put(e.id, (Company) e);
        }
        if (companyId != null) {
            Links.link(account, "contacts", e.id, "companies", companyId, null);
        }
        emit.accept(WebhookPayloads.partyEvent(account, type, e, "add"));
        return e;
    }

    Entity update(Account account, String type, JsonNode item, long id, long userId, String rid, Validation v) {
        Entity e = account.entities(type).get(id);
        if (e == null || e.isDeleted) {
            v.notSupportedChoice(rid, "id");
            return null;
        }
        names(type, e, item, rid, v, false);
        EntityWriter.common(state, account, type, e, item, userId, rid, v, false);
        e.updatedAt = now;
        emit.accept(WebhookPayloads.partyEvent(account, type, e, "update"));
        return e;
    }

    /** Name rules: company name required on create; contact name/first/last derived (§5.5). */
    private static void names(String type, Entity e, JsonNode item, String rid, Validation v, boolean create) {
        String name = EntityWriter.name(item, "name", rid, v);
        if (e instanceof Contact c) {
            String first = EntityWriter.name(item, "first_name", rid, v);
            String last = EntityWriter.name(item, "last_name", rid, v);
            if (name != null && first == null && last == null) {
                c.name = name;
                if (create) {
                    c.firstName = name;
                    c.lastName = "";
                }
            } else if (name == null && (first != null || last != null)) {
                c.firstName = first != null ? first : (create ? "" : c.firstName);
                c.lastName = last != null ? last : (create ? "" : c.lastName);
                c.name = (c.firstName + " " + c.lastName).trim();
            } else if (name != null) {
                c.name = name;
                c.firstName = first != null ? first : (create ? "" : c.firstName);
                c.lastName = last != null ? last : (create ? "" : c.lastName);
            } else if (create) {
                c.name = "";
            }
            return;
        }
        if (name != null) {
            if (name.isBlank()) {
                v.notBlank(rid, "name");
            }
            e.name = name;
        } else if (create) {
            v.notBlank(rid, "name");
        }
    }
}
