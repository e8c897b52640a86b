package app.ponte.kommo.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects validation errors of a batch and turns them into Kommo's 400 body (§4). */
public final class Validation {
    /** One failed rule of one item. */
    public record Error(String requestId, String code, String path, String detail) {
    }

    private final List<Error> errors = new ArrayList<>();

    public void notSupportedChoice(String requestId, String path) {
        add(requestId, "NotSupportedChoice", path, "The value you selected is not a valid choice.");
    }

    public void invalidType(String requestId, String path) {
        add(requestId, "InvalidType", path, "This value should be of type valid.");
    }

    public void notBlank(String requestId, String path) {
        add(requestId, "NotBlank", path, "This value should not be blank.");
    }

    public void tooLong(String requestId, String path, String detail) {
        add(requestId, "TooLong", path, detail);
    }

    public void add(String requestId, String code, String path, String detail) {
        errors.add(new Error(requestId, code, path, detail));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public int size() {
        return errors.size();
    }

    /** Throws the 400 if anything failed. */
    public void throwIfAny() {
        if (errors.isEmpty()) {
            return;
        }
        Map<String, ArrayNode> byItem = new LinkedHashMap<>();
        for (Error e : errors) {
            byItem.computeIfAbsent(e.requestId(), k -> Json.array()).addObject().put("code", e.code())
                    .put("path", e.path()).put("detail", e.detail());
        }
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("validation-errors");
        byItem.forEach((rid, errs) -> list.addObject().put("request_id", rid).set("errors", errs));
        body.put("title", "Bad Request").put("type", "https://httpstatus.es/400").put("status", 400)
                .put("detail", "Request validation failed");
        throw new ApiException(400, Http.PROBLEM, Json.write(body));
    }
}
