package app.ponte.mapping;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads numbers and amounts people and sources write: "1234.56", "1234,56", "1.234,56",
 * "1,234.56", "R$ 1.234,56", "-10", "US$ 12.50", "BRL 99,90". Exact (BigDecimal); never binary
 * floating point. "1.234" and "1,234" are ambiguous (thousands or decimals?) and are refused.
 */
final class Numbers {

    /** Currency markers recognised before or after the amount, longest first. */
    private static final List<String[]> CURRENCIES = List.of(
            new String[] {"US$", "USD"}, new String[] {"R$", "BRL"}, new String[] {"€", "EUR"}, new String[] {"$", null},
            new String[] {"BRL", "BRL"}, new String[] {"USD", "USD"}, new String[] {"EUR", "EUR"});

    private static final Pattern INTEGER = Pattern.compile("\\d+");
    private static final Pattern PT_GROUPED = Pattern.compile("\\d{1,3}(\\.\\d{3})+(,\\d+)?");
    private static final Pattern EN_GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern PT_DECIMAL = Pattern.compile("\\d+,\\d+");
    private static final Pattern EN_DECIMAL = Pattern.compile("\\d+\\.\\d+");
    private static final Pattern AMBIGUOUS = Pattern.compile("[1-9]\\d{0,2}[.,]\\d{3}");

    private Numbers() {
    }

    /**
     * @param amount   the number, or empty when the text is not one
     * @param currency the ISO-4217 code a marker named (R$ → BRL), or null
     * @param ambiguous whether the text was refused as ambiguous ("1.234")
     */
    record Parsed(Optional<BigDecimal> amount, String currency, boolean ambiguous) {
    }

    static Parsed parse(String raw) {
        String text = raw.replace('\u00A0', ' ').replace('\u202F', ' ').strip();
        String currency = null;
        for (String[] marker : CURRENCIES) {
            if (text.startsWith(marker[0])) {
                text = text.substring(marker[0].length()).strip();
                currency = marker[1];
                break;
            }
            if (text.endsWith(marker[0])) {
                text = text.substring(0, text.length() - marker[0].length()).strip();
                currency = marker[1];
                break;
            }
        }
        boolean negative = false;
        if (text.startsWith("-") || text.startsWith("+")) {
            negative = text.startsWith("-");
            text = text.substring(1).strip();
        }
        text = text.replace(" ", "");
        if (AMBIGUOUS.matcher(text).matches()) {
            return new Parsed(Optional.empty(), currency, true);
        }
        String plain;
        if (INTEGER.matcher(text).matches() || EN_DECIMAL.matcher(text).matches()) {
            plain = text;
        } else if (PT_DECIMAL.matcher(text).matches()) {
            plain = text.replace(',', '.');
        } else if (PT_GROUPED.matcher(text).matches()) {
            plain = text.replace(".", "").replace(',', '.');
        } else if (EN_GROUPED.matcher(text).matches()) {
            plain = text.replace(",", "");
        } else {
            return new Parsed(Optional.empty(), currency, false);
        }
        BigDecimal amount = new BigDecimal(plain);
        return new Parsed(Optional.of(negative ? amount.negate() : amount), currency, false);
    }
}
