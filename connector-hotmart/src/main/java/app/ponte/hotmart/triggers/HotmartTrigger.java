package app.ponte.hotmart.triggers;

import app.ponte.api.Label;
import app.ponte.api.trigger.TriggerDefinition;
import app.ponte.hotmart.fields.HotmartField;
import app.ponte.hotmart.fields.HotmartPayload;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A Hotmart trigger: its catalog entry plus the routing data the receiver reads — which Hotmart
 * events it fires on, an optional condition on the payload, and what its de-duplication key is.
 *
 * @param events the Hotmart {@code event} names it fires on (routing is on {@code event}, never on
 *               {@code purchase.status})
 * @param when   must hold for the delivery to yield this trigger
 */
public record HotmartTrigger(TriggerDefinition definition, List<HotmartField> fields, Set<String> events,
        Predicate<HotmartPayload> when, DedupKey dedupKey) {

    public HotmartTrigger {
        fields = List.copyOf(fields);
        events = Set.copyOf(events);
    }

    /** What the platform de-duplicates this trigger's events on (DECISIONS.md). */
    public enum DedupKey {
        /** the envelope {@code id}: one trigger event per delivered Hotmart event */
        EVENT_ID,
        /** {@code data.purchase.transaction}: one trigger event per sale, whichever event comes first */
        TRANSACTION
    }

    public String key() {
        return definition.key();
    }

    static Builder builder(String key, String pt, String en, String descriptionPt, String descriptionEn) {
        return new Builder(key, Label.of(pt, en), Label.of(descriptionPt, descriptionEn));
    }

    /** Builds a Hotmart trigger; by default it fires on every listed event and keys on the event id. */
    static final class Builder {
        private final TriggerDefinition.Builder definition;
        private final String key;
        private Set<String> events = Set.of();
        private Predicate<HotmartPayload> when = payload -> true;
        private DedupKey dedupKey = DedupKey.EVENT_ID;
        private List<HotmartField> fields = List.of();

        private Builder(String key, Label label, Label description) {
            this.key = key;
            this.definition = TriggerDefinition.webhook(key, label, description);
        }

        Builder on(String... hotmartEvents) {
            this.events = Set.of(hotmartEvents);
            return this;
        }

        Builder when(Predicate<HotmartPayload> condition) {
            this.when = condition;
            return this;
        }

        Builder dedupKey(DedupKey dedupKey) {
            this.dedupKey = dedupKey;
            return this;
        }

        Builder fields(List<HotmartField> fields) {
            this.fields = fields;
            return this;
        }

        Builder samples(String... files) {
            definition.samples(Samples.load(files));
            return this;
        }

        HotmartTrigger build() {
            definition.outputs(fields.stream().map(HotmartField::field).toList());
            return new HotmartTrigger(definition.build(), fields, events, when, dedupKey);
        }

        @Override
        public String toString() {
            return "HotmartTrigger.Builder[" + key + "]";
        }
    }
}
