package app.ponte.kommo;

import app.ponte.api.context.Credentials;
import app.ponte.kommo.simulator.KommoSimulator;
import app.ponte.testkit.InMemoryCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The embedded Kommo simulator and its control API, for one test class. */
final class SimFixture implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String CLIENT_ID = "ponte-test-client";
    static final String CLIENT_SECRET = "ponte-test-secret";
    static final String REDIRECT = "https://app.ponte.test/oauth/kommo/callback";

    final KommoSimulator sim = KommoSimulator.start(KommoSimulator.Options.defaults());

    /** One connected Kommo account: ids from the simulator and a fresh token pair. */
    record Account(String baseUrl, String subdomain, long id, long adminId, long pipelineId, List<Long> stages,
            String accessToken, String refreshToken) {
        /** Credentials as the platform stores them after the OAuth connect. */
        InMemoryCredentials credentials(Instant expiresAt) {
            return new InMemoryCredentials(
                    Map.of("access_token", accessToken, "refresh_token", refreshToken, "client_secret", CLIENT_SECRET),
                    Map.of("account_id", Long.toString(id), "subdomain", subdomain, "client_id", CLIENT_ID,
                            "redirect_uri", REDIRECT, "base_url", baseUrl),
                    expiresAt);
        }

        Credentials fresh() {
            return credentials(Instant.now().plusSeconds(86_400));
        }
    }

    /** Drops all state; {@code config} merged afterwards (e.g. {@code {"rate_limit_per_second":0}}). */
    void reset(String config) {
        control("POST", "/reset", null);
        control("PUT", "/config", config);
        control("POST", "/integrations", "{\"client_id\":\"" + CLIENT_ID + "\",\"client_secret\":\"" + CLIENT_SECRET
                + "\",\"redirect_uri\":\"" + REDIRECT + "\"}");
    }

    /** A new account with an admin (and a non-admin when {@code adminConnects} is false), connected with OAuth. */
    Account account(String subdomain, boolean adminConnects) {
        JsonNode made = control("POST", "/accounts", "{\"subdomain\":\"" + subdomain + "\",\"users\":["
                + "{\"name\":\"Ana Admin\",\"is_admin\":true},{\"name\":\"Beto Vendas\",\"is_admin\":false}]}");
        long id = made.path("id").asLong();
        List<Long> users = new ArrayList<>();
        made.path("users").forEach(u -> users.add(u.path("id").asLong()));
        long user = adminConnects ? users.get(0) : users.get(1);
        String code = control("POST", "/oauth/code", "{\"client_id\":\"" + CLIENT_ID + "\",\"subdomain\":\"" + subdomain
                + "\",\"user_id\":" + user + "}").path("code").asText();
        JsonNode tokens = json(call("POST", "/oauth2/access_token", "{\"client_id\":\"" + CLIENT_ID + "\",\"client_secret\":\""
                + CLIENT_SECRET + "\",\"grant_type\":\"authorization_code\",\"code\":\"" + code + "\",\"redirect_uri\":\""
                + REDIRECT + "\"}", null).body());
        String access = tokens.path("access_token").asText();
        JsonNode pipelines = json(call("GET", "/api/v4/leads/pipelines", null, access).body());
        JsonNode main = pipelines.path("_embedded").path("pipelines").path(0);
        List<Long> stages = new ArrayList<>();
        main.path("_embedded").path("statuses").forEach(s -> stages.add(s.path("id").asLong()));
        return new Account(sim.baseUrl(), subdomain, id, users.get(0), main.path("id").asLong(), stages, access,
                tokens.path("refresh_token").asText());
    }

    JsonNode seed(String subdomain, String body) {
        return control("POST", "/accounts/" + subdomain + "/seed", body);
    }

    JsonNode state(String subdomain) {
        return control("GET", "/accounts/" + subdomain + "/state", null);
    }

    long lastSeq() {
        List<JsonNode> all = requests(0);
        return all.isEmpty() ? 0 : all.get(all.size() - 1).path("seq").asLong();
    }

    /** Logged requests after {@code since}, {@code /__sim} calls left out. */
    List<JsonNode> requests(long since) {
        List<JsonNode> out = new ArrayList<>();
        control("GET", "/requests?since=" + since, null).path("requests").forEach(r -> {
            if (!r.path("path").asText().startsWith("/__sim")) {
                out.add(r);
            }
        });
        return out;
    }

    JsonNode control(String method, String path, String body) {
        HttpResponse<String> response = call(method, "/__sim" + path, body, null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " -> " + response.statusCode() + " " + response.body());
        }
        return json(response.body());
    }

    HttpResponse<String> call(String method, String path, String body, String bearer) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json");
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            return TestConnection.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        sim.close();
    }
}
