package app.ponte.kommo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /__sim/accounts/{sub}/rename} and {@code GET /oauth2/account/current/subdomain} with
 * {@code X-Refresh-Token} (contract §2, §3.4, §5.1, §6).
 */
class AccountRenameTest {
    static KommoSimulator sim;
    static SimClient c;
    long accountId;
    String refresh;

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
        accountId = c.setUp().path("id").asLong();
        JsonNode pair = c.tokens(c.code());
        c.token = pair.path("access_token").asText();
        refresh = pair.path("refresh_token").asText();
    }

    private static SimClient.Res currentSubdomain(String refreshToken) {
        try {
            var b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/oauth2/account/current/subdomain")).GET();
            if (refreshToken != null) {
                b.header("X-Refresh-Token", refreshToken);
            }
            HttpResponse<String> r = c.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new SimClient.Res(r.statusCode(), r.body(), r.headers());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void currentSubdomainAnswersTheAccountForItsRefreshToken() {
        var r = currentSubdomain(refresh);
        assertEquals(200, r.status(), r.body());
        JsonNode body = r.json();
        assertEquals(accountId, body.path("id").asLong());
        assertEquals("acme", body.path("subdomain").asText());
        assertEquals("acme.kommo.com", body.path("domain").asText());
        assertEquals("com", body.path("top_level_domain").asText());
    }

    @Test
    void afterARenameAccountApiAndSubdomainLookupReportTheNewSubdomainAndHost() {
        JsonNode renamed = c.control("POST", "/accounts/acme/rename", "{\"subdomain\":\"acme-novo\",\"host\":\"acme-novo.amocrm.ru\"}");
        assertEquals("acme-novo", renamed.path("subdomain").asText());
        JsonNode account = c.api("GET", "/account", null).json();
        assertEquals("acme-novo", account.path("subdomain").asText(), "the old access token still works and sees the move");
        assertEquals(accountId, account.path("id").asLong());
        JsonNode lookup = currentSubdomain(refresh).json();
        assertEquals("acme-novo", lookup.path("subdomain").asText());
        assertEquals("acme-novo.amocrm.ru", lookup.path("domain").asText());
        assertEquals("ru", lookup.path("top_level_domain").asText());
    }

    @Test
    void withoutAHostTheRenamedAccountLivesOnTheKommoHostOfItsNewSubdomain() {
        c.control("POST", "/accounts/acme/rename", "{\"subdomain\":\"outra\"}");
        assertEquals("outra.kommo.com", currentSubdomain(refresh).json().path("domain").asText());
        assertEquals("outra.kommo.com", c.control("POST", "/oauth/code", "{\"client_id\":\"cid\",\"subdomain\":\"outra\",\"user_id\":1001}").path("referer").asText());
        assertEquals(404, c.call("GET", "/__sim/accounts/acme/state", null, null).status(), "the old subdomain is gone");
    }

    @Test
    void refreshIsStillAcceptedAfterARename() {
        c.control("POST", "/accounts/acme/rename", "{\"subdomain\":\"acme-novo\"}");
        var refreshed = c.refresh(refresh);
        assertEquals(200, refreshed.status(), refreshed.body());
        c.token = refreshed.json().path("access_token").asText();
        assertEquals("acme-novo", c.api("GET", "/account", null).json().path("subdomain").asText());
        assertEquals("acme-novo", currentSubdomain(refreshed.json().path("refresh_token").asText()).json().path("subdomain").asText());
    }

    @Test
    void webhooksAfterARenameCarryTheNewSubdomainAndHost() {
        try (HookReceiver hook = new HookReceiver()) {
            c.subscribe(hook.url("/h"), "add_lead");
            c.control("POST", "/accounts/acme/rename", "{\"subdomain\":\"acme-novo\",\"host\":\"acme-novo.kommo.com\"}");
            long lead = c.create("leads", "{\"name\":\"Depois\"}");
            c.flush();
            Map<String, String> form = hook.hits.get(0).form();
            assertEquals("acme-novo", form.get("account[subdomain]"));
            assertEquals(String.valueOf(accountId), form.get("account[id]"));
            assertEquals("https://acme-novo.kommo.com", form.get("account[_links][self]"));

            c.control("POST", "/accounts/acme-novo/dp-hook", "{\"destination\":\"" + hook.url("/dp") + "\",\"lead_id\":" + lead + "}");
            c.flush();
            assertEquals("acme-novo", hook.hits.get(1).form().get("account[subdomain]"));
        }
    }

    @Test
    void unknownMissingOrSpentRefreshTokenIs401() {
        assertEquals(401, currentSubdomain("not-a-token").status());
        assertEquals(401, currentSubdomain(null).status());
        assertEquals(401, currentSubdomain(c.token).status(), "an access token is not a refresh token");
        assertEquals(200, c.refresh(refresh).status());
        assertEquals(401, currentSubdomain(refresh).status(), "a spent refresh token (strict) no longer answers");
    }

    @Test
    void renamingToASubdomainAnotherAccountUsesIs400() {
        c.control("POST", "/accounts", "{\"subdomain\":\"beta\",\"users\":[{\"id\":2001,\"name\":\"B\",\"is_admin\":true}]}");
        var r = c.call("POST", "/__sim/accounts/acme/rename", "{\"subdomain\":\"beta\"}", null);
        assertEquals(400, r.status(), r.body());
        assertTrue(c.control("GET", "/accounts/acme/state", null).path("subdomain").asText().equals("acme"));
    }
}
