package app.ponte.kommo.simulator;

import app.ponte.kommo.simulator.Model.Pipeline;
import app.ponte.kommo.simulator.Model.Status;
import app.ponte.kommo.simulator.WebhookPayloads.Before;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;

/** Lead creation, update and stage moves with their webhook events (§5.4). Caller holds the state lock. */
final class LeadService {
    private final SimState state;
    private final long now;
    private final Consumer<WebhookEvent> emit;

    LeadService(SimState state, long now, Consumer<WebhookEvent> emit) {
        this.state = state;
        this.now = now;
        this.emit = emit;
    }

    /** Creates a lead; {@code seed} allows ids and the seed-only fields. Returns null if validation failed. */
    Lead create(Account account, JsonNode item, long userId, String rid, Validation v, boolean seed) {
        if (!item.isObject()) {
            v.invalidType(rid, "");
            return null;
        }
        int errors = v.size();
        Lead lead = new Lead();
        lead.name = EntityWriter.name(item, "name", rid, v);
        price(item, lead, rid, v);
        Pipeline pipeline = pipeline(account, item, rid, v, account.mainPipeline());
        if (pipeline != null) {
            Status status = status(pipeline, item, rid, v, true);
            if (status != null) {
                lead.pipelineId = pipeline.id();
                lead.statusId = status.id();
            }
        }
        EntityWriter.common(state, account, "leads", lead, item, userId, rid, v, true);
        Long createdAt = EntityWriter.timestamp(item, "created_at", rid, v);
        lead.createdAt = createdAt != null ? createdAt : now;
        Long updatedAt = seed ? EntityWriter.timestamp(item, "updated_at", rid, v) : null;
        lead.updatedAt = updatedAt != null ? updatedAt : now;
        lead.closedAt = EntityWriter.timestamp(item, "closed_at", rid, v);
        if (lead.closedAt == null && isClosed(lead.statusId)) {
            lead.closedAt = now;
        }
        lead.lossReasonId = Json.longOrNull(item, "loss_reason_id");
        if (seed) {
            seedOnly(item, lead);
        }
        List<Long> contactIds = embeddedIds(account.contacts, item, "contacts", rid, v);
        List<Long> companyIds = embeddedIds(account.companies, item, "companies", rid, v);
        if (v.size() > errors) {
            return null;
        }
        lead.id = assignId(item, "leads", seed);
        if (lead.name == null) {
            lead.name = "Lead #" + lead.id;
        }
        account.leads.put(lead.id, lead);
        JsonNode contacts = item.path("_embedded").path("contacts");
        for (int i = 0; i < contactIds.size(); i++) {
            Links.link(account, "leads", lead.id, "contacts", contactIds.get(i),
                    contacts.get(i).path("is_main").asBoolean(false) ? Boolean.TRUE : null);
        }
        companyIds.forEach(id -> Links.link(account, "leads", lead.id, "companies", id, null));
        if (!lead.isDeleted) {
            emit.accept(WebhookPayloads.leadEvent(account, lead, "add", Before.NONE));
        }
        return lead;
    }

    /** Updates a lead from a PATCH item; stage changes emit status + update, anything else update. */
    Lead update(Account account, JsonNode item, long id, long userId, String rid, Validation v) {
        Lead lead = account.leads.get(id);
        if (lead == null || lead.isDeleted) {
            v.notSupportedChoice(rid, "id");
            return null;
        }
        Before before = new Before(lead.statusId, lead.pipelineId, lead.responsibleUserId);
        String name = EntityWriter.name(item, "name", rid, v);
        if (name != null) {
            lead.name = name;
        }
        price(item, lead, rid, v);
        if (item.has("pipeline_id") || item.has("status_id")) {
            Pipeline current = account.pipeline(lead.pipelineId).orElse(account.mainPipeline());
            Pipeline pipeline = pipeline(account, item, rid, v, current);
            if (pipeline != null) {
                boolean keepStatus = !item.has("status_id") && pipeline.status(lead.statusId) != null;
                Status status = keepStatus ? pipeline.status(lead.statusId) : status(pipeline, item, rid, v, false);
                if (status != null) {
                    lead.pipelineId = pipeline.id();
                    lead.statusId = status.id();
                }
            }
        }
        EntityWriter.common(state, account, "leads", lead, item, userId, rid, v, false);
        Long closedAt = EntityWriter.timestamp(item, "closed_at", rid, v);
        if (item.has("loss_reason_id")) {
            lead.lossReasonId = Json.longOrNull(item, "loss_reason_id");
        }
        lead.updatedAt = now;
        afterChange(account, lead, before, closedAt);
        return lead;
    }

    /** A user moving a lead in the UI ({@code /__sim/.../move}). */
    void move(Account account, Lead lead, Long pipelineId, long statusId, long userId) {
        Before before = new Before(lead.statusId, lead.pipelineId, lead.responsibleUserId);
        Pipeline pipeline = pipelineId == null ? account.pipeline(lead.pipelineId).orElseThrow()
                : account.pipeline(pipelineId).orElseThrow(() -> ApiException.badRequest("Unknown pipeline"));
        if (pipeline.status(statusId) == null) {
            throw ApiException.badRequest("Status " + statusId + " is not in pipeline " + pipeline.id());
        }
        lead.pipelineId = pipeline.id();
        lead.statusId = statusId;
        lead.updatedBy = userId;
        lead.updatedAt = now;
        afterChange(account, lead, before, null);
    }

    private void afterChange(Account account, Lead lead, Before before, Long closedAt) {
        boolean stageChanged = before.statusId() != lead.statusId || before.pipelineId() != lead.pipelineId;
        if (stageChanged) {
            lead.previousStatusId = before.statusId();
            lead.previousPipelineId = before.pipelineId();
            if (isClosed(lead.statusId) && !isClosed(before.statusId())) {
                lead.closedAt = now;
            } else if (!isClosed(lead.statusId)) {
                lead.closedAt = null;
            }
        }
        if (closedAt != null) {
            lead.closedAt = closedAt;
        }
        emit.accept(WebhookPayloads.leadEvent(account, lead, "update", before));
        if (stageChanged) {
            emit.accept(WebhookPayloads.leadEvent(account, lead, "status", before));
        }
        if (before.responsibleUserId() != lead.responsibleUserId) {
            emit.accept(WebhookPayloads.leadEvent(account, lead, "responsible", before));
        }
    }

    static boolean isClosed(long statusId) {
        return statusId == 142 || statusId == 143;
    }

    private void price(JsonNode item, Lead lead, String rid, Validation v) {
        JsonNode p = item.get("price");
        if (p == null || p.isNull()) {
            return;
        }
        if (!p.isNumber() || p.decimalValue().signum() < 0) {
            v.invalidType(rid, "price");
            return;
        }
        BigDecimal value = p.decimalValue();
        lead.price = value.longValue();
        lead.priceWithMinorUnits = p.isIntegralNumber() ? null : value;
    }

    private Pipeline pipeline(Account account, JsonNode item, String rid, Validation v, Pipeline fallback) {
        JsonNode p = item.get("pipeline_id");
        if (p == null || p.isNull()) {
            return fallback;
        }
        if (!p.isIntegralNumber()) {
            v.invalidType(rid, "pipeline_id");
            return null;
        }
        Pipeline pipeline = account.pipeline(p.asLong()).orElse(null);
        if (pipeline == null) {
            v.notSupportedChoice(rid, "pipeline_id");
        }
        return pipeline;
    }

    private Status status(Pipeline pipeline, JsonNode item, String rid, Validation v, boolean create) {
        JsonNode s = item.get("status_id");
        if (s == null || s.isNull()) {
            return pipeline.statuses().stream().filter(x -> x.type() == 0).findFirst().orElse(null);
        }
        if (!s.isIntegralNumber()) {
            v.invalidType(rid, "status_id");
            return null;
        }
        Status status = pipeline.status(s.asLong());
        if (status == null || status.type() == 1) {
            v.notSupportedChoice(rid, "status_id");
            return null;
        }
        return status;
    }

    private List<Long> embeddedIds(java.util.Map<Long, ? extends Entity> existing, JsonNode item, String what,
                                   String rid, Validation v) {
        JsonNode list = item.path("_embedded").get(what);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            v.invalidType(rid, "_embedded." + what);
            return List.of();
        }
        java.util.ArrayList<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Long id = Json.longOrNull(list.get(i), "id");
            Entity e = id == null ? null : existing.get(id);
            if (e == null || e.isDeleted) {
                v.notSupportedChoice(rid, "_embedded." + what + "." + i + ".id");
            } else {
                ids.add(id);
            }
        }
        return ids;
    }

    private long assignId(JsonNode item, String type, boolean seed) {
        Long given = seed ? Json.longOrNull(item, "id") : null;
        if (given != null) {
            state.claimId(type, given);
            return given;
        }
        return state.nextId(type);
    }

    private static void seedOnly(JsonNode item, Lead lead) {
        if (item.hasNonNull("score")) {
            lead.score = item.get("score").asInt();
        }
        if (item.hasNonNull("labor_cost")) {
            lead.laborCost = item.get("labor_cost").asInt();
        }
        lead.isPriceComputed = item.path("is_price_computed").asBoolean(false);
        lead.isDeleted = item.path("is_deleted").asBoolean(false);
    }
}
