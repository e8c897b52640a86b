package app.ponte.kommo;

import app.ponte.api.ConnectorException;
import app.ponte.api.action.Failure;
import app.ponte.api.context.ConnectionContext;
import app.ponte.api.context.Credentials;
import app.ponte.api.context.Credentials.StoredCredentials;
import app.ponte.api.context.RateLimiter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Kommo API v4 for one connection: base URL, bearer token, refresh, pacing and classified failures.
 *
 * <p>Reads from the connection's credentials: secrets {@code access_token}, {@code refresh_token},
 * {@code client_secret}; attributes {@code client_id}, {@code redirect_uri}, {@code account_id} and the
 * account host, as {@code base_url} (a full URL), else {@code host} (Kommo's {@code referer}, e.g.
 * {@code acme.kommo.com}), else {@code subdomain} ({@code https://{subdomain}.kommo.com}); the system
 * property {@code ponte.kommo.api-base-override} wins over all three. {@code client_id} may also be a secret.
 *
 * <p>Every HTTP call, the token refresh included, first checks the JVM-wide block cool-down, then takes a
 * permit from {@code connection.rateLimiter(account)}. Failures: 429 → retryable with Kommo's
 * {@code retry_after}; 403 with a non-JSON body (IP block) → retryable and the cool-down starts; 5xx,
 * timeouts and network errors → retryable; 400/422 → permanent with Kommo's validation messages; 402 →
 * permanent; 401 → one refresh and one retry, then "needs reconnect"; a refused refresh (400/401 from
 * {@code /oauth2/access_token}) → "needs reconnect". Messages and logs carry no token, secret or request data.
 *
 * <p>A {@link #readOnly read-only} client (for plans) refuses every API call but GET before anything is
 * sent; it still refreshes the access token when needed, which changes nothing in the account.
 */
final class KommoClient {

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final List<String> KOMMO_HOSTS = List.of(".kommo.com", ".amocrm.com", ".amocrm.ru");
    private static final String RECONNECT = "A Kommo recusou o acesso desta conexão: reconecte a conta Kommo.";

    private final ConnectionContext connection;
    private final boolean readOnly;
    private Credentials credentials;

    KommoClient(ConnectionContext connection) {
        this(connection, false);
    }

    private KommoClient(ConnectionContext connection, boolean readOnly) {
        this.connection = Objects.requireNonNull(connection);
        this.readOnly = readOnly;
        this.credentials = connection.credentials();
    }

    /** A client that only reads: any POST, PATCH or DELETE fails with {@link IllegalStateException}, unsent. */
    static KommoClient readOnly(ConnectionContext connection) {
        return new KommoClient(connection, true);
    }

    boolean isReadOnly() {
        return readOnly;
    }

    /** The key of this connection's Kommo account for the rate limiter: its id, else its host. */
    String account() throws ConnectorException {
        Optional<String> id = credentials.attribute("account_id");
        return id.isPresent() ? id.get() : URI.create(baseUrl()).getHost();
    }

    JsonNode get(String path, Map<String, ?> query) throws ConnectorException {
        return call("GET", path + queryString(query), null);
    }

    /** As {@link #get(String, Map)}, but a 404 reads as {@link MissingNode} like a 204 (unknown or deleted entity). */
    JsonNode find(String path, Map<String, ?> query) throws ConnectorException {
        try {
            return get(path, query);
        } catch (NotFound e) {
            return MissingNode.getInstance();
        }
    }

    JsonNode get(String path) throws ConnectorException {
        return call("GET", path, null);
    }

    JsonNode post(String path, JsonNode body) throws ConnectorException {
        return call("POST", path, body);
    }

    JsonNode patch(String path, JsonNode body) throws ConnectorException {
        return call("PATCH", path, body);
    }

    JsonNode delete(String path, JsonNode body) throws ConnectorException {
        return call("DELETE", path, body);
    }

    /** The body of a successful call; {@link MissingNode} for 204 and empty bodies. */
    private JsonNode call(String method, String pathAndQuery, JsonNode body) throws ConnectorException {
        if (readOnly && !"GET".equals(method)) {
            throw new IllegalStateException("read-only Kommo client refused " + method + " " + pathAndQuery);
        }
        if (expiresSoon(credentials.expiresAt())) {
            refresh(credentials.secret("access_token").orElse(null), false);
        }
        boolean refreshed = false;
        while (true) {
            String token = credentials.secret("access_token")
                    .orElseThrow(() -> new ConnectorException(Failure.needsReconnect(RECONNECT)));
            HttpResponse<String> response = send(method, baseUrl() + pathAndQuery, body, "Bearer " + token);
            if (response.statusCode() == 401) {
                if (refreshed) {
                    throw new ConnectorException(Failure.needsReconnect(RECONNECT));
                }
                refresh(token, true);
                refreshed = true;
                continue;
            }
            return answer(response);
        }
    }

    private JsonNode answer(HttpResponse<String> response) throws ConnectorException {
        int status = response.statusCode();
        Optional<JsonNode> json = parse(response);
        if (status >= 200 && status < 300) {
            return json.orElse(MissingNode.getInstance());
        }
        Failure failure = failure(status, json, response);
        throw status == 404 ? new NotFound(failure) : new ConnectorException(failure);
    }

    /** A 404 from Kommo: permanent for actions, "gone" for reads that expect it. */
    static final class NotFound extends ConnectorException {
        NotFound(Failure failure) {
            super(failure);
        }
    }

    private static Failure failure(int status, Optional<JsonNode> json, HttpResponse<String> response) {
        if (status == 429) {
            Duration wait = json.map(j -> j.path("retry_after")).filter(JsonNode::canConvertToLong)
                    .map(n -> Duration.ofSeconds(Math.max(1, n.asLong())))
                    .or(() -> response.headers().firstValue("Retry-After").filter(v -> v.matches("\\d+"))
                            .map(v -> Duration.ofSeconds(Math.max(1, Long.parseLong(v)))))
                    .orElse(Duration.ofSeconds(1));
            return Failure.retryable("A Kommo limitou a frequência de chamadas (429).", wait);
        }
        if (status == 403 && json.isEmpty()) {
            Duration cooldown = KommoBlock.engage();
            return Failure.retryable("A Kommo bloqueou o endereço IP da Ponte (403); chamadas à Kommo pausadas por "
                    + cooldown.toSeconds() + " s.", cooldown);
        }
        if (status >= 500) {
            return Failure.retryable("A Kommo respondeu com erro " + status + ".");
        }
        String detail = json.map(KommoClient::problemText).filter(s -> !s.isBlank()).map(s -> ": " + s).orElse("");
        if (status == 402) {
            return Failure.permanent("A conta Kommo está sem pagamento (402)" + detail);
        }
        if (status == 403) {
            return Failure.permanent("A Kommo negou a operação a este usuário ou plano (403)" + detail);
        }
        return Failure.permanent("A Kommo recusou a requisição (" + status + ")" + detail);
    }

    /** Kommo's problem JSON as one line: each validation error as {@code path: detail (code)}, else detail. */
    static String problemText(JsonNode problem) {
        List<String> parts = new ArrayList<>();
        for (JsonNode item : problem.path("validation-errors")) {
            for (JsonNode error : item.path("errors")) {
                parts.add(error.path("path").asText("?") + ": " + error.path("detail").asText("")
                        + (error.hasNonNull("code") ? " (" + error.path("code").asText() + ")" : ""));
            }
        }
        if (parts.isEmpty()) {
            String detail = problem.path("detail").asText(problem.path("title").asText(""));
            return problem.hasNonNull("hint") ? detail + " (" + problem.path("hint").asText() + ")" : detail;
        }
        return String.join("; ", parts);
    }

    /** Refreshes under the connection's lock; a caller that finds the token already replaced does nothing. */
    private void refresh(String staleToken, boolean rejected) throws ConnectorException {
        credentials = credentials.refresh(current -> {
            String currentToken = current.secrets().get("access_token");
            boolean replaced = currentToken != null && !currentToken.equals(staleToken);
            if (replaced && !expiresSoon(current.expiresAt())) {
                return current;
            }
            if (!rejected && !expiresSoon(current.expiresAt())) {
                return current;
            }
            return exchange(current);
        });
    }

    private StoredCredentials exchange(StoredCredentials current) throws ConnectorException {
        String refreshToken = current.secrets().get("refresh_token");
        String clientId = Optional.ofNullable(current.attributes().get("client_id"))
                .orElse(current.secrets().get("client_id"));
        String clientSecret = current.secrets().get("client_secret");
        if (refreshToken == null || clientId == null || clientSecret == null) {
            throw new ConnectorException(Failure.needsReconnect(
                    "A conexão Kommo não tem o que é preciso para renovar o acesso: reconecte a conta Kommo."));
        }
        ObjectNode body = JSON.createObjectNode().put("client_id", clientId).put("client_secret", clientSecret)
                .put("grant_type", "refresh_token").put("refresh_token", refreshToken);
        Optional.ofNullable(current.attributes().get("redirect_uri")).ifPresent(uri -> body.put("redirect_uri", uri));
        HttpResponse<String> response = send("POST", baseUrl(current.attributes()) + "/oauth2/access_token", body, null);
        int status = response.statusCode();
        Optional<JsonNode> json = parse(response);
        if (status == 400 || status == 401) {
            throw new ConnectorException(Failure.needsReconnect(
                    "A Kommo recusou a renovação do acesso (" + status + "): reconecte a conta Kommo."));
        }
        if (status != 200 || json.isEmpty() || !json.get().hasNonNull("access_token")
                || !json.get().hasNonNull("refresh_token")) {
            Failure failure = status == 200 ? Failure.retryable("A Kommo devolveu uma renovação de acesso incompleta.")
                    : failure(status, json, response);
            throw new ConnectorException(failure.kind() == Failure.Kind.PERMANENT
                    ? Failure.needsReconnect("A Kommo recusou a renovação do acesso (" + status + "): reconecte a conta Kommo.")
                    : failure);
        }
        Map<String, String> secrets = new HashMap<>(current.secrets());
        secrets.put("access_token", json.get().path("access_token").asText());
        secrets.put("refresh_token", json.get().path("refresh_token").asText());
        long expiresIn = json.get().path("expires_in").asLong(86_400);
        return new StoredCredentials(secrets, current.attributes(), Optional.of(Instant.now().plusSeconds(expiresIn)));
    }

    private HttpResponse<String> send(String method, String url, JsonNode body, String authorization)
            throws ConnectorException {
        Optional<Duration> blocked = KommoBlock.remaining();
        if (blocked.isPresent()) {
            throw new ConnectorException(Failure.retryable(
                    "Chamadas à Kommo pausadas: a Kommo bloqueou o endereço IP da Ponte.", blocked.get()));
        }
        RateLimiter limiter = connection.rateLimiter(account());
        try {
            limiter.acquire(KommoSettings.permitMaxWait());
        } catch (RateLimiter.RateLimitExceeded e) {
            throw new ConnectorException(Failure.throttled("Limite de chamadas à conta Kommo atingido; tentaremos de novo.",
                    KommoSettings.permitMaxWait()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(Failure.retryable("Chamada à Kommo interrompida."));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(KommoSettings.requestTimeout())
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        }
        String path = URI.create(url).getPath();
        try {
            HttpResponse<String> response = connection.http().send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            connection.logger().log(System.Logger.Level.DEBUG, "Kommo {0} {1} -> {2}", method, path, response.statusCode());
            return response;
        } catch (HttpTimeoutException e) {
            throw new ConnectorException(Failure.retryable("A Kommo não respondeu a tempo."));
        } catch (IOException e) {
            throw new ConnectorException(Failure.retryable("Falha de rede ao chamar a Kommo."));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(Failure.retryable("Chamada à Kommo interrompida."));
        }
    }

    private static Optional<JsonNode> parse(HttpResponse<String> response) {
        String text = response.body();
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !type.contains("json")) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node == null || !node.isContainerNode() ? Optional.empty() : Optional.of(node);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private boolean expiresSoon(Optional<Instant> expiresAt) {
        return expiresAt.map(at -> !Instant.now().plus(KommoSettings.refreshAhead()).isBefore(at)).orElse(false);
    }

    private String baseUrl() throws ConnectorException {
        Map<String, String> attributes = new HashMap<>();
        for (String name : List.of("base_url", "host", "subdomain")) {
            credentials.attribute(name).ifPresent(v -> attributes.put(name, v));
        }
        return baseUrl(attributes);
    }

    static String baseUrl(Map<String, String> attributes) throws ConnectorException {
        Optional<String> override = KommoSettings.apiBaseOverride();
        if (override.isPresent()) {
            return trimSlash(override.get());
        }
        if (attributes.get("base_url") != null) {
            return trimSlash(attributes.get("base_url"));
        }
        String host = attributes.get("host");
        if (host == null && attributes.get("subdomain") != null) {
            host = attributes.get("subdomain") + ".kommo.com";
        }
        String checked = host == null ? null : host.toLowerCase(Locale.ROOT).trim();
        if (checked == null || KOMMO_HOSTS.stream().noneMatch(checked::endsWith) || !checked.matches("[a-z0-9.-]+")) {
            throw new ConnectorException(Failure.needsReconnect(
                    "A conexão Kommo não tem um endereço de conta Kommo válido: reconecte a conta Kommo."));
        }
        return "https://" + checked;
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** {@code ?a=1&b=x} with keys and values URL-encoded; list values repeat the key. */
    static String queryString(Map<String, ?> query) {
        StringBuilder out = new StringBuilder();
        query.forEach((key, value) -> {
            List<?> values = value instanceof List<?> list ? list : List.of(value);
            for (Object v : values) {
                out.append(out.length() == 0 ? '?' : '&').append(URLEncoder.encode(key, StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }
}
