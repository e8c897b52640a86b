package app.ponte.server.ingress;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.ponte.server.api.Problem;
import app.ponte.server.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /hooks/hotmart/{token}} with Hotmart's recorded deliveries, against the real database. */
@QuarkusTest
class WebhookIngressTest {

    private static final String HOTTOK = "hottok-da-loja-" + "k".repeat(20);

    @Inject
    EntityManager em;

    private String hook;
    private UUID connectionId;

    @BeforeEach
    void connectHotmart() {
        String token = Tokens.bearer(UUID.randomUUID().toString(), "loja@example.com", "Loja");
        String workspace = given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(200).extract().path("workspaces[0].id");
        var created = given().auth().oauth2(token).contentType("application/json").body("{\"hottok\":\"" + HOTTOK + "\"}")
                .when().post("/api/v1/workspaces/" + workspace + "/connections/hotmart").then().statusCode(201).extract().jsonPath();
        hook = URI.create(created.getString("webhookUrl")).getPath();
        connectionId = UUID.fromString(created.getString("connection.id"));
    }

    @Test
    void storesTheEventsOfAnAuthenticDeliveryBeforeAnswering() {
        given().header("X-HOTMART-HOTTOK", HOTTOK).contentType("application/json").body(fixture("PURCHASE_APPROVED.json"))
                .when().post(hook).then().statusCode(200)
                .body("status", equalTo("accepted")).body("events", greaterThan(0));

        assertEquals(2, count("inbound_event", "trigger_key IN ('purchase_approved', 'purchase_created')"),
                "an approval is 'Venda aprovada' and the start of the sale ('Venda criada')");
        assertEquals(1, count("webhook_delivery", "outcome = 'ACCEPTED'"));
        assertEquals(1, countWhere("connection", "last_event_at IS NOT NULL AND id = '" + connectionId + "'"));
    }

    @Test
    void answersARepeatedDeliveryWithoutStoringItAgain() {
        String body = fixture("PURCHASE_APPROVED.json");
        given().header("X-HOTMART-HOTTOK", HOTTOK).contentType("application/json").body(body).when().post(hook).then().statusCode(200);
        long stored = count("inbound_event", "true");

        given().header("X-HOTMART-HOTTOK", HOTTOK).contentType("application/json").body(body)
                .when().post(hook).then().statusCode(200).body("status", equalTo("duplicate")).body("events", equalTo(0));

        assertEquals(stored, count("inbound_event", "true"));
        assertEquals(1, count("webhook_delivery", "outcome = 'DUPLICATE'"));
    }

    @Test
    void concurrentDeliveriesAreEachStoredOnceAndARepeatAmongThemOnlyOnce() throws Exception {
        String approved = fixture("PURCHASE_APPROVED.json");
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            bodies.add(approved.replace("680dcc6b-6a00-54da-a569-29983485fdd5", UUID.randomUUID().toString())
                    .replace("HP1823746501", "HP90000" + i));
        }
        String repeated = approved.replace("HP1823746501", "HP9111111");
        bodies.addAll(Collections.nCopies(10, repeated));
        Collections.shuffle(bodies);

        ExecutorService senders = Executors.newFixedThreadPool(25);
        List<Future<String>> answers = new ArrayList<>();
        try {
            for (String body : bodies) {
                answers.add(senders.submit(() -> given().header("X-HOTMART-HOTTOK", HOTTOK).contentType("application/json").body(body)
                        .when().post(hook).then().statusCode(200).extract().<String>path("status")));
            }
            Map<String, Long> byStatus = new TreeMap<>();
            for (Future<String> answer : answers) {
                byStatus.merge(answer.get(30, TimeUnit.SECONDS), 1L, Long::sum);
            }

            assertEquals(Map.of("accepted", 41L, "duplicate", 9L), byStatus, "each sale accepted once, the repeats of one as duplicates");
        } finally {
            senders.shutdownNow();
        }
        assertEquals(41, count("inbound_event", "trigger_key = 'purchase_approved'"));
        assertEquals(41, count("webhook_delivery", "outcome = 'ACCEPTED' AND events_new = 2"));
        assertEquals(9, count("webhook_delivery", "outcome = 'DUPLICATE' AND events_repeated = 2 AND events_new = 0"));
    }

    @Test
    void firesVendaCriadaOncePerTransaction() {
        given().header("X-HOTMART-HOTTOK", HOTTOK).contentType("application/json").body(fixture("PURCHASE_BILLET_PRINTED.json"))
                .when().post(hook).then().statusCode(200);
        String approvedOfTheSameSale = fixture("PURCHASE_APPROVED.json");
        String transaction = fixture("PURCHASE_BILLET_PRINTED.json").replaceAll("(?s).*\"transaction\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        approvedOfTheSameSale = approvedOfTheSameSale.replaceAll("\"transaction\"\\s*:\\s*\"[^\"]+\"", "\"transaction\":\"" + transaction + "\"");

        given().header("X-HOTMART-HOTTOK", HOTTOK).contentType("application/json").body(approvedOfTheSameSale)
                .when().post(hook).then().statusCode(200);

        assertEquals(1, count("inbound_event", "trigger_key = 'purchase_created'"));
        assertEquals(1, count("inbound_event", "trigger_key = 'purchase_approved'"));
    }

    @Test
    void refusesAWrongOrMissingHottokWithoutStoringAnEvent() {
        given().header("X-HOTMART-HOTTOK", "outro-hottok-qualquer").contentType("application/json").body(fixture("PURCHASE_APPROVED.json"))
                .when().post(hook).then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        given().contentType("application/json").body(fixture("PURCHASE_REFUNDED.json").replaceAll("\"hottok\"\\s*:\\s*\"[^\"]*\",?", ""))
                .when().post(hook).then().statusCode(401);

        assertEquals(0, count("inbound_event", "true"));
        assertEquals(2, count("webhook_delivery", "outcome = 'UNAUTHENTICATED'"));
    }

    @Test
    void explainsAnUnreadableBodyAndRecordsIt() {
        given().header("X-HOTMART-HOTTOK", HOTTOK).contentType("application/json").body("{\"event\":")
                .when().post(hook).then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("detail", containsString("JSON"));
        given().header("X-HOTMART-HOTTOK", HOTTOK).contentType("application/json").body("{\"id\":\"x\"}")
                .when().post(hook).then().statusCode(400);

        assertEquals(2, count("webhook_delivery", "outcome = 'MALFORMED' AND reason IS NOT NULL"));
    }

    @Test
    void acceptsAndIgnoresAnEventNoTriggerUses() {
        given().header("X-HOTMART-HOTTOK", HOTTOK).contentType("application/json").body(fixture("CLUB_FIRST_ACCESS.json"))
                .when().post(hook).then().statusCode(200).body("status", equalTo("ignored"));

        assertEquals(0, count("inbound_event", "true"));
        assertEquals(1, count("webhook_delivery", "outcome = 'IGNORED' AND event_type = 'CLUB_FIRST_ACCESS'"));
    }

    @Test
    void answers404ForAnUnknownTokenAndConnector() {
        given().header("X-HOTMART-HOTTOK", HOTTOK).contentType("application/json").body(fixture("PURCHASE_APPROVED.json"))
                .when().post("/hooks/hotmart/" + "x".repeat(43)).then().statusCode(404);
        given().contentType("application/json").body("{}").when().post("/hooks/pipedrive/" + "x".repeat(43)).then().statusCode(404);
    }

    @Test
    void refusesABodyOver256KiB() {
        String huge = "{\"padding\":\"" + "a".repeat(300 * 1024) + "\"}";
        given().header("X-HOTMART-HOTTOK", HOTTOK).contentType("application/json").body(huge)
                .when().post(hook).then().statusCode(413);
        assertEquals(0, count("webhook_delivery", "true"));
    }

    /** Rows of this test's connection that meet {@code condition}. */
    private long count(String table, String condition) {
        return countWhere(table, condition + " AND connection_id = '" + connectionId + "'");
    }

    private long countWhere(String table, String where) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM " + table + " WHERE " + where).getSingleResult()).longValue());
    }

    private static String fixture(String name) {
        try (InputStream in = WebhookIngressTest.class.getResourceAsStream("/samples/hotmart/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("fixture " + name + " is missing", e);
        }
    }
}
