package app.ponte.hotmart;

import app.ponte.api.context.Credentials;
import app.ponte.api.webhook.WebhookOutcome;
import app.ponte.api.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the hottok a delivery presents against the connection's. Hotmart sends it in the
 * {@value HotmartConnector#HOTTOK_HEADER} header; some real deliveries also carry it as the
 * top-level body field {@code hottok}, which is accepted only when the header is absent. The
 * comparison is constant-time (over SHA-256 digests, so the length does not leak either). No
 * reason ever contains a hottok.
 */
final class Hottok {

    /** The name of the connection secret that holds the hottok. */
    static final String SECRET = "hottok";

    private Hottok() {
    }

    /** Empty when the delivery is authentic; else why not. {@code body} is the parsed body, if it is JSON. */
    static Optional<WebhookOutcome.Unauthenticated> check(WebhookRequest request, Optional<Object> body, Credentials credentials) {
        Optional<String> expected = credentials.secret(SECRET).filter(s -> !s.isEmpty());
        if (expected.isEmpty()) {
            return reject("a conexão não tem hottok configurado");
        }
        Optional<String> header = request.header(HotmartConnector.HOTTOK_HEADER);
        Optional<String> presented = header.isPresent() ? header : body.flatMap(Hottok::bodyField);
        if (presented.isEmpty()) {
            return reject(header.isPresent() ? "hottok vazio" : "hottok ausente (cabeçalho " + HotmartConnector.HOTTOK_HEADER + ")");
        }
        if (!MessageDigest.isEqual(sha256(presented.get()), sha256(expected.get()))) {
            return reject(header.isPresent() ? "hottok do cabeçalho incorreto" : "hottok do corpo incorreto");
        }
        return Optional.empty();
    }

    private static Optional<String> bodyField(Object body) {
        return body instanceof Map<?, ?> object && object.get("hottok") instanceof String hottok ? Optional.of(hottok) : Optional.empty();
    }

    private static Optional<WebhookOutcome.Unauthenticated> reject(String reason) {
        return Optional.of(new WebhookOutcome.Unauthenticated(reason));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
