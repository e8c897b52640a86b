package app.ponte.hotmart.fields;

import app.ponte.api.field.Value;

/** How one output field gets its value from a delivery: a JSONPath read or a documented derivation. */
@FunctionalInterface
public interface Extraction {

    /** The field's value; {@link Value#empty()} when the delivery does not carry it (never a made-up default). */
    Value from(HotmartPayload payload);
}
