package app.ponte.kommo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key rules of contract §3–§6 beyond the §8 checks. */
class RulesTest {
    static KommoSimulator sim;
    static SimClient c;

    @BeforeAll
    static void start() {
        sim = KommoSimulator.start(KommoSimulator.Options.defaults());
        c = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        c.setUp();
    }

    @Test
    void consentRedirectsWithCodeStateAndRefererOrAccessDenied() {
        var allow = c.call("GET", "/oauth?client_id=cid&state=s1&mode=popup&response_type=code&redirect_uri=x", null, null);
        assertEquals(302, allow.status());
        String location = allow.headers().firstValue("Location").orElseThrow();
        assertTrue(location.matches("https://app\\.example/cb\\?code=[^&]+&state=s1&referer=acme\\.kommo\\.com&client_id=cid"), location);
        var nonAdmin = c.call("GET", "/oauth?client_id=cid&state=s1&sim_user=1002", null, null);
        assertEquals("https://app.example/cb?error=access_denied&client_id=cid&state=s1",
                nonAdmin.headers().firstValue("Location").orElseThrow());
        assertEquals(400, c.call("GET", "/oauth?client_id=nope", null, null).status());
    }

    @Test
    void codeExpiresAfterTwentyMinutesAndWrongClientSecretIs401() {
        String code = c.code();
        var bad = c.call("POST", "/oauth2/access_token", "client_id=cid&client_secret=wrong&grant_type=authorization_code&code=" + code + "&redirect_uri=https%3A%2F%2Fapp.example%2Fcb", null);
        assertEquals(401, bad.status());
        assertEquals("Некорректный клиент", bad.json().path("title").asText());
        c.control("POST", "/clock", "{\"advance_seconds\":1200}");
        assertEquals("Authorization code has expired", c.tokens(code).path("hint").asText());
    }

    @Test
    void graceModeKeepsTheOldRefreshTokenUntilAChildIsUsed() {
        c.control("PUT", "/config", "{\"refresh_reuse\":\"grace\"}");
        String r0 = c.tokens(c.code()).path("refresh_token").asText();
        JsonNode child1 = c.refresh(r0).json();
        JsonNode child2 = c.refresh(r0).json();
        assertFalse(child2.path("refresh_token").asText().isEmpty(), "reuse of R issues a fresh pair");
        c.token = child2.path("access_token").asText();
        assertEquals(200, c.api("GET", "/account", null).status());
        assertEquals(401, c.refresh(r0).status(), "using a child revokes R");
        assertEquals(401, c.refresh(child1.path("refresh_token").asText()).status(), "and its other children");
        assertEquals(200, c.refresh(child2.path("refresh_token").asText()).status());
    }

    @Test
    void revokeInvalidatesTokensAndCallsTheSignedRevokeHook() throws Exception {
        AtomicReference<String> query = new AtomicReference<>();
        AtomicReference<String> agent = new AtomicReference<>();
        HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/", ex -> {
            query.set(ex.getRequestURI().getQuery());
            agent.set(ex.getRequestHeaders().getFirst("User-Agent"));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        hook.start();
        try {
            c.control("POST", "/integrations", "{\"client_id\":\"cid\",\"client_secret\":\"secret\",\"redirect_uri\":\"https://app.example/cb\",\"revoke_hook_url\":\"http://127.0.0.1:" + hook.getAddress().getPort() + "/revoked\"}");
            JsonNode pair = c.tokens(c.code());
            c.token = pair.path("access_token").asText();
            long accountId = c.api("GET", "/account", null).json().path("id").asLong();
            c.control("POST", "/accounts/acme/revoke", null);
            assertEquals(401, c.api("GET", "/account", null).status());
            assertEquals("Token has been revoked", c.refresh(pair.path("refresh_token").asText()).json().path("hint").asText());
            ConformanceTest.waitFor(() -> query.get() != null);
            assertEquals("client_uuid=cid&account_id=" + accountId + "&signature=" + Tokens.hmacHex("secret", "cid|" + accountId), query.get());
            assertEquals("amoService-oAuth-Code-Sender/1.0", agent.get());
        } finally {
            hook.stop(0);
        }
    }

    @Test
    void longLivedTokenWorksUntilItsExpiry() {
        long exp = sim.now() + 3600;
        c.token = c.control("POST", "/accounts/acme/long-lived-token", "{\"user_id\":1001,\"expires_at\":" + exp + "}").path("token").asText();
        assertEquals(200, c.api("GET", "/account", null).status());
        c.control("POST", "/clock", "{\"advance_seconds\":3600}");
        assertEquals(401, c.api("GET", "/account", null).status());
    }

    @Test
    void blocksTheIpAfterRepeated429s() {
        c.control("PUT", "/config", "{\"rate_limit_per_second\":1,\"block_after_429\":3}");
        for (int i = 0; i < 4; i++) {
            c.api("GET", "/account", null);
        }
        var blocked = c.call("GET", "/oauth?client_id=cid", null, null);
        assertEquals(403, blocked.status());
        assertTrue(blocked.body().contains("<center>nginx</center>"));
        assertEquals(200, c.call("GET", "/__sim/clock", null, null).status(), "/__sim is never blocked");
    }

    @Test
    void unpaidAccountAnswers402AndFaultsOverrideAnswers() {
        c.control("POST", "/faults", "{\"method\":\"GET\",\"path_regex\":\"^/api/v4/account$\",\"status\":504,\"times\":1}");
        var fault = c.api("GET", "/account", null);
        assertEquals(504, fault.status());
        assertEquals("ErrInternalServer", fault.json().path("title").asText());
        assertEquals(200, c.api("GET", "/account", null).status());
        c.control("PUT", "/accounts/acme", "{\"paid\":false}");
        assertEquals(402, c.api("GET", "/account", null).status());
    }

    @Test
    void failedBatchAppliesNothingAndReportsValidationErrors() {
        var r = c.api("POST", "/leads", "[{\"name\":\"ok\"},{\"name\":\"bad\",\"status_id\":1,\"request_id\":\"x\"}]");
        assertEquals(400, r.status());
        JsonNode err = r.json().path("validation-errors").get(0);
        assertEquals("x", err.path("request_id").asText());
        assertEquals("NotSupportedChoice", err.path("errors").get(0).path("code").asText());
        assertEquals("status_id", err.path("errors").get(0).path("path").asText());
        assertEquals(204, c.api("GET", "/leads", null).status(), "nothing was created");
        assertEquals("Request data can not be empty", c.api("POST", "/leads", "[]").json().path("detail").asText());
        assertEquals(400, c.api("POST", "/leads", "{\"name\":\"object\"}").status());
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 251; i++) {
            many.append(i == 0 ? "" : ",").append("{}");
        }
        assertEquals(422, c.api("POST", "/leads", many + "]").status());
    }

    @Test
    void newLeadGoesToTheFirstRegularStageOfTheMainPipelineAndDeletedLeadsAre204() {
        JsonNode pipeline = c.api("GET", "/leads/pipelines", null).json().path("_embedded").path("pipelines").get(0);
        long lead = c.api("POST", "/leads", "[{\"price\":10.5,\"_embedded\":{\"tags\":[{\"name\":\"site\"}]}}]").json()
                .path("_embedded").path("leads").get(0).path("id").asLong();
        JsonNode got = c.api("GET", "/leads/" + lead, null).json();
        assertEquals(pipeline.path("_embedded").path("statuses").get(1).path("id").asLong(), got.path("status_id").asLong());
        assertEquals(10, got.path("price").asLong());
        assertEquals("Lead #" + lead, got.path("name").asText());
        assertEquals("site", got.path("_embedded").path("tags").get(0).path("name").asText());
        c.control("POST", "/accounts/acme/leads/" + lead + "/delete", null);
        assertEquals(204, c.api("GET", "/leads/" + lead, null).status());
        assertTrue(c.api("GET", "/leads?with=only_deleted", null).json().path("_embedded").path("leads").get(0).path("is_deleted").asBoolean());
    }

    @Test
    void webhooksAreAdminOnlyAndUpsertByDestination() {
        String body = "{\"destination\":\"https://hooks.example/a\",\"settings\":[\"add_lead\"]}";
        long id = c.api("POST", "/webhooks", body).json().path("id").asLong();
        assertEquals(id, c.api("POST", "/webhooks", "{\"destination\":\"https://hooks.example/a\",\"settings\":[\"status_lead\"]}").json().path("id").asLong());
        assertEquals(400, c.api("POST", "/webhooks", "{\"destination\":\"https://hooks.example/b\",\"settings\":[\"note_lead\"]}").status());
        assertEquals(204, c.api("DELETE", "/webhooks", "{\"destination\":\"https://hooks.example/a\"}").status());
        assertEquals(204, c.api("GET", "/webhooks", null).status());
        String code = c.control("POST", "/oauth/code", "{\"client_id\":\"cid\",\"subdomain\":\"acme\",\"user_id\":1002}").path("code").asText();
        c.token = c.tokens(code).path("access_token").asText();
        assertEquals(403, c.api("POST", "/webhooks", body).status());
    }

    @Test
    void requestLogMasksTokensAndSecrets() {
        long since = c.control("GET", "/requests", null).path("requests").size() > 0 ? 0 : 0;
        c.refresh("some-refresh-token-value");
        JsonNode log = c.control("GET", "/requests?since=" + since, null).path("requests");
        String all = log.toString();
        assertFalse(all.contains("some-refresh-token-value"));
        assertFalse(all.contains("\\\"secret\\\""));
        assertFalse(all.contains(c.token));
        assertTrue(all.contains("Bearer sha256:"));
    }

    @Test
    void stateSurvivesARestartThroughTheStateFile(@TempDir Path dir) {
        Path file = dir.resolve("state.json");
        String access;
        try (KommoSimulator first = KommoSimulator.start(KommoSimulator.Options.defaults().withStateFile(file).withDemo(true))) {
            SimClient d = new SimClient(first);
            String code = d.control("POST", "/oauth/code", "{\"client_id\":\"ponte-demo-client\",\"subdomain\":\"ponte-demo\"}").path("code").asText();
            access = d.call("POST", "/oauth2/access_token", "{\"client_id\":\"ponte-demo-client\",\"client_secret\":\"ponte-demo-secret\",\"grant_type\":\"authorization_code\",\"code\":\"" + code + "\",\"redirect_uri\":\"http://localhost:8080/oauth/kommo/callback\"}", null).json().path("access_token").asText();
        }
        assertTrue(Files.exists(file));
        try (KommoSimulator second = KommoSimulator.start(KommoSimulator.Options.defaults().withStateFile(file).withDemo(true))) {
            SimClient d = new SimClient(second);
            d.token = access;
            assertEquals("ponte-demo", d.api("GET", "/account", null).json().path("subdomain").asText());
        }
    }
}
