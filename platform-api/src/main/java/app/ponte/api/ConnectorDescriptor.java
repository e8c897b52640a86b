package app.ponte.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identity of a connector as users and the platform see it.
 *
 * @param id          stable key, lower-case snake_case (e.g. {@code hotmart}); never renamed once released
 * @param name        display name (e.g. "Hotmart")
 * @param description one sentence, pt-BR
 * @param category    where the catalog lists it
 * @param auth        how a tenant connects an account
 */
public record ConnectorDescriptor(String id, String name, String description, Category category, AuthSpec auth) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    public ConnectorDescriptor {
        requireKey(id, "connector id");
        requireText(name, "connector name");
        requireText(description, "connector description");
        Objects.requireNonNull(category, "connector category");
        Objects.requireNonNull(auth, "connector auth");
    }

    /** Catalog categories. */
    public enum Category {
        SALES_AND_PAYMENTS,
        CRM
    }

    static void requireKey(String key, String what) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException(what + " must be lower-case snake_case, was: " + key);
        }
    }

    static void requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
