package app.ponte.server.ingress;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.api.field.FieldValues;
import app.ponte.api.field.Value;
import app.ponte.api.trigger.TriggerEvent;
import app.ponte.server.config.PonteConfig;
import app.ponte.server.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ingress's group commit, with one writer so that deliveries arriving together share a transaction. */
@QuarkusTest
class IngressBatchesTest {

    @Inject
    IngressStore store;

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    private final ExecutorService requests = Executors.newFixedThreadPool(30);
    private IngressBatches batches;
    private UUID tenantId;
    private UUID connectionId;

    @BeforeEach
    void connectHotmart() {
        String token = Tokens.bearer(UUID.randomUUID().toString(), "lote@example.com", "Lote");
        String workspace = given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(200).extract().path("workspaces[0].id");
        connectionId = UUID.fromString(given().auth().oauth2(token).contentType("application/json")
                .body("{\"hottok\":\"hottok-do-lote-" + "k".repeat(20) + "\"}")
                .when().post("/api/v1/workspaces/" + workspace + "/connections/hotmart").then().statusCode(201)
                .extract().path("connection.id"));
        tenantId = UUID.fromString(workspace);
        batches = new IngressBatches(store, new OneWriter());
    }

    @AfterEach
    void stop() {
        batches.stop();
        requests.shutdownNow();
    }

    @Test
    void aDeliveryTheDatabaseRefusesFailsAloneAndTheOthersOfItsBatchAreStored() throws Exception {
        List<CompletableFuture<IngressStore.Accepted>> good = new ArrayList<>();
        CompletableFuture<IngressStore.Accepted> refused;
        // the connection's row locked: the first batch waits on it while the others queue, then go in one batch
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement select = lock.createStatement()) {
                select.execute("SELECT 1 FROM connection WHERE id = '" + connectionId + "' FOR UPDATE");
            }
            good.add(send(delivery(connectionId, "sale-first")));
            await(() -> count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'") > 0);
            for (int i = 0; i < 28; i++) {
                good.add(send(delivery(connectionId, "sale-" + i)));
            }
            // a connection that does not exist (deleted meanwhile): its events break a foreign key
            refused = send(delivery(UUID.randomUUID(), "sale-of-nobody"));
            await(() -> batches.waiting() == 29);
            lock.rollback();
        }

        for (CompletableFuture<IngressStore.Accepted> answer : good) {
            assertEquals(new IngressStore.Accepted(2, 0), answer.get(30, TimeUnit.SECONDS));
        }
        CompletionException error = assertThrows(CompletionException.class, refused::join);
        assertTrue(error.getCause() instanceof IllegalStateException, error.toString());
        assertEquals(58, count("SELECT count(*) FROM inbound_event WHERE tenant_id = ?1"));
        assertEquals(29, count("SELECT count(*) FROM webhook_delivery WHERE tenant_id = ?1 AND outcome = 'ACCEPTED'"));
    }

    private IngressStore.Delivery delivery(UUID connection, String sale) {
        return new IngressStore.Delivery(tenantId, connection, "hotmart", List.of(event(sale), event(sale + "-created")), null);
    }

    private CompletableFuture<IngressStore.Accepted> send(IngressStore.Delivery delivery) {
        return CompletableFuture.supplyAsync(() -> batches.commit(delivery), requests);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(20);
        }
    }

    @Test
    void aRepeatWithinOneBatchIsStoredOnce() throws Exception {
        List<CompletableFuture<IngressStore.Accepted>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            IngressStore.Delivery delivery = new IngressStore.Delivery(tenantId, connectionId, "hotmart", List.of(event("same-sale")), null);
            answers.add(CompletableFuture.supplyAsync(() -> batches.commit(delivery), requests));
        }

        int created = 0;
        for (CompletableFuture<IngressStore.Accepted> answer : answers) {
            IngressStore.Accepted accepted = answer.get(30, TimeUnit.SECONDS);
            assertEquals(1, accepted.created() + accepted.repeated());
            created += accepted.created();
        }
        assertEquals(1, created, "one delivery stored the event, nineteen were repeats");
        assertEquals(1, count("SELECT count(*) FROM inbound_event WHERE tenant_id = ?1"));
        assertEquals(19, count("SELECT count(*) FROM webhook_delivery WHERE tenant_id = ?1 AND outcome = 'DUPLICATE'"));
    }

    @Test
    void theEventsOfADeliveryAreRelayedInTheOrderTheConnectorGaveThem() {
        List<TriggerEvent> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(event("step-" + i));
        }
        batches.commit(new IngressStore.Delivery(tenantId, connectionId, "hotmart", events, null));

        // the relay's order (OutboxRelay: ORDER BY received_at, id)
        @SuppressWarnings("unchecked")
        List<String> relayed = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT dedup_key FROM inbound_event WHERE tenant_id = ?1 ORDER BY received_at, id").setParameter(1, tenantId)
                .getResultList());
        assertEquals(events.stream().map(TriggerEvent::dedupKey).toList(), relayed);
    }

    @Test
    void aStoppedIngressAnswersThatItCannotStore() {
        batches.stop();

        IngressStore.Delivery delivery = new IngressStore.Delivery(tenantId, connectionId, "hotmart", List.of(event("late-sale")), null);
        assertThrows(IllegalStateException.class, () -> batches.commit(delivery));
        assertEquals(0, count("SELECT count(*) FROM inbound_event WHERE tenant_id = ?1"));
    }

    private static TriggerEvent event(String dedupKey) {
        return new TriggerEvent("purchase_approved", dedupKey, "comprador@example.com", "PURCHASE_APPROVED", Instant.now(),
                FieldValues.of(Map.of("transaction", new Value.Text(dedupKey))));
    }

    /** A count, of this test's tenant where the query names it ({@code ?1}). */
    private long count(String query) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var count = em.createNativeQuery(query);
            return ((Number) (query.contains("?1") ? count.setParameter(1, tenantId) : count).getSingleResult()).longValue();
        });
    }

    private static final class OneWriter implements PonteConfig.Ingress {

        @Override
        public int writers() {
            return 1;
        }

        @Override
        public int batchEvents() {
            return 256;
        }

        @Override
        public Duration commitTimeout() {
            return Duration.ofSeconds(20);
        }
    }
}
