package app.ponte.api.trigger;

import app.ponte.api.Label;
import app.ponte.api.field.Field;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A trigger: what starts an automation. Its catalog (settings and output fields) is data; its
 * behaviour is the connector's {@link app.ponte.api.webhook.WebhookReceiver} plus the optional
 * lifecycle, enrichment and settings filter declared here.
 *
 * @param key         stable snake_case key, never renamed (e.g. {@code purchase_approved})
 * @param settings    what a tenant chooses when using the trigger (e.g. Kommo pipeline and stage)
 * @param outputs     the fields an event carries, in the order people see them
 * @param samples     recorded calls that yield this trigger's events
 */
public record TriggerDefinition(String key, Label label, Label description, Delivery delivery, List<Field> settings,
        List<Field> outputs, List<SampleEvent> samples, Optional<SubscriptionLifecycle> lifecycle,
        Optional<EventEnricher> enricher, SettingsFilter filter) {

    public TriggerDefinition {
        Keys.requireKey(key, "trigger key");
        Objects.requireNonNull(label);
        Objects.requireNonNull(description);
        Objects.requireNonNull(delivery);
        settings = List.copyOf(settings);
        outputs = List.copyOf(outputs);
        samples = List.copyOf(samples);
        Objects.requireNonNull(lifecycle);
        Objects.requireNonNull(enricher);
        Objects.requireNonNull(filter);
        Keys.requireUnique(outputs, "output of trigger " + key);
        Keys.requireUnique(settings, "setting of trigger " + key);
    }

    public static Builder webhook(String key, Label label, Label description) {
        return new Builder(key, label, description, Delivery.WEBHOOK);
    }

    public Optional<Field> output(String fieldKey) {
        return outputs.stream().filter(f -> f.key().equals(fieldKey)).findFirst();
    }

    /** Builds a trigger definition; only key, label and description are required. */
    public static final class Builder {
        private final String key;
        private final Label label;
        private final Label description;
        private final Delivery delivery;
        private List<Field> settings = List.of();
        private List<Field> outputs = List.of();
        private List<SampleEvent> samples = List.of();
        private SubscriptionLifecycle lifecycle;
        private EventEnricher enricher;
        private SettingsFilter filter = SettingsFilter.ACCEPT_ALL;

        private Builder(String key, Label label, Label description, Delivery delivery) {
            this.key = key;
            this.label = label;
            this.description = description;
            this.delivery = delivery;
        }

        public Builder settings(List<Field> settings) {
            this.settings = settings;
            return this;
        }

        public Builder outputs(List<Field> outputs) {
            this.outputs = outputs;
            return this;
        }

        public Builder samples(List<SampleEvent> samples) {
            this.samples = samples;
            return this;
        }

        public Builder lifecycle(SubscriptionLifecycle lifecycle) {
            this.lifecycle = lifecycle;
            return this;
        }

        public Builder enricher(EventEnricher enricher) {
            this.enricher = enricher;
            return this;
        }

        public Builder filter(SettingsFilter filter) {
            this.filter = filter;
            return this;
        }

        public TriggerDefinition build() {
            return new TriggerDefinition(key, label, description, delivery, settings, outputs, samples,
                    Optional.ofNullable(lifecycle), Optional.ofNullable(enricher), filter);
        }
    }

    /** Key checks shared by catalog records. */
    static final class Keys {
        private Keys() {
        }

        static void requireKey(String key, String what) {
            if (key == null || !key.matches("[a-z][a-z0-9]*(_[a-z0-9]+)*")) {
                throw new IllegalArgumentException(what + " must be lower-case snake_case, was: " + key);
            }
        }

        static void requireUnique(List<Field> fields, String what) {
            Set<String> seen = new HashSet<>();
            for (Field field : fields) {
                if (!seen.add(field.key())) {
                    throw new IllegalArgumentException("duplicate key '" + field.key() + "' as " + what);
                }
            }
        }
    }
}
