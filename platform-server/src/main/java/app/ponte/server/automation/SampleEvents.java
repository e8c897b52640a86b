package app.ponte.server.automation;

import app.ponte.api.AuthSpec;
import app.ponte.api.ConnectorDescriptor;
import app.ponte.api.ConnectorException;
import app.ponte.api.action.Failure;
import app.ponte.api.context.Credentials;
import app.ponte.api.trigger.SampleEvent;
import app.ponte.api.trigger.TriggerDefinition;
import app.ponte.api.trigger.TriggerEvent;
import app.ponte.api.webhook.WebhookOutcome;
import app.ponte.api.webhook.WebhookRequest;
import app.ponte.server.ingress.EventValuesCodec;
import app.ponte.server.runner.InboundEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Turns a trigger's recorded samples into trigger events, through the connector's own webhook
 * receiver, for previews. A sample is received with the credentials it was recorded with (the
 * secret its own header carries), so nothing of a tenant's connection is involved.
 */
@ApplicationScoped
public class SampleEvents {

    private final EventValuesCodec codec;

    SampleEvents(ObjectMapper json) {
        this.codec = new EventValuesCodec(json);
    }

    /** A sample and the event it yields for the trigger. */
    public record Sample(String name, TriggerEvent event) {
    }

    public List<Sample> of(ConnectorDescriptor connector, TriggerDefinition trigger) {
        if (connector.webhooks().isEmpty()) {
            return List.of();
        }
        return trigger.samples().stream()
                .flatMap(sample -> receive(connector, trigger, sample).map(event -> new Sample(sample.name(), event)).stream())
                .toList();
    }

    /**
     * The last events the connection really received for the trigger (newest first), as samples
     * named {@code recebido-<event id>}; samples used by "executar agora" are left out. Call in the
     * workspace's tenant context, inside a transaction.
     */
    public List<Sample> received(EntityManager em, UUID connectionId, String triggerKey, int limit) {
        if (connectionId == null) {
            return List.of();
        }
        return em.createQuery("from InboundEvent e where e.connectionId = :connection and e.triggerKey = :trigger "
                        + "and e.dedupKey not like 'ponte-amostra:%' order by e.receivedAt desc", InboundEvent.class)
                .setParameter("connection", connectionId).setParameter("trigger", triggerKey).setMaxResults(limit)
                .getResultStream()
                .map(e -> new Sample(RECEIVED + e.id, new TriggerEvent(e.triggerKey, e.dedupKey, e.id.toString(), e.eventType,
                        e.occurredAt, codec.read(e.payload))))
                .toList();
    }

    /** The name prefix of samples that are real received events. */
    public static final String RECEIVED = "recebido-";

    private static Optional<TriggerEvent> receive(ConnectorDescriptor connector, TriggerDefinition trigger, SampleEvent sample) {
        WebhookOutcome outcome = connector.webhooks().get().receive(WebhookRequest.post(sample.headers(), sample.body()),
                recordedWith(connector, sample));
        if (outcome instanceof WebhookOutcome.Events events) {
            return events.events().stream().filter(e -> e.triggerKey().equals(trigger.key())).findFirst();
        }
        return Optional.empty();
    }

    private static Credentials recordedWith(ConnectorDescriptor connector, SampleEvent sample) {
        Optional<String> secret = connector.auth() instanceof AuthSpec.WebhookSecret webhookSecret
                ? sample.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(webhookSecret.headerName()))
                        .map(java.util.Map.Entry::getValue).findFirst()
                : Optional.empty();
        return new Credentials() {
            @Override
            public Optional<String> secret(String name) {
                return secret;
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
            public Credentials refresh(Refresher refresh) throws ConnectorException {
                throw new ConnectorException(Failure.permanent("sample credentials do not refresh"));
            }
        };
    }
}
