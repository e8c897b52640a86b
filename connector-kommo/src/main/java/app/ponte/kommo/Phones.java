package app.ponte.kommo;

import java.util.Locale;
import java.util.Optional;

/**
 * Phone and e-mail normalisation for matching contacts.
 *
 * <p>Phones become E.164. Brazilian rules: a number of 10 or 11 digits (after dropping a leading trunk
 * {@code 0}) is DDD + number and gets {@code +55}; {@code 55} + 10/11 digits is already Brazilian; a
 * mobile written with 8 digits (first digit 6–9) gets the ninth digit {@code 9} (mandatory since 2016), so
 * {@code (11) 8765-4321} and {@code +55 11 98765-4321} are the same phone. A number written with {@code +}
 * keeps its country code. Anything else (too short, no DDD) has no E.164 form and matches nothing.
 */
final class Phones {

    private Phones() {
    }

    static Optional<String> e164(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String trimmed = raw.strip();
        boolean international = trimmed.startsWith("+") || trimmed.startsWith("00");
        String digits = trimmed.replaceAll("\\D", "");
        if (trimmed.startsWith("00")) {
            digits = digits.substring(2);
        }
        if (international && !digits.startsWith("55")) {
            return digits.length() >= 8 && digits.length() <= 15 ? Optional.of("+" + digits) : Optional.empty();
        }
        if (!international) {
            digits = digits.replaceFirst("^0+", "");
        }
        if (digits.startsWith("55") && (digits.length() == 12 || digits.length() == 13)) {
            digits = digits.substring(2);
        }
        return brazilian(digits);
    }

    private static Optional<String> brazilian(String national) {
        if (national.length() != 10 && national.length() != 11) {
            return Optional.empty();
        }
        String ddd = national.substring(0, 2);
        String number = national.substring(2);
        if (ddd.charAt(0) == '0' || ddd.charAt(1) == '0') {
            return Optional.empty();
        }
        if (number.length() == 8 && number.charAt(0) >= '6') {
            number = "9" + number;
        }
        if (number.length() == 9 && number.charAt(0) != '9') {
            return Optional.empty();
        }
        return Optional.of("+55" + ddd + number);
    }

    /** The digits a Kommo {@code query} can find whatever the stored format: the last eight. */
    static String searchDigits(String e164) {
        String digits = e164.replaceAll("\\D", "");
        return digits.length() <= 8 ? digits : digits.substring(digits.length() - 8);
    }

    /** Trimmed and lower-cased; empty when it has no {@code @}. */
    static Optional<String> email(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String email = raw.strip().toLowerCase(Locale.ROOT);
        return email.indexOf('@') > 0 ? Optional.of(email) : Optional.empty();
    }
}
