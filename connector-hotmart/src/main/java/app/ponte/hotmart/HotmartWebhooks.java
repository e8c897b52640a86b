package app.ponte.hotmart;

import app.ponte.api.context.Credentials;
import app.ponte.api.field.FieldValues;
import app.ponte.api.trigger.TriggerEvent;
import app.ponte.api.webhook.WebhookOutcome;
import app.ponte.api.webhook.WebhookReceiver;
import app.ponte.api.webhook.WebhookRequest;
import app.ponte.hotmart.fields.HotmartField;
import app.ponte.hotmart.fields.HotmartPayload;
import app.ponte.hotmart.fields.SaleFields;
import app.ponte.hotmart.triggers.HotmartTrigger;
import app.ponte.hotmart.triggers.PurchaseCreated;
import app.ponte.hotmart.triggers.SubscriptionCreated;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns Hotmart's webhook deliveries (v2.0.0 JSON) into trigger events. In order: authenticate
 * the hottok (before anything is read from the body but the hottok itself), read the envelope,
 * ignore authentic events no trigger uses, then route on {@code event} — never on
 * {@code purchase.status} — to every trigger that fires on it. One delivery may yield several
 * trigger events (a first subscription charge is "Venda criada", "Assinatura criada" and "Venda
 * aprovada"), given in the order they happened — the sale's and the subscription's beginning first —
 * which the platform keeps for the subject. Stateless: the platform de-duplicates on each event's key.
 */
public final class HotmartWebhooks implements WebhookReceiver {

    private final List<HotmartTrigger> triggers;

    /** The triggers that mark a beginning: an event's other triggers are about what then happened to it. */
    private static final List<String> BEGINNINGS = List.of(PurchaseCreated.KEY, SubscriptionCreated.KEY);

    public HotmartWebhooks(List<HotmartTrigger> triggers) {
        // the beginnings first (a stable sort: otherwise the catalog's order)
        this.triggers = triggers.stream()
                .sorted(Comparator.comparingInt(trigger -> BEGINNINGS.contains(trigger.key()) ? BEGINNINGS.indexOf(trigger.key()) : BEGINNINGS.size()))
                .toList();
    }

    @Override
    public WebhookOutcome receive(WebhookRequest request, Credentials credentials) {
        Optional<Object> json = HotmartPayload.parseJson(request.bodyText());
        Optional<WebhookOutcome.Unauthenticated> refused = Hottok.check(request, json, credentials);
        if (refused.isPresent()) {
            return refused.get();
        }
        Envelope.Result read = Envelope.read(json);
        if (read.malformed() != null) {
            return new WebhookOutcome.Malformed(read.malformed());
        }
        Envelope envelope = read.envelope();
        List<HotmartTrigger> routed = triggers.stream().filter(t -> t.events().contains(envelope.event())).toList();
        if (routed.isEmpty()) {
            return new WebhookOutcome.Ignored("Nenhum gatilho usa o evento " + envelope.event() + " da Hotmart.", envelope.event());
        }
        if (!envelope.hasData()) {
            return new WebhookOutcome.Malformed("Falta o objeto \"data\" com os dados do evento " + envelope.event() + ".");
        }
        Optional<Instant> occurredAt = envelope.occurredAt();
        if (occurredAt.isEmpty()) {
            return new WebhookOutcome.Malformed("Falta o campo \"creation_date\" (data do evento em milissegundos) ou ele é inválido.");
        }
        String subject = envelope.subject();
        List<TriggerEvent> events = routed.stream()
                .filter(trigger -> trigger.when().test(envelope.payload()))
                .map(trigger -> event(trigger, envelope, subject, occurredAt.get()))
                .toList();
        if (events.isEmpty()) {
            return new WebhookOutcome.Ignored("O evento " + envelope.event() + " não atende às condições de nenhum gatilho.", envelope.event());
        }
        return new WebhookOutcome.Events(events);
    }

    private static TriggerEvent event(HotmartTrigger trigger, Envelope envelope, String subject, Instant occurredAt) {
        FieldValues.Builder values = FieldValues.builder();
        for (HotmartField field : trigger.fields()) {
            values.put(field.key(), field.extraction().from(envelope.payload()));
        }
        String dedupKey = switch (trigger.dedupKey()) {
            case EVENT_ID -> envelope.id();
            case TRANSACTION -> SaleFields.TRANSACTION.extraction().from(envelope.payload()).text();
        };
        return new TriggerEvent(trigger.key(), dedupKey, subject, envelope.event(), occurredAt, values.build());
    }
}
