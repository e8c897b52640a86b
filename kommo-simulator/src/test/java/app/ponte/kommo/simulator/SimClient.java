package app.ponte.kommo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Test helper: HTTP calls against a running simulator and the usual setup (account, integration, token). */
final class SimClient {
    final KommoSimulator sim;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String token;

    SimClient(KommoSimulator sim) {
        this.sim = sim;
    }

    record Res(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            return Json.parse(body);
        }
    }

    Res call(String method, String path, String body, String bearer) {
        try {
            var b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json");
            if (bearer != null) {
                b.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Res(r.statusCode(), r.body(), r.headers());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Res api(String method, String path, String body) {
        return call(method, "/api/v4" + path, body, token);
    }

    JsonNode control(String method, String path, String body) {
        Res r = call(method, "/__sim" + path, body, null);
        if (r.status() != 200) {
            throw new IllegalStateException(path + " -> " + r.status() + " " + r.body());
        }
        return r.json();
    }

    /** Reset, integration "cid", account "acme" with admin 1001 and non-admin 1002, a token pair. */
    JsonNode setUp() {
        control("POST", "/reset", null);
        control("PUT", "/config", "{\"rate_limit_per_second\":0}");
        control("POST", "/integrations", "{\"client_id\":\"cid\",\"client_secret\":\"secret\",\"redirect_uri\":\"https://app.example/cb\"}");
        JsonNode account = control("POST", "/accounts", "{\"subdomain\":\"acme\",\"users\":[{\"id\":1001,\"name\":\"Ana\",\"is_admin\":true},{\"id\":1002,\"name\":\"Bia\",\"is_admin\":false}]}");
        token = tokens(code()).path("access_token").asText();
        return account;
    }

    String code() {
        return control("POST", "/oauth/code", "{\"client_id\":\"cid\",\"subdomain\":\"acme\",\"user_id\":1001}").path("code").asText();
    }

    JsonNode tokens(String code) {
        return call("POST", "/oauth2/access_token", "{\"client_id\":\"cid\",\"client_secret\":\"secret\",\"grant_type\":\"authorization_code\",\"code\":\"" + code + "\",\"redirect_uri\":\"https://app.example/cb\"}", null).json();
    }

    /** Subscribes {@code destination} to the given events (admin token of {@link #setUp()}). */
    void subscribe(String destination, String... settings) {
        String list = String.join("\",\"", settings);
        Res r = api("POST", "/webhooks", "{\"destination\":\"" + destination + "\",\"settings\":[\"" + list + "\"]}");
        if (r.status() != 200) {
            throw new IllegalStateException("subscribe -> " + r.status() + " " + r.body());
        }
    }

    /** Waits until every queued webhook delivery (and every pending retry, fired now) has been attempted. */
    JsonNode flush() {
        return control("POST", "/webhooks/flush", null);
    }

    /** Creates one entity through the API and answers its id. */
    long create(String type, String item) {
        Res r = api("POST", "/" + type, "[" + item + "]");
        if (r.status() != 200) {
            throw new IllegalStateException("create " + type + " -> " + r.status() + " " + r.body());
        }
        return r.json().path("_embedded").path(type).get(0).path("id").asLong();
    }

    /** The one validation error of a 400 answer: {@code [request_id, code, path]}. */
    static java.util.List<String> onlyError(Res r) {
        if (r.status() != 400) {
            throw new AssertionError("expected 400, got " + r.status() + " " + r.body());
        }
        JsonNode items = r.json().path("validation-errors");
        if (items.size() != 1 || items.get(0).path("errors").size() != 1) {
            throw new AssertionError("expected exactly one validation error: " + r.body());
        }
        JsonNode e = items.get(0).path("errors").get(0);
        return java.util.List.of(items.get(0).path("request_id").asText(), e.path("code").asText(), e.path("path").asText());
    }

    Res refresh(String refreshToken) {
        return call("POST", "/oauth2/access_token", "{\"client_id\":\"cid\",\"client_secret\":\"secret\",\"grant_type\":\"refresh_token\",\"refresh_token\":\"" + refreshToken + "\",\"redirect_uri\":\"https://app.example/cb\"}", null);
    }
}
