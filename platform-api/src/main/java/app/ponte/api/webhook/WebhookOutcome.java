package app.ponte.api.webhook;

import app.ponte.api.trigger.TriggerEvent;
import java.util.List;
import java.util.Objects;

/**
 * What a connector made of a webhook call, for the ingress to act on (answers in DECISIONS.md):
 * unauthenticated → 401 and nothing stored; malformed → 400 with the reason, recorded; ignored →
 * 2xx, recorded, no run; events → made durable, then 2xx.
 */
public sealed interface WebhookOutcome {

    /** Missing or wrong secret. The reason is for logs and the tenant's security view; no secret in it. */
    record Unauthenticated(String reason) implements WebhookOutcome {
        public Unauthenticated {
            Objects.requireNonNull(reason);
        }
    }

    /** The body cannot be read as the vendor's format; the reason is readable by the tenant. */
    record Malformed(String reason) implements WebhookOutcome {
        public Malformed {
            Objects.requireNonNull(reason);
        }
    }

    /** Authentic, but nothing here is a trigger event (e.g. an event type no trigger uses). */
    record Ignored(String reason, String eventType) implements WebhookOutcome {
        public Ignored {
            Objects.requireNonNull(reason);
        }
    }

    /** One or more trigger events (one delivery may be several, e.g. "Venda aprovada" and "Assinatura criada"). */
    record Events(List<TriggerEvent> events) implements WebhookOutcome {
        public Events {
            events = List.copyOf(events);
            if (events.isEmpty()) {
                throw new IllegalArgumentException("Events needs at least one event; use Ignored");
            }
        }
    }
}
