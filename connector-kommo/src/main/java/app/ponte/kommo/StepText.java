package app.ponte.kommo;

import app.ponte.api.action.PlannedStep;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/** A plan step's text, written in pt-BR and English side by side. */
final class StepText {

    private static final Locale PT_BR = Locale.forLanguageTag("pt-BR");

    private final StringBuilder pt = new StringBuilder();
    private final StringBuilder en = new StringBuilder();

    static StepText of(String pt, String en) {
        return new StepText().add(pt, en);
    }

    StepText add(String pt, String en) {
        this.pt.append(pt);
        this.en.append(en);
        return this;
    }

    /** Text that reads the same in both languages (names, e-mails, ids). */
    StepText same(String text) {
        return add(text, text);
    }

    StepText add(StepText other) {
        return add(other.pt.toString(), other.en.toString());
    }

    PlannedStep lookup() {
        return PlannedStep.lookup(pt.toString(), en.toString());
    }

    PlannedStep write() {
        return PlannedStep.write(pt.toString(), en.toString());
    }

    static String quoted(String text) {
        return "'" + text + "'";
    }

    /** {@code R$ 1.234,50} / {@code R$ 1,234.50}; another currency by its code; none without a symbol. */
    static StepText money(BigDecimal amount, String currency) {
        String prefix = currency == null ? "" : "BRL".equalsIgnoreCase(currency) ? "R$ " : currency.toUpperCase(Locale.ROOT) + " ";
        return of(prefix + number(amount, PT_BR), prefix + number(amount, Locale.ENGLISH));
    }

    private static String number(BigDecimal amount, Locale locale) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(locale));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount);
    }

    /** {@code 2 campos personalizados} / {@code 2 custom fields}. */
    static StepText customFields(int n) {
        return of(n + (n == 1 ? " campo personalizado" : " campos personalizados"), n + (n == 1 ? " custom field" : " custom fields"));
    }

    /** The parts separated by commas. */
    static StepText joined(List<StepText> parts) {
        StepText out = new StepText();
        for (int i = 0; i < parts.size(); i++) {
            out.same(i == 0 ? "" : ", ").add(parts.get(i));
        }
        return out;
    }
}
