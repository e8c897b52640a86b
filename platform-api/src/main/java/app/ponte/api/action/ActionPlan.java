package app.ponte.api.action;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link ActionPlanner} worked out: the steps a run would take now, and the failure that
 * stopped the planning early, if any (e.g. the vendor refused a search, or an input the run would
 * reject).
 */
public record ActionPlan(List<PlannedStep> steps, Optional<Failure> stoppedBy) {

    public ActionPlan {
        steps = List.copyOf(steps);
        Objects.requireNonNull(stoppedBy);
    }

    public static ActionPlan of(List<PlannedStep> steps) {
        return new ActionPlan(steps, Optional.empty());
    }

    public static ActionPlan stopped(List<PlannedStep> steps, Failure failure) {
        return new ActionPlan(steps, Optional.of(failure));
    }
}
