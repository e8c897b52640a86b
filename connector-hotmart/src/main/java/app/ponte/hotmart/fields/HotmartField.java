package app.ponte.hotmart.fields;

import app.ponte.api.field.Field;
import app.ponte.api.field.FieldType;

/** An output field of a Hotmart trigger (what the catalog shows) and how its value is read. */
public record HotmartField(Field field, Extraction extraction) {

    static final String NO_SOURCE_PT = "Não é enviado pelo webhook atual da Hotmart (versão 2.0.0): fica sempre vazio.";
    static final String NO_SOURCE_EN = "Not provided by Hotmart's current webhook (version 2.0.0): always empty.";

    /** Read from the first of {@code paths} that has a value, as {@code type}. */
    public static HotmartField path(String key, FieldType type, String pt, String en, String... paths) {
        return new HotmartField(Field.of(key, type, pt, en), Extract.path(type, paths));
    }

    /** Exact money read from {@code base.value} and {@code base.currency_value}. */
    public static HotmartField money(String key, String pt, String en, String base) {
        return new HotmartField(Field.of(key, FieldType.MONEY, pt, en), Extract.money(base));
    }

    /** A value that follows from what Hotmart sends; the note says how. */
    public static HotmartField derived(String key, FieldType type, String pt, String en, Extraction extraction,
            String notePt, String noteEn) {
        return new HotmartField(Field.of(key, type, pt, en).withNote(notePt, noteEn), extraction);
    }

    /** A label with no source in Hotmart's webhook: declared, documented, always empty. */
    public static HotmartField unavailable(String key, FieldType type, String pt, String en, String whyPt, String whyEn) {
        return new HotmartField(Field.of(key, type, pt, en).withNote(NO_SOURCE_PT + " " + whyPt, NO_SOURCE_EN + " " + whyEn),
                Extract.none());
    }

    /** The same value (same key, same reading) under the label another trigger uses for it. */
    public HotmartField labelled(String pt, String en) {
        Field relabelled = Field.of(field.key(), field.type(), pt, en);
        if (field.note().isPresent()) {
            relabelled = relabelled.withNote(field.note().get().pt(), field.note().get().en());
        }
        return new HotmartField(relabelled, extraction);
    }

    /** This field with a note (e.g. which payload member it is read from when that is not obvious). */
    public HotmartField noted(String pt, String en) {
        return new HotmartField(field.withNote(pt, en), extraction);
    }

    public String key() {
        return field.key();
    }
}
