package app.ponte.kommo;

import app.ponte.api.ConnectorException;
import app.ponte.api.action.ActionInput;
import app.ponte.api.action.ActionPlan;
import app.ponte.api.action.Failure;
import app.ponte.api.action.RunReference;
import app.ponte.api.context.ConnectionContext;
import app.ponte.api.field.Value;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The algorithm of "Criar ou atualizar lead" (docs/kommo-create-or-update-lead.md), for one run, or for
 * its plan: the same decisions on a read-only client, with the writes described instead of sent.
 */
final class LeadUpsert {

    enum ContactMatch { EMAIL, PHONE, EMAIL_THEN_PHONE, ALWAYS_CREATE }

    enum CompanyMode { NONE, FIND_OR_CREATE, ALWAYS_CREATE }

    record Outcome(long leadId, Long contactId, Long companyId, boolean created, long price, BigDecimal exactPrice) {
    }

    private static final Set<Long> CLOSED = Set.of(142L, 143L);

    private final KommoClient kommo;
    private final Writes writes;
    private final ActionInput in;
    private final RunReference run;
    private final ContactParties parties;
    private final Pipelines pipelines;

    LeadUpsert(KommoClient kommo, Writes writes, ActionInput in, RunReference run) {
        this.kommo = kommo;
        this.writes = writes;
        this.in = in;
        this.run = run;
        this.parties = new ContactParties(kommo, writes, in);
        this.pipelines = new Pipelines(kommo);
    }

    /** What a first attempt of a run would do now, found with GETs only (the client refuses anything else). */
    static ActionPlan plan(ActionInput in, ConnectionContext connection) {
        KommoClient kommo = KommoClient.readOnly(connection);
        Writes writes = Writes.planning(kommo);
        try {
            new LeadUpsert(kommo, writes, in, new RunReference(UUID.randomUUID(), 1)).execute();
            return ActionPlan.of(writes.steps());
        } catch (ConnectorException e) {
            return ActionPlan.stopped(writes.steps(), e.failure());
        }
    }

    Outcome execute() throws ConnectorException {
        BigDecimal exact = in.optionalDecimal("lead.price").orElseThrow(() -> new ConnectorException(
                Failure.permanent("Valor da venda vazio ou não numérico.")));
        if (exact.signum() < 0) {
            throw new ConnectorException(Failure.permanent("Valor da venda negativo: a Kommo só aceita preços ≥ 0."));
        }
        long price = exact.setScale(0, RoundingMode.HALF_UP).longValueExact();
        ContactMatch match = choice("contact.match", ContactMatch.class, ContactMatch.EMAIL_THEN_PHONE);
        Optional<String> companyName = in.optionalText("company.name");
        CompanyMode companyMode = companyName.isEmpty() ? CompanyMode.NONE
                : choice("company.mode", CompanyMode.class, CompanyMode.FIND_OR_CREATE);
        boolean alwaysCreate = match == ContactMatch.ALWAYS_CREATE || companyMode == CompanyMode.ALWAYS_CREATE
                || !parties.hasContactData();
        String runTag = "ponte-" + run.runId();
        if (alwaysCreate && run.attempt() > 1) {
            Optional<Outcome> earlier = findTagged(runTag, price, exact);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        JsonNode contact = match == ContactMatch.ALWAYS_CREATE ? null : parties.findContact(match);
        Long companyId = null;
        if (companyMode == CompanyMode.FIND_OR_CREATE) {
            companyId = parties.findCompany(companyName.get()).map(c -> c.path("id").asLong()).orElse(null);
        }
        boolean newCompany = companyMode != CompanyMode.NONE && companyId == null;
        ArrayNode leadFields = CustomFieldValues.write(kommo, "leads", CustomFieldValues.mapped(in.values(), "lead_custom_fields"));
        JsonNode open = contact == null ? null : openLead(contact);
        if (open != null) {
            return update(open, contact, companyId, newCompany ? companyName.get() : null, leadFields, price, exact);
        }
        return create(contact, companyId, newCompany ? companyName.get() : null, leadFields, price, exact,
                alwaysCreate ? Optional.of(runTag) : Optional.empty());
    }

    private Outcome update(JsonNode lead, JsonNode contact, Long companyId, String newCompany, ArrayNode leadFields,
            long price, BigDecimal exact) throws ConnectorException {
        long leadId = lead.path("id").asLong();
        long contactId = contact.path("id").asLong();
        parties.completeContact(contact);
        if (newCompany != null) {
            companyId = parties.createCompany(newCompany);
        }
        ObjectNode patch = leadBody(price, leadFields);
        ArrayNode tags = mergedTags(lead.path("_embedded").path("tags"), Optional.empty());
        patch.putObject("_embedded").set("tags", tags);
        writes.patch("/api/v4/leads/" + leadId, patch, () -> StepText.of("Atualizar o lead ", "Update lead ")
                .same(leadId + " (").add(StepText.of("aberto, etapa ", "open, stage "))
                .same(StepText.quoted(pipelines.stageName(lead.path("pipeline_id").asLong(), lead.path("status_id").asLong())) + "): ")
                .add(leadText(exact, price, tags, leadFields, false)).write());
        Long current = firstId(lead.path("_embedded").path("companies"));
        Long company = companyId;
        if (companyId != null && !companyId.equals(current)) {
            writes.post("/api/v4/leads/" + leadId + "/link", links(companyId), () -> StepText.of("Ligar ", "Link ")
                    .add(ContactParties.company(company, newCompany)).add(StepText.of(" ao lead ", " to lead ")).same(Long.toString(leadId))
                    .write());
        }
        if (companyId != null && firstId(contact.path("_embedded").path("companies")) == null) {
            writes.post("/api/v4/contacts/" + contactId + "/link", links(companyId), () -> StepText.of("Ligar ", "Link ")
                    .add(ContactParties.company(company, newCompany)).add(StepText.of(" ao ", " to ")).add(ContactParties.contact(contact))
                    .write());
        }
        return new Outcome(leadId, contactId, companyId != null ? companyId : current, false, price, exact);
    }

    private Outcome create(JsonNode contact, Long companyId, String newCompany, ArrayNode leadFields, long price,
            BigDecimal exact, Optional<String> runTag) throws ConnectorException {
        ObjectNode lead = leadBody(price, leadFields);
        ObjectNode embedded = lead.putObject("_embedded");
        ArrayNode tags = mergedTags(KommoClient.JSON.createArrayNode(), runTag);
        embedded.set("tags", tags);
        if (contact == null && companyId == null) {
            if (parties.hasContactData()) {
                embedded.putArray("contacts").add(parties.newContact());
            }
            if (newCompany != null) {
                embedded.putArray("companies").addObject().put("name", newCompany);
            }
            JsonNode made = writes.post("/api/v4/leads/complex", KommoClient.JSON.createArrayNode().add(lead), () -> {
                StepText step = newLeadText(exact, price, tags, leadFields);
                if (parties.hasContactData()) {
                    step.add(StepText.of(", com o novo contato ", ", with new contact ")).add(parties.newContactText());
                }
                if (newCompany != null) {
                    step.add(StepText.of(parties.hasContactData() ? " e " : ", com ", parties.hasContactData() ? " and " : ", with "))
                            .add(ContactParties.company(Writes.PLANNED, newCompany));
                }
                return step.write();
            }).path(0);
            return new Outcome(made.path("id").asLong(), idOrNull(made.path("contact_id")),
                    idOrNull(made.path("company_id")), !made.path("merged").asBoolean(false), price, exact);
        }
        if (newCompany != null) {
            companyId = parties.createCompany(newCompany);
        }
        Long contactId;
        if (contact != null) {
            contactId = contact.path("id").asLong();
            parties.completeContact(contact);
            if (companyId != null && firstId(contact.path("_embedded").path("companies")) == null) {
                long company = companyId;
                writes.post("/api/v4/contacts/" + contactId + "/link", links(companyId), () -> StepText.of("Ligar ", "Link ")
                        .add(ContactParties.company(company, newCompany)).add(StepText.of(" ao ", " to "))
                        .add(ContactParties.contact(contact)).write());
            }
        } else {
            contactId = parties.hasContactData() ? parties.createContact(companyId) : null;
        }
        if (contactId != null) {
            embedded.putArray("contacts").addObject().put("id", contactId).put("is_main", true);
        }
        if (companyId != null) {
            embedded.putArray("companies").addObject().put("id", companyId);
        }
        Long linkedContact = contactId;
        Long linkedCompany = companyId;
        JsonNode made = writes.post("/api/v4/leads", KommoClient.JSON.createArrayNode().add(lead), () -> {
            StepText step = newLeadText(exact, price, tags, leadFields);
            if (linkedContact != null) {
                step.add(StepText.of(", ligado ao ", ", linked to ")).add(contact != null ? ContactParties.contact(contact)
                        : StepText.of("novo contato", "the new contact"));
            }
            if (linkedCompany != null) {
                step.add(StepText.of(linkedContact != null ? " e à " : ", ligado à ", linkedContact != null ? " and " : ", linked to "))
                        .add(ContactParties.company(linkedCompany, newCompany));
            }
            return step.write();
        });
        long leadId = made.path("_embedded").path("leads").path(0).path("id").asLong();
        return new Outcome(leadId, contactId, companyId, true, price, exact);
    }

    private ObjectNode leadBody(long price, ArrayNode leadFields) throws ConnectorException {
        ObjectNode lead = KommoClient.JSON.createObjectNode().put("name", in.text("lead.name")).put("price", price);
        for (String key : new String[] {"pipeline_id", "status_id", "responsible_user_id"}) {
            Optional<Long> id = numeric("lead." + key);
            if (id.isPresent()) {
                lead.put(key, id.get());
            }
        }
        if (!leadFields.isEmpty()) {
            lead.set("custom_fields_values", leadFields);
        }
        return lead;
    }

    /** The lead's tags (by id) plus the input's and the run tag (by name), never removing any. */
    private ArrayNode mergedTags(JsonNode existing, Optional<String> runTag) {
        ArrayNode out = KommoClient.JSON.createArrayNode();
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (JsonNode tag : existing) {
            seen.add(tag.path("name").asText());
            out.addObject().put("id", tag.path("id").asLong());
        }
        List<String> wanted = new ArrayList<>();
        in.optionalText("lead.tags").ifPresent(text -> {
            for (String tag : text.split(",")) {
                wanted.add(tag.strip());
            }
        });
        runTag.ifPresent(wanted::add);
        for (String tag : wanted) {
            if (!tag.isEmpty() && seen.add(tag)) {
                out.addObject().put("name", tag);
            }
        }
        return out;
    }

    /** The contact's most recently updated open lead (not won/lost, not deleted) in the chosen pipeline. */
    private JsonNode openLead(JsonNode contact) throws ConnectorException {
        List<Long> ids = new ArrayList<>();
        contact.path("_embedded").path("leads").forEach(l -> ids.add(l.path("id").asLong()));
        if (ids.isEmpty()) {
            writes.found(() -> StepText.of("Procurar lead aberto do ", "Look up an open lead of ").add(ContactParties.contact(contact))
                    .add(StepText.of(" → o contato não tem leads", " → the contact has no leads")).lookup());
            return null;
        }
        long pipeline = pipeline();
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("filter[id][]", ids.subList(0, Math.min(ids.size(), 250)));
        query.put("limit", 250);
        JsonNode best = null;
        for (JsonNode lead : kommo.get("/api/v4/leads", query).path("_embedded").path("leads")) {
            boolean open = lead.path("pipeline_id").asLong() == pipeline && !CLOSED.contains(lead.path("status_id").asLong())
                    && !lead.path("is_deleted").asBoolean(false);
            if (open && (best == null || NEWEST.compare(lead, best) > 0)) {
                best = lead;
            }
        }
        JsonNode found = best;
        writes.found(() -> StepText.of("Procurar lead aberto do ", "Look up an open lead of ").add(ContactParties.contact(contact))
                .add(StepText.of(" no funil ", " in pipeline ")).same(StepText.quoted(pipelines.name(pipeline)))
                .add(found == null ? StepText.of(" → nenhum (ganhos e perdidos não contam)", " → none (won and lost ones don't count)")
                        : StepText.of(" → encontrado: lead ", " → found: lead ").same(found.path("id").asText() + " "
                                + StepText.quoted(found.path("name").asText()))).lookup());
        return best;
    }

    static final Comparator<JsonNode> NEWEST = Comparator.<JsonNode>comparingLong(n -> n.path("updated_at").asLong())
            .thenComparingLong(n -> n.path("id").asLong());

    /** The chosen pipeline, else the account's main one. */
    private long pipeline() throws ConnectorException {
        Optional<Long> chosen = numeric("lead.pipeline_id");
        return chosen.isPresent() ? chosen.get() : pipelines.main();
    }

    /** {@code Criar o lead 'X' no funil 'F' (primeira etapa): valor …, tags …}. */
    private StepText newLeadText(BigDecimal exact, long price, ArrayNode tags, ArrayNode leadFields) throws ConnectorException {
        long pipeline = pipeline();
        Optional<Long> stage = numeric("lead.status_id");
        return StepText.of("Criar o lead ", "Create lead ").same(StepText.quoted(in.text("lead.name")))
                .add(StepText.of(" no funil ", " in pipeline ")).same(StepText.quoted(pipelines.name(pipeline)))
                .add(stage.isPresent() ? StepText.of(", etapa ", ", stage ").same(StepText.quoted(pipelines.stageName(pipeline, stage.get())))
                        : StepText.of(", primeira etapa", ", first stage"))
                .same(": ").add(leadText(exact, price, tags, leadFields, true));
    }

    /** What a lead write sends, in words: value, stage and user when chosen, tags (the new ones on update), custom fields. */
    private StepText leadText(BigDecimal exact, long price, ArrayNode tags, ArrayNode leadFields, boolean creating)
            throws ConnectorException {
        String currency = in.values().get("lead.price") instanceof Value.Money money ? money.currency() : null;
        List<StepText> parts = new ArrayList<>();
        if (!creating) {
            parts.add(StepText.of("nome ", "name ").same(StepText.quoted(in.text("lead.name"))));
        }
        StepText value = StepText.of("valor ", "value ").add(StepText.money(exact, currency));
        if (exact.compareTo(BigDecimal.valueOf(price)) != 0) {
            value.same(" (").add(StepText.money(BigDecimal.valueOf(price), currency)).add(" na Kommo)", " in Kommo)");
        }
        parts.add(value);
        Optional<Long> stage = numeric("lead.status_id");
        if (!creating && stage.isPresent()) {
            long pipeline = numeric("lead.pipeline_id").isPresent() ? numeric("lead.pipeline_id").get() : 0;
            parts.add(StepText.of("mover para a etapa ", "move to stage ").same(StepText.quoted(pipelines.stageName(pipeline, stage.get()))));
        }
        numeric("lead.responsible_user_id").ifPresent(user -> parts.add(StepText.of("responsável: usuário ", "responsible: user ")
                .same(Long.toString(user))));
        List<String> added = new ArrayList<>();
        boolean runTag = false;
        for (JsonNode tag : tags) {
            if (tag.path("name").asText().equals("ponte-" + run.runId())) {
                runTag = true;
            } else if (tag.has("name")) {
                added.add(tag.path("name").asText());
            }
        }
        if (!added.isEmpty()) {
            parts.add(StepText.of(creating ? "tags " : "tags somadas ", creating ? "tags " : "tags added ").same(String.join(", ", added)));
        }
        if (runTag) {
            parts.add(StepText.of("tag ponte-<execução> (para uma nova tentativa achar este lead)",
                    "tag ponte-<run> (so a retry finds this lead)"));
        }
        if (!leadFields.isEmpty()) {
            int n = leadFields.size();
            parts.add(StepText.customFields(n));
        }
        return StepText.joined(parts);
    }

    /** A retried "always create" run: the lead this run may have created already, found by its run tag. */
    private Optional<Outcome> findTagged(String runTag, long price, BigDecimal exact) throws ConnectorException {
        long from = Instant.now().minus(KommoSettings.retryLookback()).getEpochSecond();
        for (int page = 1; page <= 20; page++) {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("filter[updated_at][from]", from);
            query.put("with", "contacts");
            query.put("order[updated_at]", "desc");
            query.put("limit", 250);
            query.put("page", page);
            JsonNode body = kommo.get("/api/v4/leads", query);
            for (JsonNode lead : body.path("_embedded").path("leads")) {
                for (JsonNode tag : lead.path("_embedded").path("tags")) {
                    if (runTag.equalsIgnoreCase(tag.path("name").asText())) {
                        return Optional.of(new Outcome(lead.path("id").asLong(), mainContact(lead),
                                firstId(lead.path("_embedded").path("companies")), true, price, exact));
                    }
                }
            }
            if (body.path("_links").path("next").isMissingNode()) {
                break;
            }
        }
        return Optional.empty();
    }

    static Long mainContact(JsonNode lead) {
        Long first = null;
        for (JsonNode contact : lead.path("_embedded").path("contacts")) {
            if (contact.path("is_main").asBoolean(false)) {
                return contact.path("id").asLong();
            }
            first = first == null ? contact.path("id").asLong() : first;
        }
        return first;
    }

    static Long firstId(JsonNode items) {
        return items.isArray() && !items.isEmpty() ? items.path(0).path("id").asLong() : null;
    }

    private static Long idOrNull(JsonNode id) {
        return id.canConvertToLong() && id.asLong() > 0 ? id.asLong() : null;
    }

    private static ArrayNode links(long companyId) {
        ArrayNode body = KommoClient.JSON.createArrayNode();
        body.addObject().put("to_entity_id", companyId).put("to_entity_type", "companies");
        return body;
    }

    private Optional<Long> numeric(String key) throws ConnectorException {
        Optional<String> text = in.optionalText(key);
        if (text.isPresent() && !text.get().matches("\\d{1,18}")) {
            throw new ConnectorException(Failure.permanent("O campo " + key + " espera o id numérico de uma opção da Kommo."));
        }
        return text.map(Long::parseLong);
    }

    private <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) throws ConnectorException {
        Optional<String> value = in.optionalText(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.get().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConnectorException(Failure.permanent("Opção desconhecida em " + key + "."));
        }
    }
}
