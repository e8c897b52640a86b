package app.ponte.api;

import java.util.Locale;

/**
 * A text shown to people, in Portuguese (Brazil) first and English.
 *
 * @param pt the pt-BR text (the product's first language)
 * @param en the English text
 */
public record Label(String pt, String en) {

    public Label {
        ConnectorDescriptor.requireText(pt, "pt-BR label");
        ConnectorDescriptor.requireText(en, "English label of '" + pt + "'");
    }

    public static Label of(String pt, String en) {
        return new Label(pt, en);
    }

    /** The text for {@code locale}: English for any English locale, Portuguese otherwise. */
    public String in(Locale locale) {
        return "en".equals(locale.getLanguage()) ? en : pt;
    }
}
