package app.ponte.mapping;

import app.ponte.api.Label;
import app.ponte.mapping.Filter.Condition;
import app.ponte.mapping.Filter.Match;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a filter made of one event: whether it passed and, condition by condition, what was
 * compared. Two explanations: {@link #explanation()} shows the event's and the conditions' values
 * (for the preview, to the workspace's members); {@link #logExplanation()} shows neither, for logs
 * and run histories (values may be personal data). {@link #toString()} is the value-free one.
 *
 * @param matched    whether the event passes (the action runs)
 * @param match      how the conditions were combined
 * @param conditions each condition's outcome, in the filter's order
 */
public record FilterResult(boolean matched, Match match, List<ConditionOutcome> conditions) {

    public FilterResult {
        Objects.requireNonNull(match);
        conditions = List.copyOf(conditions);
    }

    /** How one condition came out. INVALID conditions (the validator would refuse them) never match. */
    public enum Outcome {
        MATCHED,
        NOT_MATCHED,
        INVALID
    }

    /**
     * One condition's outcome.
     *
     * @param index          0-based index in the filter
     * @param condition      the condition
     * @param fieldLabel     the trigger field's label (its key when the trigger does not declare it)
     * @param outcome        matched, not matched, or invalid
     * @param explanation    e.g. "Produto: Código é igual a 123 — sim (valor: 123)", with values
     * @param logExplanation e.g. "Produto: Código é igual a … — sim", without any value
     * @param error          why the condition is invalid, when it is (named by number and field)
     */
    public record ConditionOutcome(int index, Condition condition, Label fieldLabel, Outcome outcome, Label explanation,
            Label logExplanation, Optional<MappingError> error) {

        public ConditionOutcome {
            Objects.requireNonNull(condition);
            Objects.requireNonNull(fieldLabel);
            Objects.requireNonNull(outcome);
            Objects.requireNonNull(explanation);
            Objects.requireNonNull(logExplanation);
            Objects.requireNonNull(error);
        }

        public boolean matched() {
            return outcome == Outcome.MATCHED;
        }

        /** Value-free, like {@link #logExplanation()}. */
        @Override
        public String toString() {
            return "ConditionOutcome[" + index + ": " + logExplanation.en() + "]";
        }
    }

    /** The invalid conditions' problems (the same the validator reports for them). */
    public List<FilterProblem> problems() {
        return conditions.stream().filter(c -> c.error().isPresent())
                .map(c -> new FilterProblem(c.index(), c.condition().field(), c.error().get())).toList();
    }

    /** A headline and one line per condition, with the values compared. For people who may see the event. */
    public Label explanation() {
        return Label.of(explain(true, true), explain(true, false));
    }

    /** The same lines without any value: safe for logs and run histories. */
    public Label logExplanation() {
        return Label.of(explain(false, true), explain(false, false));
    }

    /** {@link #explanation()} or {@link #logExplanation()} in {@code locale}'s language. */
    public String explain(Locale locale, boolean withValues) {
        return (withValues ? explanation() : logExplanation()).in(locale);
    }

    private String explain(boolean withValues, boolean pt) {
        if (conditions.isEmpty()) {
            return pt ? "Filtro sem condições: todo evento passa." : "Filter without conditions: every event passes.";
        }
        long met = conditions.stream().filter(ConditionOutcome::matched).count();
        String head = pt
                ? "Filtro (" + match.label().pt() + "): " + (matched ? "passou" : "não passou") + " — " + met + " de " + conditions.size()
                        + (conditions.size() == 1 ? " condição atendida" : " condições atendidas")
                : "Filter (" + match.label().en() + "): " + (matched ? "passed" : "did not pass") + " — " + met + " of "
                        + conditions.size() + (conditions.size() == 1 ? " condition met" : " conditions met");
        return head + "\n" + conditions.stream().map(c -> {
            Label line = withValues ? c.explanation() : c.logExplanation();
            return (c.index() + 1) + ". " + (pt ? line.pt() : line.en());
        }).collect(Collectors.joining("\n"));
    }

    /** Value-free. */
    @Override
    public String toString() {
        return "FilterResult[matched=" + matched + ", " + logExplanation().en().replace('\n', ' ') + "]";
    }
}
