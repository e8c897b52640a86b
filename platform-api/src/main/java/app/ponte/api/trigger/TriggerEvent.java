package app.ponte.api.trigger;

import app.ponte.api.field.FieldValues;
import java.time.Instant;
import java.util.Objects;

/**
 * One occurrence of a trigger.
 *
 * @param triggerKey the trigger it belongs to
 * @param dedupKey   the platform de-duplicates on (tenant, connector, trigger, dedupKey)
 * @param subject    ordering key within the tenant: one subject's events are processed in order
 *                   (e.g. the buyer's normalised e-mail); never shown, may be personal data
 * @param eventType  the vendor's own event name (e.g. {@code PURCHASE_APPROVED})
 * @param occurredAt when the vendor says it happened
 * @param values     the trigger's output fields, by key
 */
public record TriggerEvent(String triggerKey, String dedupKey, String subject, String eventType, Instant occurredAt,
        FieldValues values) {

    public TriggerEvent {
        Objects.requireNonNull(triggerKey);
        Objects.requireNonNull(dedupKey);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(eventType);
        Objects.requireNonNull(occurredAt);
        Objects.requireNonNull(values);
    }

    /** No subject or values: both may be personal data. */
    @Override
    public String toString() {
        return "TriggerEvent[" + triggerKey + ", " + eventType + ", dedup=" + dedupKey + ", at=" + occurredAt + "]";
    }
}
