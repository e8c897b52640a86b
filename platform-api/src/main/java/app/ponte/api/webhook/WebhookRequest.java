package app.ponte.api.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A webhook call as it arrived: headers (case-insensitive names), query parameters and the raw
 * body. {@link #toString()} shows neither header values nor the body (they carry secrets and
 * personal data).
 */
public record WebhookRequest(String method, Map<String, List<String>> headers, Map<String, List<String>> query, byte[] body) {

    public WebhookRequest {
        Map<String, List<String>> normalised = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> normalised.put(name, List.copyOf(values)));
        headers = java.util.Collections.unmodifiableMap(normalised);
        query = Map.copyOf(query);
        body = body.clone();
    }

    public static WebhookRequest post(Map<String, String> headers, String body) {
        Map<String, List<String>> multi = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> multi.put(k, List.of(v)));
        return new WebhookRequest("POST", multi, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name)).flatMap(values -> values.stream().findFirst());
    }

    public Optional<String> contentType() {
        return header("Content-Type").map(v -> v.split(";", 2)[0].trim().toLowerCase(Locale.ROOT));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "WebhookRequest[" + method + ", headers=" + headers.keySet() + ", " + body.length + " bytes]";
    }
}
