package app.ponte.api.field;

import app.ponte.api.Label;

/** One option of a choice field: a stable value and what people see. */
public record Choice(String value, Label label) {

    public static Choice of(String value, String pt, String en) {
        return new Choice(value, Label.of(pt, en));
    }
}
