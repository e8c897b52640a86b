package app.ponte.kommo.simulator;

import app.ponte.kommo.simulator.Model.CustomField;
import app.ponte.kommo.simulator.Model.FieldValue;
import app.ponte.kommo.simulator.Model.FieldValues;
import app.ponte.kommo.simulator.Model.Tag;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds webhook events and bodies in Kommo's key order (§6). */
public final class WebhookPayloads {
    private WebhookPayloads() {
    }

    /** The stage/responsible values a lead had before the change that produced the event. */
    public record Before(Long statusId, Long pipelineId, Long responsibleUserId) {
        static final Before NONE = new Before(null, null, null);
    }

    public static WebhookEvent leadEvent(Account account, Lead lead, String action, Before before) {
        List<Map.Entry<String, String>> f = new ArrayList<>();
        if (action.equals("delete")) {
            put(f, "id", lead.id);
            put(f, "status_id", lead.statusId);
            put(f, "pipeline_id", lead.pipelineId);
            return new WebhookEvent("delete_lead", "leads", action, f);
        }
        boolean stageChanged = before.statusId() != null
                && (before.statusId() != lead.statusId || before.pipelineId() != lead.pipelineId);
        put(f, "id", lead.id);
        put(f, "name", lead.name == null ? "" : lead.name);
        put(f, "status_id", lead.statusId);
        if (stageChanged && (action.equals("status") || action.equals("update") || action.equals("responsible"))) {
            put(f, "old_status_id", before.statusId());
            if (before.pipelineId() != lead.pipelineId) {
                put(f, "old_pipeline_id", before.pipelineId());
            }
        }
        put(f, "price", lead.price);
        put(f, "responsible_user_id", lead.responsibleUserId);
        if (action.equals("responsible") && before.responsibleUserId() != null) {
            put(f, "old_responsible_user_id", before.responsibleUserId());
        }
        put(f, "last_modified", lead.updatedAt);
        put(f, "modified_user_id", lead.updatedBy);
        put(f, "created_user_id", lead.createdBy);
        put(f, "date_create", lead.createdAt);
        put(f, "pipeline_id", lead.pipelineId);
        tagsAndFields(account, "leads", lead, f);
        put(f, "created_at", lead.createdAt);
        put(f, "updated_at", lead.updatedAt);
        return new WebhookEvent(action + "_lead", "leads", action, f);
    }

    /** Contact or company event under {@code contacts[action][i]} with {@code type=contact|company}. */
    public static WebhookEvent partyEvent(Account account, String entityType, Entity entity, String action) {
        String type = entityType.equals("contacts") ? "contact" : "company";
        List<Map.Entry<String, String>> f = new ArrayList<>();
        put(f, "id", entity.id);
        if (!action.equals("delete")) {
            put(f, "name", entity.name == null ? "" : entity.name);
            put(f, "responsible_user_id", entity.responsibleUserId);
            put(f, "date_create", entity.createdAt);
            put(f, "last_modified", entity.updatedAt);
            put(f, "created_user_id", entity.createdBy);
            put(f, "modified_user_id", entity.updatedBy);
            tagsAndFields(account, entityType, entity, f);
            put(f, "created_at", entity.createdAt);
            put(f, "updated_at", entity.updatedAt);
        }
        put(f, "type", type);
        return new WebhookEvent(action + "_" + type, "contacts", action, f);
    }

    private static void tagsAndFields(Account account, String entityType, Entity entity,
                                      List<Map.Entry<String, String>> f) {
        int j = 0;
        for (long tagId : entity.tagIds) {
            Tag tag = account.tags.stream().filter(t -> t.id() == tagId).findFirst().orElse(null);
            if (tag != null) {
                put(f, "tags[" + j + "][id]", tag.id());
                put(f, "tags[" + j + "][name]", tag.name());
                j++;
            }
        }
        put(f, "account_id", account.id);
        int k = 0;
        for (FieldValues fv : entity.customFields) {
            CustomField def = account.fields(entityType).stream().filter(d -> d.id() == fv.fieldId()).findFirst()
                    .orElse(null);
            if (def == null) {
                continue;
            }
            String p = "custom_fields[" + k + "]";
            put(f, p + "[id]", def.id());
            put(f, p + "[name]", def.name());
            if (def.code() != null) {
                put(f, p + "[code]", def.code());
            }
            int m = 0;
            for (FieldValue v : fv.values()) {
                if (def.isDate()) {
                    put(f, p + "[values][" + m + "]", v.value().asText());
                } else {
                    put(f, p + "[values][" + m + "][value]", v.value() == null ? "" : v.value().asText());
                    if (v.enumId() != null) {
                        put(f, p + "[values][" + m + "][enum]", v.enumId());
                    }
                }
                m++;
            }
            k++;
        }
    }

    /** The full body: account keys, then the events grouped by section and action (§6). */
    public static List<Map.Entry<String, String>> body(Account account, List<WebhookEvent> events) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        put(pairs, "account[subdomain]", account.subdomain);
        put(pairs, "account[id]", account.id);
        put(pairs, "account[_links][self]", "https://" + account.host);
        for (String section : List.of("leads", "contacts")) {
            for (String action : WebhookEvent.ACTION_ORDER) {
                int i = 0;
                for (WebhookEvent e : events) {
                    if (e.section().equals(section) && e.action().equals(action)) {
                        String prefix = section + "[" + action + "][" + i + "]";
                        for (Map.Entry<String, String> field : e.fields()) {
                            pairs.add(new SimpleEntry<>(prefix + "[" + field.getKey() + "]", field.getValue()));
                        }
                        i++;
                    }
                }
            }
        }
        return pairs;
    }

    /** Digital-pipeline style minimal body (§6). */
    public static List<Map.Entry<String, String>> digitalPipelineBody(Account account, Lead lead, Before before) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        put(pairs, "leads[status][0][id]", lead.id);
        put(pairs, "leads[status][0][pipeline_id]", lead.pipelineId);
        put(pairs, "leads[status][0][status_id]", lead.statusId);
        put(pairs, "leads[status][0][old_pipeline_id]", before.pipelineId());
        put(pairs, "leads[status][0][old_status_id]", before.statusId());
        put(pairs, "account[id]", account.id);
        put(pairs, "account[subdomain]", account.subdomain);
        return pairs;
    }

    private static void put(List<Map.Entry<String, String>> f, String key, Object value) {
        f.add(new SimpleEntry<>(key, String.valueOf(value)));
    }
}
