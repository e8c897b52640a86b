package app.ponte.kommo.simulator;

import app.ponte.kommo.simulator.Model.Tag;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Field rules shared by lead, contact and company writes. */
final class EntityWriter {
    private EntityWriter() {
    }

    /** Reads a name: string, at most 255 chars; returns null if absent or invalid. */
    static String name(JsonNode item, String field, String rid, Validation v) {
        JsonNode n = item.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            v.invalidType(rid, field);
            return null;
        }
        if (n.asText().length() > 255) {
            v.tooLong(rid, field, "This value is too long. It should have 255 characters or less.");
            return null;
        }
        return n.asText();
    }

    /** Reads a user id field: must be an account user (or 0 when {@code zeroAllowed}). */
    static Long user(Account account, JsonNode item, String field, boolean zeroAllowed, String rid, Validation v) {
        JsonNode n = item.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber()) {
            v.invalidType(rid, field);
            return null;
        }
        long id = n.asLong();
        if ((id == 0 && zeroAllowed) || account.user(id).isPresent()) {
            return id;
        }
        v.notSupportedChoice(rid, field);
        return null;
    }

    static Long timestamp(JsonNode item, String field, String rid, Validation v) {
        JsonNode n = item.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber()) {
            v.invalidType(rid, field);
            return null;
        }
        return n.asLong();
    }

    /** The common part of create and update: responsible, custom fields, tags, authorship. */
    static void common(SimState state, Account account, String type, Entity e, JsonNode item, long userId, String rid,
                       Validation v, boolean create) {
        Long responsible = user(account, item, "responsible_user_id", false, rid, v);
        if (responsible != null) {
            e.responsibleUserId = responsible;
        } else if (create) {
            e.responsibleUserId = userId;
        }
        Long createdBy = user(account, item, "created_by", true, rid, v);
        Long updatedBy = user(account, item, "updated_by", true, rid, v);
        if (create) {
            e.createdBy = createdBy != null ? createdBy : userId;
        }
        e.updatedBy = updatedBy != null ? updatedBy : userId;
        JsonNode cfv = item.get("custom_fields_values");
        if (cfv != null && cfv.isArray() && cfv.size() > 40 && item.has("__complex")) {
            v.tooLong(rid, "custom_fields_values", "This collection should contain 40 elements or less.");
        }
        CustomFieldValues.apply(account, type, e, cfv, rid, "custom_fields_values", v);
        JsonNode tags = item.path("_embedded").get("tags");
        if (tags != null && !tags.isNull()) {
            e.tagIds = tags(state, account, tags, rid, v);
        }
    }

    /** {@code _embedded.tags[{id}|{name}]}: known ids, existing names or new tags. */
    static List<Long> tags(SimState state, Account account, JsonNode tags, String rid, Validation v) {
        List<Long> ids = new ArrayList<>();
        if (!tags.isArray()) {
            v.invalidType(rid, "_embedded.tags");
            return ids;
        }
        for (int i = 0; i < tags.size(); i++) {
            JsonNode t = tags.get(i);
            Long id = Json.longOrNull(t, "id");
            String name = Json.text(t, "name");
            Tag tag = null;
            if (id != null) {
                tag = account.tags.stream().filter(x -> x.id() == id).findFirst().orElse(null);
            } else if (name != null && !name.isBlank()) {
                tag = account.tags.stream().filter(x -> x.name().equalsIgnoreCase(name.trim())).findFirst()
                        .orElse(null);
                if (tag == null) {
                    tag = new Tag(state.nextId("tag"), name.trim());
                    account.tags.add(tag);
                }
            }
            if (tag == null) {
                v.notSupportedChoice(rid, "_embedded.tags." + i + ".id");
            } else if (!ids.contains(tag.id())) {
                ids.add(tag.id());
            }
        }
        return ids;
    }

    /** The item's request_id, or its index. */
    static String requestId(JsonNode item, int index) {
        String rid = Json.text(item, "request_id");
        return rid != null ? rid : String.valueOf(index);
    }
}
