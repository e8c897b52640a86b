package app.ponte.api.field;

import app.ponte.api.Label;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The types of fields a trigger emits and an action accepts. Each type has one value kind and one
 * formatting rule, used when a value is rendered as text (in a mapping, a preview, a run history).
 */
public enum FieldType {
    TEXT(ValueKind.TEXT, "Texto", "Text"),
    LONG_TEXT(ValueKind.TEXT, "Texto longo", "Long text"),
    EMAIL(ValueKind.TEXT, "E-mail", "E-mail"),
    /** digits as the source sends them; actions normalise (E.164) before use */
    PHONE(ValueKind.TEXT, "Telefone", "Phone"),
    URL(ValueKind.TEXT, "Link", "Link"),
    /** a code or identifier: text even when it looks like a number */
    IDENTIFIER(ValueKind.TEXT, "Código", "Code"),
    /** one of {@link Field#choices()} */
    CHOICE(ValueKind.TEXT, "Opção", "Choice"),
    /** one of the choices a {@link ChoiceLoader} reads from the connected account */
    DYNAMIC_CHOICE(ValueKind.TEXT, "Opção da conta conectada", "Choice from the connected account"),
    NUMBER(ValueKind.DECIMAL, "Número", "Number"),
    INTEGER(ValueKind.DECIMAL, "Número inteiro", "Whole number"),
    MONEY(ValueKind.MONEY, "Valor em dinheiro", "Money"),
    /** rendered as ISO-8601 in UTC, e.g. {@code 2025-04-03T17:42:11Z} */
    DATE_TIME(ValueKind.TIMESTAMP, "Data e hora", "Date and time"),
    /** rendered as DD/MM/AAAA in the workspace's time zone */
    DATE(ValueKind.TIMESTAMP, "Data", "Date"),
    BOOLEAN(ValueKind.BOOLEAN, "Sim ou não", "Yes or no");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ValueKind kind;
    private final Label label;

    FieldType(ValueKind kind, String pt, String en) {
        this.kind = kind;
        this.label = Label.of(pt, en);
    }

    /** What people call this type, e.g. in the mapping editor. */
    public Label label() {
        return label;
    }

    public ValueKind kind() {
        return kind;
    }

    /** Whether {@code value} may be the value of a field of this type (an empty value always may). */
    public boolean accepts(Value value) {
        return value instanceof Value.Empty || value.kind() == kind;
    }

    /**
     * This type's formatting rule. Empty values render as the empty string; money renders its exact
     * amount without currency (the currency is a value of its own where a catalog offers it).
     */
    public String render(Value value, ZoneId zone) {
        if (value instanceof Value.Timestamp timestamp) {
            return this == DATE ? DAY.format(timestamp.instant().atZone(zone)) : DateTimeFormatter.ISO_INSTANT.format(timestamp.instant());
        }
        return value.text();
    }
}
