package app.ponte.mapping;

import java.util.Optional;
import java.util.Set;

/**
 * A phone number read the Brazilian way: country code 55 optional, trunk 0 (and carrier code)
 * optional, DDD of two digits from ANATEL's list, then 8 digits (landline) or 9 (mobile, starting
 * with 9). "+55 (31) 99876-5432", "(031) 99876-5432", "31998765432" and "5531998765432" all read
 * as DDD 31, number 998765432. A number without DDD (8 or 9 digits) has only a number.
 *
 * @param ddd    the two-digit area code, or empty when the text has none
 * @param number the subscriber number (8 or 9 digits)
 */
record BrazilianPhone(String ddd, String number) {

    /** ANATEL's area codes (Plano de Numeração). */
    private static final Set<String> DDDS = Set.of(
            "11", "12", "13", "14", "15", "16", "17", "18", "19",
            "21", "22", "24", "27", "28",
            "31", "32", "33", "34", "35", "37", "38",
            "41", "42", "43", "44", "45", "46", "47", "48", "49",
            "51", "53", "54", "55",
            "61", "62", "63", "64", "65", "66", "67", "68", "69",
            "71", "73", "74", "75", "77", "79",
            "81", "82", "83", "84", "85", "86", "87", "88", "89",
            "91", "92", "93", "94", "95", "96", "97", "98", "99");

    static boolean isDdd(String digits) {
        return DDDS.contains(digits);
    }

    /** The phone in {@code text}, when it reads as a Brazilian number. */
    static Optional<BrazilianPhone> parse(String text) {
        String trimmed = text.strip();
        boolean international = trimmed.startsWith("+") || trimmed.startsWith("00");
        String digits = trimmed.replaceAll("\\D", "");
        if (trimmed.startsWith("00")) {
            digits = digits.substring(2);
        }
        if (international) {
            if (!digits.startsWith("55")) {
                return Optional.empty();
            }
            return national(digits.substring(2));
        }
        if (digits.length() == 8 || digits.length() == 9) {
            return subscriber(digits).map(number -> new BrazilianPhone("", number));
        }
        if (digits.startsWith("0")) {
            digits = digits.substring(1);
            // 0 + carrier code (2 digits) + DDD + number, e.g. 0 21 31 99876-5432
            if (digits.length() == 12 || digits.length() == 13) {
                Optional<BrazilianPhone> withCarrier = national(digits.substring(2));
                if (withCarrier.isPresent()) {
                    return withCarrier;
                }
            }
            return national(digits);
        }
        if (digits.startsWith("55") && (digits.length() == 12 || digits.length() == 13)) {
            return national(digits.substring(2));
        }
        return national(digits);
    }

    private static Optional<BrazilianPhone> national(String digits) {
        if (digits.length() != 10 && digits.length() != 11) {
            return Optional.empty();
        }
        String ddd = digits.substring(0, 2);
        if (!isDdd(ddd)) {
            return Optional.empty();
        }
        return subscriber(digits.substring(2)).map(number -> new BrazilianPhone(ddd, number));
    }

    private static Optional<String> subscriber(String digits) {
        if (digits.length() == 9) {
            return digits.charAt(0) == '9' ? Optional.of(digits) : Optional.empty();
        }
        return digits.length() == 8 && digits.charAt(0) >= '2' ? Optional.of(digits) : Optional.empty();
    }

    /**
     * E.164 ({@code +55} + DDD + number), when there is a DDD. An 8-digit mobile (first digit 6–9)
     * gets the ninth digit 9, mandatory in Brazil since 2016 (the same rule Kommo's matching uses).
     */
    Optional<String> e164() {
        if (ddd.isEmpty()) {
            return Optional.empty();
        }
        String full = number.length() == 8 && number.charAt(0) >= '6' ? "9" + number : number;
        return Optional.of("+55" + ddd + full);
    }
}
