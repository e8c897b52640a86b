package app.ponte.server.runner;

import java.util.regex.Pattern;

/**
 * LGPD: which field values are personal documents or phone numbers, and how they are shown where
 * not everyone may see them (run lists, members' views, logs): only the last two characters.
 */
public final class PersonalData {

    private static final Pattern SENSITIVE = Pattern.compile("(^|\\.)(document|cpf|cnpj)$|phone(\\.number)?$|(^|\\.)phone\\.|telefone");

    private PersonalData() {
    }

    /** Whether a field (by key, e.g. {@code buyer.document}, {@code contact.phone}) holds a document or a phone. */
    public static boolean isSensitive(String fieldKey) {
        return SENSITIVE.matcher(fieldKey).find() && !fieldKey.endsWith(".ddd");
    }

    /** {@code 12345678909} → {@code •••••••••09}. */
    public static String mask(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        int keep = value.length() > 4 ? 2 : 0;
        return "•".repeat(value.length() - keep) + value.substring(value.length() - keep);
    }
}
