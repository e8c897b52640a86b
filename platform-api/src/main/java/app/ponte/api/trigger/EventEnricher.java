package app.ponte.api.trigger;

import app.ponte.api.ConnectorException;
import app.ponte.api.context.ConnectionContext;
import app.ponte.api.field.FieldValues;

/**
 * Completes an event's fields with data read from the vendor (e.g. Kommo's lead, contact and
 * company behind a webhook that carries only ids). The runner calls it before mapping, within the
 * account's rate limit.
 */
@FunctionalInterface
public interface EventEnricher {

    /** The fields to add to (or replace in) the event's values. */
    FieldValues enrich(TriggerEvent event, ConnectionContext connection) throws ConnectorException;
}
