package app.ponte.api.action;

import app.ponte.api.Label;
import java.util.Objects;

/**
 * One step of an {@link ActionPlan}, written for people in pt-BR and English, with the account's own
 * data where it helps ("Procurar contato pelo e-mail ana@… → encontrado: contato 66002 (Ana Souza)").
 *
 * @param kind  a read made while planning (with what it found), or a write a run would make
 * @param label what happens
 */
public record PlannedStep(Kind kind, Label label) {

    public enum Kind {
        /** a read the planner made at the vendor, with its result */
        LOOKUP,
        /** a write a run would make now; not made by the planner */
        WRITE
    }

    public PlannedStep {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(label);
    }

    public static PlannedStep lookup(String pt, String en) {
        return new PlannedStep(Kind.LOOKUP, Label.of(pt, en));
    }

    public static PlannedStep write(String pt, String en) {
        return new PlannedStep(Kind.WRITE, Label.of(pt, en));
    }
}
