package app.ponte.server.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.api.ConnectorException;
import app.ponte.api.action.Failure;
import app.ponte.api.context.Credentials;
import app.ponte.api.context.Credentials.StoredCredentials;
import app.ponte.server.crypto.SecretCipher;
import app.ponte.server.testing.TestTenants;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConnectionStoreTest {

    @Inject
    ConnectionStore store;

    @Inject
    EntityManager em;

    @Inject
    SecretCipher cipher;

    private ConnectionView kommo(UUID tenant, Instant expiresAt) {
        return store.create(tenant, new NewConnection("kommo", "Kommo (loja)", "31829174", Map.of("subdomain", "loja"),
                Map.of("access_token", "at-1", "refresh_token", "rt-1"), expiresAt));
    }

    @Test
    void storesSecretsOnlyAsCiphertextAndNeverInTheView() {
        UUID tenant = TestTenants.create("Loja A");
        ConnectionView view = kommo(tenant, Instant.now().plusSeconds(3600));

        String column = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                (String) em.createNativeQuery("SELECT secrets FROM connection WHERE id = ?1").setParameter(1, view.id()).getSingleResult());
        assertTrue(column.startsWith("v1:test1:"));
        assertFalse(column.contains("at-1") || column.contains("rt-1"));
        assertFalse(view.toString().contains("at-1"));
        assertEquals(Map.of("subdomain", "loja"), view.attributes());
        assertEquals("at-1", store.credentials(tenant, view.id()).orElseThrow().secret("access_token").orElseThrow());
    }

    @Test
    void shouldNotShowAConnectionToAnotherTenant() {
        UUID owner = TestTenants.create("Dona");
        UUID other = TestTenants.create("Outra");
        ConnectionView view = kommo(owner, null);

        assertTrue(store.find(other, view.id()).isEmpty());
        assertTrue(store.credentials(other, view.id()).isEmpty());
        assertTrue(store.list(other).isEmpty());
        assertEquals(List.of(view.id()), store.list(owner).stream().map(ConnectionView::id).toList());
    }

    @Test
    void findsAWebhookTokensConnectionWithItsCurrentSecretsNeverStaleOnes() {
        UUID tenant = TestTenants.create("Loja W");
        ConnectionView view = store.create(tenant, new NewConnection("hotmart", "Hotmart", null, Map.of(),
                Map.of("hottok", "hottok-antigo"), null));
        String token = store.rotateWebhookToken(tenant, view.id()).orElseThrow();

        ConnectionStore.WebhookTarget found = store.findByWebhookToken("hotmart", token).orElseThrow();
        assertEquals(tenant, found.tenantId());
        assertEquals(view.id(), found.connectionId());
        assertEquals("hottok-antigo", found.credentials().secret("hottok").orElseThrow());
        assertEquals("hottok-antigo", store.findByWebhookToken("hotmart", token).orElseThrow().credentials().secret("hottok").orElseThrow());

        // another server instance stores a new hottok (e.g. a reconnect): this instance must not serve the old one
        String sealed = cipher.encrypt("{\"hottok\":\"hottok-novo\",\"webhook_token\":\"" + token + "\"}",
                "connection:" + tenant + ":" + view.id());
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE connection SET secrets = ?1 WHERE id = ?2")
                .setParameter(1, sealed).setParameter(2, view.id()).executeUpdate());
        assertEquals("hottok-novo", store.findByWebhookToken("hotmart", token).orElseThrow().credentials().secret("hottok").orElseThrow());
        assertEquals("hottok-novo", store.credentials(tenant, view.id()).orElseThrow().secret("hottok").orElseThrow());

        assertTrue(store.findByWebhookToken("kommo", token).isEmpty(), "the token belongs to a Hotmart connection");
        store.disconnect(tenant, view.id());
        assertTrue(store.findByWebhookToken("hotmart", token).isEmpty());
    }

    @Test
    void runsOneRefreshAtATimeAndLetsTheSecondSeeTheFirstsTokens() throws Exception {
        UUID tenant = TestTenants.create("Concorrente");
        ConnectionView view = kommo(tenant, Instant.now().minusSeconds(1));
        AtomicInteger vendorCalls = new AtomicInteger();
        CountDownLatch bothStarted = new CountDownLatch(2);
        Credentials.Refresher refreshIfExpired = current -> {
            if (current.expiresAt().orElse(Instant.MIN).isAfter(Instant.now())) {
                return current; // someone else refreshed while we waited for the lock
            }
            int call = vendorCalls.incrementAndGet();
            sleep(300);
            return new StoredCredentials(Map.of("access_token", "at-" + (call + 1), "refresh_token", "rt-" + (call + 1)),
                    current.attributes(), Optional.of(Instant.now().plusSeconds(86_400)));
        };

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = pool.invokeAll(List.of(
                    () -> refresh(tenant, view.id(), refreshIfExpired, bothStarted),
                    () -> refresh(tenant, view.id(), refreshIfExpired, bothStarted)), 30, TimeUnit.SECONDS);
            assertEquals("at-2", results.get(0).get());
            assertEquals("at-2", results.get(1).get());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, vendorCalls.get());
        assertEquals("rt-2", store.credentials(tenant, view.id()).orElseThrow().secret("refresh_token").orElseThrow());
    }

    @Test
    void marksTheConnectionNeedsReconnectWhenTheVendorRefusesTheRefresh() {
        UUID tenant = TestTenants.create("Revogada");
        ConnectionView view = kommo(tenant, Instant.now().minusSeconds(1));
        Credentials credentials = store.credentials(tenant, view.id()).orElseThrow();

        ConnectorException refused = assertThrows(ConnectorException.class, () -> credentials.refresh(current -> {
            throw new ConnectorException(Failure.needsReconnect("Kommo recusou o refresh token (integração revogada)"));
        }));

        assertEquals(Failure.Kind.NEEDS_RECONNECT, refused.failure().kind());
        ConnectionView after = store.find(tenant, view.id()).orElseThrow();
        assertEquals(ConnectionStatus.NEEDS_RECONNECT, after.status());
        assertEquals("Kommo recusou o refresh token (integração revogada)", after.statusReason());
        assertEquals("rt-1", store.credentials(tenant, view.id()).orElseThrow().secret("refresh_token").orElseThrow(),
                "a refused refresh keeps the stored tokens");
    }

    private String refresh(UUID tenant, UUID id, Credentials.Refresher refresher, CountDownLatch bothStarted) throws Exception {
        Credentials credentials = store.credentials(tenant, id).orElseThrow();
        bothStarted.countDown();
        bothStarted.await(10, TimeUnit.SECONDS);
        return credentials.refresh(refresher).secret("access_token").orElseThrow();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
