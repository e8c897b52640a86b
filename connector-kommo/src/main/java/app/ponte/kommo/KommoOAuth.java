package app.ponte.kommo;

import app.ponte.api.ConnectorException;
import app.ponte.api.action.Failure;
import app.ponte.api.oauth.ConnectedAccount;
import app.ponte.api.oauth.OAuthClient;
import app.ponte.api.oauth.OAuthConnect;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kommo's half of the OAuth connect flow: the consent page on www.kommo.com, then, on the callback,
 * the {@code referer} check (a Kommo host, before any secret is sent to it), the code exchange at
 * {@code https://{referer}/oauth2/access_token} and the account read ({@code /api/v4/account}).
 */
public final class KommoOAuth implements OAuthConnect {

    /** Hosts Kommo accounts live on; a referer elsewhere never receives our client secret. */
    static final Pattern KOMMO_HOST = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}\\.(kommo\\.com|amocrm\\.com|amocrm\\.ru)");
    private static final URI CONSENT = URI.create("https://www.kommo.com/oauth");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Override
    public URI consentUrl(OAuthClient client, String state) {
        String base = client.apiBaseOverride().map(o -> o.toString().replaceAll("/$", "") + "/oauth").orElse(CONSENT.toString());
        // post_message: the redirect happens in the window that opened the consent page (ours)
        return URI.create(base + "?client_id=" + encode(client.clientId()) + "&state=" + encode(state) + "&mode=post_message");
    }

    @Override
    public ConnectedAccount complete(OAuthClient client, Map<String, String> callback, HttpClient http) throws ConnectorException {
        if (callback.containsKey("error")) {
            throw new ConnectorException(Failure.permanent("O acesso à conta Kommo não foi autorizado."));
        }
        String code = require(callback, "code");
        String referer = require(callback, "referer").trim().toLowerCase(Locale.ROOT);
        if (!KOMMO_HOST.matcher(referer).matches()) {
            throw new ConnectorException(Failure.permanent(
                    "A Kommo respondeu de um endereço que não é da Kommo (" + referer + "); a conexão foi recusada."));
        }
        if (callback.containsKey("client_id") && !client.clientId().equals(callback.get("client_id"))) {
            throw new ConnectorException(Failure.permanent("A resposta da Kommo é de outra integração; a conexão foi recusada."));
        }
        URI api = client.apiBaseOverride().orElse(URI.create("https://" + referer));
        JsonNode tokens = exchange(http, api, client, code);
        String accessToken = tokens.path("access_token").asText("");
        String refreshToken = tokens.path("refresh_token").asText("");
        if (accessToken.isEmpty() || refreshToken.isEmpty()) {
            throw new ConnectorException(Failure.permanent("A Kommo não devolveu os tokens de acesso."));
        }
        long expiresIn = tokens.path("expires_in").asLong(86_400);
        JsonNode account = account(http, api, accessToken);
        String accountId = account.path("id").asText("");
        if (accountId.isEmpty()) {
            throw new ConnectorException(Failure.retryable("A Kommo não informou a conta conectada."));
        }
        String name = account.path("name").asText(referer);
        // What KommoClient reads later (see KommoConnector): the account, its host, and how to refresh.
        Map<String, String> attributes = new java.util.HashMap<>(Map.of(
                "account_id", accountId,
                "subdomain", account.path("subdomain").asText(referer.substring(0, referer.indexOf('.'))),
                "host", referer,
                "account_name", name,
                "client_id", client.clientId(),
                "redirect_uri", client.redirectUri().toString()));
        client.apiBaseOverride().ifPresent(base -> attributes.put("base_url", base.toString()));
        return new ConnectedAccount(accountId, name, attributes,
                Map.of("access_token", accessToken, "refresh_token", refreshToken, "client_secret", client.clientSecret()),
                Optional.of(Instant.now().plusSeconds(expiresIn)));
    }

    private static JsonNode exchange(HttpClient http, URI api, OAuthClient client, String code) throws ConnectorException {
        String body = JSON.createObjectNode()
                .put("client_id", client.clientId())
                .put("client_secret", client.clientSecret())
                .put("grant_type", "authorization_code")
                .put("code", code)
                .put("redirect_uri", client.redirectUri().toString())
                .toString();
        HttpRequest request = HttpRequest.newBuilder(api.resolve("/oauth2/access_token")).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = send(http, request);
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            throw new ConnectorException(Failure.permanent(
                    "A Kommo recusou o código de autorização (HTTP " + response.statusCode() + "); conecte a conta de novo."));
        }
        return json(response, "a troca do código de autorização");
    }

    private static JsonNode account(HttpClient http, URI api, String accessToken) throws ConnectorException {
        HttpRequest request = HttpRequest.newBuilder(api.resolve("/api/v4/account")).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json").GET().build();
        return json(send(http, request), "a leitura da conta");
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws ConnectorException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConnectorException(Failure.retryable("A Kommo não respondeu (" + e.getClass().getSimpleName() + ")."));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(Failure.retryable("Interrompido enquanto esperava a Kommo."));
        }
    }

    private static JsonNode json(HttpResponse<String> response, String what) throws ConnectorException {
        if (response.statusCode() != 200) {
            Failure failure = response.statusCode() >= 500 || response.statusCode() == 429
                    ? Failure.retryable("A Kommo falhou durante " + what + " (HTTP " + response.statusCode() + ").")
                    : Failure.permanent("A Kommo recusou " + what + " (HTTP " + response.statusCode() + ").");
            throw new ConnectorException(failure);
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ConnectorException(Failure.retryable("A Kommo respondeu algo ilegível durante " + what + "."));
        }
    }

    private static String require(Map<String, String> callback, String name) throws ConnectorException {
        String value = callback.get(name);
        if (value == null || value.isBlank()) {
            throw new ConnectorException(Failure.permanent("A resposta da Kommo não trouxe o parâmetro '" + name + "'."));
        }
        return value;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
