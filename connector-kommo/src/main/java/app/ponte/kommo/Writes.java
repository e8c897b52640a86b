package app.ponte.kommo;

import app.ponte.api.ConnectorException;
import app.ponte.api.action.PlannedStep;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where the writes of "Criar ou atualizar lead" go. In a run they are sent to Kommo. In a plan (the
 * preview) the same decision code runs on a {@link KommoClient#readOnly read-only} client: each write is
 * described instead of sent and answers {@link MissingNode}, so an id it would have returned reads as 0
 * ({@link #PLANNED}, "to be created"); the reads' findings are noted as they come.
 */
final class Writes {

    /** The id of an entity a plan would create (Kommo ids are never 0). */
    static final long PLANNED = 0;

    /** Describes a step; runs only when planning, so it may read more (names of stages, pipelines). */
    @FunctionalInterface
    interface Description {
        PlannedStep describe() throws ConnectorException;
    }

    private final KommoClient kommo;
    private final List<PlannedStep> plan;

    private Writes(KommoClient kommo, List<PlannedStep> plan) {
        this.kommo = Objects.requireNonNull(kommo);
        this.plan = plan;
    }

    static Writes sending(KommoClient kommo) {
        return new Writes(kommo, null);
    }

    static Writes planning(KommoClient kommo) {
        if (!kommo.isReadOnly()) {
            throw new IllegalArgumentException("a plan reads through a read-only client");
        }
        return new Writes(kommo, new ArrayList<>());
    }

    boolean planning() {
        return plan != null;
    }

    /** The steps noted so far (empty in a run). */
    List<PlannedStep> steps() {
        return plan == null ? List.of() : List.copyOf(plan);
    }

    /** Notes what a read found (plans only). */
    void found(Description step) throws ConnectorException {
        if (plan != null) {
            plan.add(step.describe());
        }
    }

    JsonNode post(String path, JsonNode body, Description step) throws ConnectorException {
        if (plan != null) {
            plan.add(step.describe());
            return MissingNode.getInstance();
        }
        return kommo.post(path, body);
    }

    JsonNode patch(String path, JsonNode body, Description step) throws ConnectorException {
        if (plan != null) {
            plan.add(step.describe());
            return MissingNode.getInstance();
        }
        return kommo.patch(path, body);
    }
}
