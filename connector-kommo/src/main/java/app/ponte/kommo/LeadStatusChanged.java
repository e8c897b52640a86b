package app.ponte.kommo;

import app.ponte.api.ConnectorException;
import app.ponte.api.Label;
import app.ponte.api.action.Failure;
import app.ponte.api.context.ConnectionContext;
import app.ponte.api.field.Field;
import app.ponte.api.field.FieldType;
import app.ponte.api.field.FieldValues;
import app.ponte.api.field.Value;
import app.ponte.api.trigger.SampleEvent;
import app.ponte.api.trigger.SubscriptionLifecycle;
import app.ponte.api.trigger.TriggerDefinition;
import app.ponte.api.trigger.TriggerEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * "Lead alcançou uma etapa": fires for {@code leads[status]} and {@code leads[add]} entries in the chosen
 * pipeline and stage (parsed by {@link KommoWebhooks}); the runner completes the 12 fields of the page by
 * reading the lead, its main contact and the contact's company (contract §7.6–§7.7).
 */
final class LeadStatusChanged {

    static final String KEY = "lead_status_changed";
    static final List<String> EVENTS = List.of("status_lead", "add_lead");

    private LeadStatusChanged() {
    }

    static TriggerDefinition definition() {
        return TriggerDefinition.webhook(KEY, Label.of("Lead alcançou uma etapa", "Lead reached a stage"),
                        Label.of("Quando um lead alcança uma etapa na Kommo (mudança de etapa ou lead criado já na etapa).",
                                "When a lead reaches a stage in Kommo (stage change or lead created in that stage)."))
                .settings(List.of(
                        Field.dynamicChoice("pipeline_id", "Funil", "Pipeline", KommoChoices.pipelines()).asRequired(),
                        Field.dynamicChoice("status_id", "Etapa", "Stage", KommoChoices.stages("pipeline_id", true))
                                .dependingOn("pipeline_id").asRequired()))
                .outputs(outputs())
                .samples(List.of(sample("lead-moved-to-stage.form"), sample("leads-added-with-accents.form")))
                .lifecycle(new Subscriptions())
                .enricher(LeadStatusChanged::enrich)
                .filter((event, settings) -> Objects.equals(event.values().get("lead.pipeline_id").text(), settings.get("pipeline_id"))
                        && Objects.equals(event.values().get("lead.status_id").text(), settings.get("status_id")))
                .build();
    }

    private static List<Field> outputs() {
        return List.of(
                Field.of("lead.name", FieldType.TEXT, "Lead: Nome", "Lead: Name"),
                Field.of("lead.price", FieldType.NUMBER, "Lead: Preço", "Lead: Price"),
                Field.of("lead.is_deleted", FieldType.BOOLEAN, "Lead: Foi deletado?", "Lead: Was deleted?"),
                Field.of("lead.score", FieldType.NUMBER, "Lead: Pontuação", "Lead: Score"),
                Field.of("lead.labor_cost", FieldType.INTEGER, "Lead: Custo do trabalho", "Lead: Labor cost")
                        .withNote("Em segundos, como a Kommo informa.", "In seconds, as Kommo reports it."),
                Field.of("lead.is_price_computed", FieldType.BOOLEAN, "Lead: Preço foi computado?", "Lead: Price was computed?"),
                Field.of("lead.created_at", FieldType.DATE_TIME, "Lead: Data de criação do lead", "Lead: Creation date"),
                Field.of("lead.updated_at", FieldType.DATE_TIME, "Lead: Data de atualização", "Lead: Update date"),
                Field.of("lead.contact.name", FieldType.TEXT, "Lead: Nome inteiro do contato", "Lead: Contact full name"),
                Field.of("lead.contact.first_name", FieldType.TEXT, "Lead: Primeiro nome do contato", "Lead: Contact first name"),
                Field.of("lead.contact.last_name", FieldType.TEXT, "Lead: Sobrenome do contato", "Lead: Contact last name"),
                Field.of("lead.contact.company_name", FieldType.TEXT, "Lead: Nome da empresa do contato", "Lead: Contact's company name"),
                Field.of("lead.id", FieldType.IDENTIFIER, "Lead: ID", "Lead: ID"),
                Field.of("lead.pipeline_id", FieldType.IDENTIFIER, "Lead: ID do funil", "Lead: Pipeline ID"),
                Field.of("lead.status_id", FieldType.IDENTIFIER, "Lead: ID da etapa", "Lead: Stage ID"));
    }

    /** Reads the lead (204/404 → deleted), its main contact and that contact's company. */
    static FieldValues enrich(TriggerEvent event, ConnectionContext connection) throws ConnectorException {
        KommoClient kommo = new KommoClient(connection);
        String leadId = event.values().get("lead.id").text();
        FieldValues.Builder out = FieldValues.builder();
        JsonNode lead = kommo.find("/api/v4/leads/" + leadId, Map.of("with", "contacts"));
        if (lead.isMissingNode() || lead.path("is_deleted").asBoolean(false)) {
            return out.put("lead.is_deleted", Value.bool(true)).put("lead.contact.name", Value.empty())
                    .put("lead.contact.first_name", Value.empty()).put("lead.contact.last_name", Value.empty())
                    .put("lead.contact.company_name", Value.empty()).build();
        }
        out.put("lead.name", Value.text(lead.path("name").asText(null)))
                .put("lead.price", decimal(lead.path("price")))
                .put("lead.is_deleted", Value.bool(false))
                .put("lead.score", decimal(lead.path("score")))
                .put("lead.labor_cost", decimal(lead.path("labor_cost")))
                .put("lead.is_price_computed", lead.path("is_price_computed").isBoolean()
                        ? Value.bool(lead.path("is_price_computed").asBoolean()) : Value.empty())
                .put("lead.created_at", instant(lead.path("created_at")))
                .put("lead.updated_at", instant(lead.path("updated_at")))
                .put("lead.pipeline_id", Value.text(lead.path("pipeline_id").asText(null)))
                .put("lead.status_id", Value.text(lead.path("status_id").asText(null)));
        Long contactId = LeadUpsert.mainContact(lead);
        JsonNode contact = contactId == null ? null : kommo.find("/api/v4/contacts/" + contactId, Map.of());
        if (contact == null || contact.isMissingNode()) {
            return out.put("lead.contact.name", Value.empty()).put("lead.contact.first_name", Value.empty())
                    .put("lead.contact.last_name", Value.empty()).put("lead.contact.company_name", Value.empty()).build();
        }
        out.put("lead.contact.name", Value.text(contact.path("name").asText(null)))
                .put("lead.contact.first_name", Value.text(contact.path("first_name").asText(null)))
                .put("lead.contact.last_name", Value.text(contact.path("last_name").asText(null)));
        Long companyId = LeadUpsert.firstId(contact.path("_embedded").path("companies"));
        JsonNode company = companyId == null ? null : kommo.find("/api/v4/companies/" + companyId, Map.of());
        return out.put("lead.contact.company_name", company == null || company.isMissingNode() ? Value.empty()
                : Value.text(company.path("name").asText(null))).build();
    }

    private static Value decimal(JsonNode node) {
        return node.isNumber() ? Value.decimal(node.decimalValue()) : Value.empty();
    }

    private static Value instant(JsonNode node) {
        return node.canConvertToLong() ? Value.timestamp(Instant.ofEpochSecond(node.asLong())) : Value.empty();
    }

    private static SampleEvent sample(String file) {
        try (InputStream in = LeadStatusChanged.class.getResourceAsStream("samples/" + file)) {
            String body = new String(Objects.requireNonNull(in, file).readAllBytes(), StandardCharsets.UTF_8).strip();
            return new SampleEvent(file, Map.of("Content-Type", "application/x-www-form-urlencoded",
                    "User-Agent", "amoCRM-Webhooks/3.0"), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers the connection's URL at {@code /api/v4/webhooks} for status and add events; removes it by destination. */
    static final class Subscriptions implements SubscriptionLifecycle {

        @Override
        public Subscription subscribe(ConnectionContext connection, URI webhookUrl) throws ConnectorException {
            ObjectNode body = KommoClient.JSON.createObjectNode().put("destination", webhookUrl.toString()).put("sort", 10);
            EVENTS.forEach(body.putArray("settings")::add);
            JsonNode made;
            try {
                made = new KommoClient(connection).post("/api/v4/webhooks", body);
            } catch (ConnectorException e) {
                if (e.failure().kind() != Failure.Kind.PERMANENT) {
                    throw e;
                }
                throw new ConnectorException(Failure.permanent("A Kommo não deixou a Ponte cadastrar o webhook ("
                        + e.getMessage() + "). Cadastre à mão a URL de webhook desta conexão, mostrada na página da conexão, "
                        + "em Configurações → Integrações → Web hooks da Kommo, com os eventos \"Etapa do lead alterada\" e "
                        + "\"Lead adicionado\"."));
            }
            return new Subscription(made.path("id").asText(""), Map.of("destination", webhookUrl.toString()));
        }

        @Override
        public void unsubscribe(ConnectionContext connection, Subscription subscription) throws ConnectorException {
            String destination = subscription.attributes().get("destination");
            if (destination == null) {
                throw new ConnectorException(Failure.permanent("A inscrição de webhook não guarda o destino a remover."));
            }
            new KommoClient(connection).delete("/api/v4/webhooks",
                    KommoClient.JSON.createObjectNode().put("destination", destination));
        }
    }
}
