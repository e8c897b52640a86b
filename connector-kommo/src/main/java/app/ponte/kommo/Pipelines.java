package app.ponte.kommo;

import app.ponte.api.ConnectorException;
import app.ponte.api.action.Failure;
import com.fasterxml.jackson.databind.JsonNode;

/** The account's lead pipelines with their stages, read once per run (or plan) and only when needed. */
final class Pipelines {

    private final KommoClient kommo;
    private JsonNode pipelines;

    Pipelines(KommoClient kommo) {
        this.kommo = kommo;
    }

    long main() throws ConnectorException {
        for (JsonNode pipeline : all()) {
            if (pipeline.path("is_main").asBoolean(false)) {
                return pipeline.path("id").asLong();
            }
        }
        throw new ConnectorException(Failure.permanent("A conta Kommo não tem funil principal; escolha um funil."));
    }

    /** The pipeline's name, or {@code #id} when the account has no such pipeline. */
    String name(long pipelineId) throws ConnectorException {
        for (JsonNode pipeline : all()) {
            if (pipeline.path("id").asLong() == pipelineId) {
                return pipeline.path("name").asText("#" + pipelineId);
            }
        }
        return "#" + pipelineId;
    }

    /** The stage's name in that pipeline (any pipeline when {@code pipelineId} is 0), or {@code #id}. */
    String stageName(long pipelineId, long statusId) throws ConnectorException {
        for (JsonNode pipeline : all()) {
            for (JsonNode status : pipeline.path("_embedded").path("statuses")) {
                if (status.path("id").asLong() == statusId && (pipelineId == 0 || pipeline.path("id").asLong() == pipelineId)) {
                    return status.path("name").asText("#" + statusId);
                }
            }
        }
        return "#" + statusId;
    }

    private JsonNode all() throws ConnectorException {
        if (pipelines == null) {
            pipelines = kommo.get("/api/v4/leads/pipelines").path("_embedded").path("pipelines");
        }
        return pipelines;
    }
}
