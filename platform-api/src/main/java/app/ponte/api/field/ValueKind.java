package app.ponte.api.field;

/** What a field's value is made of, whatever its presentation. */
public enum ValueKind {
    /** {@link app.ponte.api.field.Value.Text} */
    TEXT,
    /** {@link app.ponte.api.field.Value.Decimal}: exact, never binary floating point */
    DECIMAL,
    /** {@link app.ponte.api.field.Value.Money}: exact amount and ISO-4217 currency */
    MONEY,
    /** {@link app.ponte.api.field.Value.Timestamp}: an instant */
    TIMESTAMP,
    /** {@link app.ponte.api.field.Value.Bool} */
    BOOLEAN
}
