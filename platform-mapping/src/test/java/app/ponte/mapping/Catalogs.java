package app.ponte.mapping;

import app.ponte.api.ConnectorDescriptor;
import app.ponte.api.action.ActionDefinition;
import app.ponte.api.context.Credentials;
import app.ponte.api.field.FieldValues;
import app.ponte.api.trigger.SampleEvent;
import app.ponte.api.trigger.TriggerDefinition;
import app.ponte.api.trigger.TriggerEvent;
import app.ponte.api.webhook.WebhookOutcome;
import app.ponte.api.webhook.WebhookRequest;
import app.ponte.hotmart.HotmartConnector;
import app.ponte.kommo.KommoConnector;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The real Hotmart and Kommo catalogs, and Hotmart's recorded samples parsed as the platform would. */
final class Catalogs {

    static final ConnectorDescriptor HOTMART = new HotmartConnector().descriptor();
    static final ConnectorDescriptor KOMMO = new KommoConnector().descriptor();
    static final TriggerDefinition PURCHASE_APPROVED = HOTMART.trigger("purchase_approved").orElseThrow();
    static final ActionDefinition CREATE_OR_UPDATE_LEAD = KOMMO.action("create_or_update_lead").orElseThrow();

    /** The template's default mapping for "A cada venda aprovada na Hotmart, criar ou atualizar lead na Kommo". */
    static final Mapping DEFAULT_MAPPING = Mapping.builder()
            .map("lead.name", "{{ buyer.name }}")
            .map("lead.price", "{{ purchase.full_price.value }}")
            .map("contact.match", "email_then_phone")
            .map("contact.name", "{{ buyer.name }}")
            .map("contact.email", "{{ buyer.email }}")
            .map("contact.phone", "{{ buyer.checkout_phone.ddd | prefix:\"+55 \" }} {{ buyer.checkout_phone.number }}")
            .map("lead.tags", "Hotmart, Venda aprovada")
            .build();

    private Catalogs() {
    }

    /** Every event the trigger's own samples yield, received with credentials whose hottok the samples carry. */
    static List<TriggerEvent> sampleEvents(TriggerDefinition trigger) {
        return trigger.samples().stream().flatMap(sample -> receive(sample).stream())
                .filter(e -> e.triggerKey().equals(trigger.key())).toList();
    }

    static FieldValues firstSample(TriggerDefinition trigger) {
        return sampleEvents(trigger).get(0).values();
    }

    private static List<TriggerEvent> receive(SampleEvent sample) {
        String hottok = sample.headers().get(HotmartConnector.HOTTOK_HEADER);
        WebhookOutcome outcome = HOTMART.webhooks().orElseThrow()
                .receive(WebhookRequest.post(sample.headers(), sample.body()), new SecretsOnly(Map.of("hottok", hottok)));
        if (!(outcome instanceof WebhookOutcome.Events events)) {
            throw new AssertionError(sample.name() + " gave " + outcome);
        }
        return events.events();
    }

    /** Credentials holding only secrets. */
    private record SecretsOnly(Map<String, String> secrets) implements Credentials {
        @Override
        public Optional<String> secret(String name) {
            return Optional.ofNullable(secrets.get(name));
        }

        @Override
        public Optional<String> attribute(String name) {
            return Optional.empty();
        }

        @Override
        public Optional<Instant> expiresAt() {
            return Optional.empty();
        }

        @Override
        public Credentials refresh(Refresher refresh) {
            throw new UnsupportedOperationException("webhook credentials are never refreshed");
        }

        @Override
        public String toString() {
            return "SecretsOnly" + secrets.keySet();
        }
    }
}
