package app.ponte.kommo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Immutable value types of the simulated Kommo domain. */
public final class Model {
    private Model() {
    }

    /** A user of an account; only admins may install integrations or manage webhooks. */
    public record User(long id, String name, boolean isAdmin) {
    }

    /** A pipeline stage; {@code type} 1 = incoming, 0 = regular; 142/143 are won/lost. */
    public record Status(long id, String name, int sort, boolean isEditable, long pipelineId, String color, int type) {
    }

    /** A lead pipeline with its stages in sort order. */
    public record Pipeline(long id, String name, int sort, boolean isMain, boolean isUnsortedOn, boolean isArchive,
                           List<Status> statuses) {
        Status status(long statusId) {
            return statuses.stream().filter(s -> s.id() == statusId).findFirst().orElse(null);
        }
    }

    /** One choice of an enum-typed custom field (for PHONE/EMAIL the value is the enum code). */
    public record FieldEnum(long id, String value, int sort) {
    }

    /** A custom field definition of {@code leads}, {@code contacts} or {@code companies}. */
    public record CustomField(long id, String name, String code, String type, int sort, List<FieldEnum> enums) {
        boolean hasEnums() {
            return enums != null && !enums.isEmpty();
        }

        boolean isDate() {
            return type.equals("date") || type.equals("date_time") || type.equals("birthday");
        }
    }

    /** One stored value of a custom field. */
    public record FieldValue(JsonNode value, Long enumId, String enumCode) {
    }

    /** The values an entity holds for one custom field. */
    public record FieldValues(long fieldId, List<FieldValue> values) {
    }

    /** A tag of the account. */
    public record Tag(long id, String name) {
    }

    /**
     * A link between two entities, stored once in canonical direction: lead→contact, lead→company or
     * contact→company ({@code main} only for lead→contact).
     */
    public record Link(String fromType, long fromId, String toType, long toId, boolean main) {
    }

    /** A registered OAuth integration. */
    public record Integration(String clientId, String clientSecret, String redirectUri, String revokeHookUrl) {
        @Override
        public String toString() {
            return "Integration[clientId=" + clientId + ", redirectUri=" + redirectUri + "]";
        }
    }

    /** An authorization code, stored under the SHA-256 of its value. */
    public record AuthCode(String clientId, long accountId, long userId, long expiresAt, boolean used) {
    }
}
