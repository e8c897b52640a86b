package app.ponte.api;

import app.ponte.api.action.ActionDefinition;
import app.ponte.api.oauth.OAuthConnect;
import app.ponte.api.trigger.TriggerDefinition;
import app.ponte.api.webhook.WebhookReceiver;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything a connector offers, as the platform and its users see it.
 *
 * @param id          stable key, lower-case snake_case (e.g. {@code hotmart}); never renamed once released
 * @param name        display name (e.g. "Hotmart")
 * @param description one sentence, pt-BR
 * @param icon        name of the connector's icon (an SVG the web UI serves under {@code /icons/})
 * @param category    where the catalog lists it
 * @param auth        how a tenant connects an account
 * @param triggers    what can start an automation
 * @param actions     what an automation can do
 * @param webhooks    turns the calls arriving on a connection's webhook URL into trigger events
 * @param oauth       the vendor's half of the OAuth connect flow, for {@link AuthSpec.OAuth2AuthorizationCode}
 */
public record ConnectorDescriptor(String id, String name, String description, String icon, Category category, AuthSpec auth,
        List<TriggerDefinition> triggers, List<ActionDefinition> actions, Optional<WebhookReceiver> webhooks,
        Optional<OAuthConnect> oauth) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    public ConnectorDescriptor {
        requireKey(id, "connector id");
        requireText(name, "connector name");
        requireText(description, "connector description");
        requireText(icon, "connector icon");
        Objects.requireNonNull(category, "connector category");
        Objects.requireNonNull(auth, "connector auth");
        triggers = List.copyOf(triggers);
        actions = List.copyOf(actions);
        Objects.requireNonNull(webhooks);
        Objects.requireNonNull(oauth);
        Set<String> keys = new HashSet<>();
        triggers.forEach(t -> requireNew(keys, t.key(), id));
        actions.forEach(a -> requireNew(keys, a.key(), id));
        if (triggers.stream().anyMatch(t -> t.delivery() == app.ponte.api.trigger.Delivery.WEBHOOK) && webhooks.isEmpty()) {
            throw new IllegalArgumentException("connector " + id + " has webhook triggers but no webhook receiver");
        }
    }

    /** Starts a descriptor; triggers, actions and the webhook receiver are added with the builder. */
    public static Builder builder(String id, String name, String description, Category category, AuthSpec auth) {
        return new Builder(id, name, description, category, auth);
    }

    public Optional<TriggerDefinition> trigger(String key) {
        return triggers.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    public Optional<ActionDefinition> action(String key) {
        return actions.stream().filter(a -> a.key().equals(key)).findFirst();
    }

    /** Catalog categories. */
    public enum Category {
        SALES_AND_PAYMENTS,
        CRM
    }

    /** Builds a {@link ConnectorDescriptor}. */
    public static final class Builder {
        private final String id;
        private final String name;
        private final String description;
        private final Category category;
        private final AuthSpec auth;
        private String icon;
        private List<TriggerDefinition> triggers = List.of();
        private List<ActionDefinition> actions = List.of();
        private WebhookReceiver webhooks;
        private OAuthConnect oauth;

        private Builder(String id, String name, String description, Category category, AuthSpec auth) {
            this.id = id;
            this.name = name;
            this.description = description;
            this.category = category;
            this.auth = auth;
            this.icon = id;
        }

        public Builder icon(String icon) {
            this.icon = icon;
            return this;
        }

        public Builder triggers(List<TriggerDefinition> triggers) {
            this.triggers = triggers;
            return this;
        }

        public Builder actions(List<ActionDefinition> actions) {
            this.actions = actions;
            return this;
        }

        public Builder webhooks(WebhookReceiver webhooks) {
            this.webhooks = webhooks;
            return this;
        }

        public Builder oauth(OAuthConnect oauth) {
            this.oauth = oauth;
            return this;
        }

        public ConnectorDescriptor build() {
            return new ConnectorDescriptor(id, name, description, icon, category, auth, triggers, actions, Optional.ofNullable(webhooks),
                    Optional.ofNullable(oauth));
        }
    }

    private static void requireNew(Set<String> keys, String key, String connector) {
        if (!keys.add(key)) {
            throw new IllegalArgumentException("connector " + connector + " declares '" + key + "' twice");
        }
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
