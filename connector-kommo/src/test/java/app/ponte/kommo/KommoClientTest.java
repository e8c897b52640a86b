package app.ponte.kommo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.api.ConnectorException;
import app.ponte.api.action.Failure;
import app.ponte.testkit.InMemoryCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KommoClientTest {

    private static SimFixture sim;
    private static int accounts;
    private SimFixture.Account account;
    private final TestConnection.Limiters limiters = new TestConnection.Limiters(1000);

    @BeforeAll
    static void startSimulator() {
        sim = new SimFixture();
        sim.reset("{\"rate_limit_per_second\":0}");
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void connectAnAccount() {
        account = sim.account("client" + ++accounts, true);
    }

    @AfterEach
    void liftBlockAndFaults() {
        KommoBlock.lift();
        System.clearProperty(KommoSettings.REQUEST_TIMEOUT);
        sim.control("DELETE", "/faults", null);
    }

    private KommoClient client(InMemoryCredentials credentials) {
        return new KommoClient(new TestConnection(credentials, limiters));
    }

    private List<String> calls(long since) {
        return sim.requests(since).stream().map(r -> r.path("method").asText() + " " + r.path("path").asText() + " "
                + r.path("status").asInt()).toList();
    }

    @Test
    void refreshesAnAccessTokenAboutToExpireBeforeTheCall() throws Exception {
        InMemoryCredentials credentials = account.credentials(Instant.now().plusSeconds(60));
        long since = sim.lastSeq();

        JsonNode me = client(credentials).get("/api/v4/account");

        assertEquals(account.id(), me.path("id").asLong());
        assertEquals(List.of("POST /oauth2/access_token 200", "GET /api/v4/account 200"), calls(since));
        assertNotEquals(account.accessToken(), credentials.secret("access_token").orElseThrow());
        assertNotEquals(account.refreshToken(), credentials.secret("refresh_token").orElseThrow());
        assertTrue(credentials.expiresAt().orElseThrow().isAfter(Instant.now().plus(Duration.ofHours(23))));
    }

    @Test
    void refreshesOnceOnA401AndRetriesAndTheNextRefreshUsesTheRotatedToken() throws Exception {
        InMemoryCredentials credentials = account.credentials(Instant.now().plus(Duration.ofDays(30)));
        KommoClient kommo = client(credentials);
        long since = sim.lastSeq();

        sim.control("POST", "/clock", "{\"advance_seconds\":86410}");
        kommo.get("/api/v4/account");
        sim.control("POST", "/clock", "{\"advance_seconds\":86410}");
        client(credentials).get("/api/v4/account");

        assertEquals(List.of("GET /api/v4/account 401", "POST /oauth2/access_token 200", "GET /api/v4/account 200",
                "GET /api/v4/account 401", "POST /oauth2/access_token 200", "GET /api/v4/account 200"), calls(since));
        assertEquals(2, credentials.refreshes());
    }

    @Test
    void concurrentCallersOfOneConnectionRefreshOnlyOnce() throws Exception {
        InMemoryCredentials credentials = account.credentials(Instant.now().minusSeconds(5));
        long since = sim.lastSeq();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JsonNode>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return client(credentials).get("/api/v4/account");
            }));
        }
        start.countDown();
        for (Future<JsonNode> result : results) {
            assertEquals(account.id(), result.get().path("id").asLong());
        }
        pool.shutdown();

        List<String> calls = calls(since);
        assertEquals(1, calls.stream().filter(c -> c.startsWith("POST /oauth2/access_token")).count(), calls.toString());
        assertEquals(6, calls.stream().filter(c -> c.equals("GET /api/v4/account 200")).count(), calls.toString());
    }

    @Test
    void aRevokedIntegrationNeedsReconnectAndTheMessageHoldsNoToken() {
        InMemoryCredentials credentials = account.credentials(Instant.now().plus(Duration.ofDays(1)));
        sim.control("POST", "/accounts/" + account.subdomain() + "/revoke", "{}");
        long since = sim.lastSeq();

        ConnectorException e = assertThrows(ConnectorException.class, () -> client(credentials).get("/api/v4/account"));

        assertEquals(Failure.Kind.NEEDS_RECONNECT, e.failure().kind());
        assertEquals(List.of("GET /api/v4/account 401", "POST /oauth2/access_token 401"), calls(since));
        assertFalse(e.getMessage().contains(account.accessToken()) || e.getMessage().contains(account.refreshToken())
                || e.getMessage().contains(SimFixture.CLIENT_SECRET));
    }

    @Test
    void tooManyRequestsIsRetryableAfterKommosRetryAfter() {
        sim.control("POST", "/faults", "{\"method\":\"GET\",\"path_regex\":\"/api/v4/account\",\"status\":429,\"times\":1,"
                + "\"body\":\"{\\\"title\\\":\\\"Too Many Requests\\\",\\\"status\\\":429,\\\"retry_after\\\":7}\"}");

        ConnectorException e = assertThrows(ConnectorException.class, () -> client(account.credentials(null)).get("/api/v4/account"));

        assertEquals(Failure.Kind.RETRYABLE, e.failure().kind());
        assertEquals(Duration.ofSeconds(7), e.failure().retryAfter().orElseThrow());
    }

    @Test
    void anIpBlockPausesEveryKommoCallInTheJvmUntilTheCoolDownEnds() throws Exception {
        SimFixture.Account other = sim.account("client" + ++accounts, true);
        sim.control("POST", "/faults", "{\"method\":\"GET\",\"path_regex\":\"/api/v4/account\",\"status\":403,\"times\":1,"
                + "\"content_type\":\"text/html\",\"body\":\"<html><head><title>403 Forbidden</title></head></html>\"}");

        ConnectorException blocked = assertThrows(ConnectorException.class, () -> client(account.credentials(null)).get("/api/v4/account"));
        long since = sim.lastSeq();
        ConnectorException paused = assertThrows(ConnectorException.class,
                () -> client(other.credentials(null)).get("/api/v4/leads/pipelines"));

        assertEquals(Failure.Kind.RETRYABLE, blocked.failure().kind());
        assertTrue(blocked.failure().retryAfter().isPresent());
        assertEquals(Failure.Kind.RETRYABLE, paused.failure().kind());
        assertEquals(List.of(), calls(since), "no Kommo call during the cool-down");
        KommoBlock.lift();
        assertEquals(other.id(), client(other.credentials(null)).get("/api/v4/account").path("id").asLong());
    }

    @Test
    void a403WithKommosJsonIsAPermissionRefusalNotABlock() {
        sim.control("POST", "/faults", "{\"method\":\"GET\",\"path_regex\":\"/api/v4/account\",\"status\":403,\"times\":1,"
                + "\"body\":\"{\\\"title\\\":\\\"Forbidden\\\",\\\"status\\\":403,\\\"detail\\\":\\\"Access denied\\\"}\"}");

        ConnectorException e = assertThrows(ConnectorException.class, () -> client(account.credentials(null)).get("/api/v4/account"));

        assertEquals(Failure.Kind.PERMANENT, e.failure().kind());
        assertTrue(KommoBlock.remaining().isEmpty());
    }

    @Test
    void serverErrorsAndTimeoutsAreRetryable() {
        sim.control("POST", "/faults", "{\"method\":\"GET\",\"path_regex\":\"/api/v4/account\",\"status\":504,\"times\":1}");
        ConnectorException error = assertThrows(ConnectorException.class, () -> client(account.credentials(null)).get("/api/v4/account"));
        System.setProperty(KommoSettings.REQUEST_TIMEOUT, "PT0.2S");
        sim.control("POST", "/faults", "{\"method\":\"GET\",\"path_regex\":\"/api/v4/account\",\"status\":200,\"times\":1,\"delay_ms\":1500}");
        ConnectorException timeout = assertThrows(ConnectorException.class, () -> client(account.credentials(null)).get("/api/v4/account"));

        assertEquals(Failure.Kind.RETRYABLE, error.failure().kind());
        assertEquals(Failure.Kind.RETRYABLE, timeout.failure().kind());
    }

    @Test
    void aValidationErrorIsPermanentAndKeepsKommosMessage() {
        var body = KommoClient.JSON.createArrayNode();
        body.addObject().put("name", "Lead").put("status_id", 999_999_999L);

        ConnectorException e = assertThrows(ConnectorException.class, () -> client(account.credentials(null)).post("/api/v4/leads", body));

        assertEquals(Failure.Kind.PERMANENT, e.failure().kind());
        assertTrue(e.getMessage().contains("status_id") && e.getMessage().contains("NotSupportedChoice"), e.getMessage());
    }

    @Test
    void anUnpaidAccountIsAPermanentFailure() {
        sim.control("PUT", "/accounts/" + account.subdomain(), "{\"paid\":false}");

        ConnectorException e = assertThrows(ConnectorException.class, () -> client(account.credentials(null)).get("/api/v4/account"));

        assertEquals(Failure.Kind.PERMANENT, e.failure().kind());
        assertTrue(e.getMessage().contains("402"));
    }

    @Test
    void everyCallTakesAPermitFromTheAccountsLimiter() throws Exception {
        List<String> accountsAsked = new ArrayList<>();
        var connection = new TestConnection(account.credentials(null), limiters) {
            @Override
            public app.ponte.api.context.RateLimiter rateLimiter(String key) {
                accountsAsked.add(key);
                return super.rateLimiter(key);
            }
        };
        new KommoClient(connection).get("/api/v4/account");
        new KommoClient(connection).get("/api/v4/leads/pipelines", Map.of("limit", 5));

        assertEquals(List.of(Long.toString(account.id()), Long.toString(account.id())), accountsAsked);
    }
}
