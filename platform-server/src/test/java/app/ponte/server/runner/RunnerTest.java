package app.ponte.server.runner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.server.connection.ConnectionStore;
import app.ponte.server.connection.OAuthClients;
import app.ponte.server.connector.ConnectorService;
import app.ponte.server.testing.SimulatedKommo;
import app.ponte.server.testing.Tokens;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The runner end to end on the real servers: a Hotmart delivery on the ingress, the outbox relayed
 * to the Kafka broker, runs executed against the Kommo simulator, the run history read back.
 */
@QuarkusTest
class RunnerTest {

    private static final String HOTTOK = "hottok-do-runner-" + "r".repeat(16);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    ConnectorService connectors;

    @Inject
    OAuthClients clients;

    @Inject
    ConnectionStore store;

    record Workspace(String token, String id, String hook, UUID hotmart, SimulatedKommo kommo) {
        String path(String rest) {
            return "/api/v1/workspaces/" + id + rest;
        }
    }

    private Workspace workspace(String name) {
        String token = Tokens.bearer(UUID.randomUUID().toString(), name.toLowerCase() + "@example.com", name);
        String id = given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(200).extract().path("workspaces[0].id");
        JsonPath hotmart = given().auth().oauth2(token).contentType("application/json").body("{\"hottok\":\"" + HOTTOK + "\"}")
                .when().post("/api/v1/workspaces/" + id + "/connections/hotmart").then().statusCode(201).extract().jsonPath();
        SimulatedKommo kommo = SimulatedKommo.connect(connectors, clients, store, UUID.fromString(id));
        return new Workspace(token, id, URI.create(hotmart.getString("webhookUrl")).getPath(),
                UUID.fromString(hotmart.getString("connection.id")), kommo);
    }

    private static String activate(Workspace w, String template) {
        String id = given().auth().oauth2(w.token()).contentType("application/json")
                .body("{\"templateKey\":\"" + template + "\",\"trigger\":{\"connectionId\":\"" + w.hotmart() + "\"},"
                        + "\"action\":{\"connectionId\":\"" + w.kommo().connectionId() + "\"}}")
                .when().post(w.path("/automations")).then().statusCode(201).extract().path("id");
        given().auth().oauth2(w.token()).when().post(w.path("/automations/" + id + "/activate")).then().statusCode(200);
        return id;
    }

    private static void deliver(Workspace w, String body) {
        given().header("X-HOTMART-HOTTOK", HOTTOK).contentType("application/json").body(body).when().post(w.hook())
                .then().statusCode(200);
    }

    private static JsonPath runs(Workspace w, String query) {
        return given().auth().oauth2(w.token()).when().get(w.path("/runs?size=100" + query)).then().statusCode(200).extract().jsonPath();
    }

    /** Polls the run history until {@code done} holds (the runner is asynchronous by design). */
    private static JsonPath awaitRuns(Workspace w, String query, Predicate<JsonPath> done) {
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonPath page = runs(w, query);
        while (!done.test(page)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("runs did not settle: " + page.prettify());
            }
            sleep(100);
            page = runs(w, query);
        }
        return page;
    }

    private static Predicate<JsonPath> settled(int count) {
        return page -> page.getList("items").size() == count
                && page.getList("items.status", String.class).stream().allMatch(s -> List.of("SUCCEEDED", "FILTERED", "FAILED").contains(s));
    }

    @Test
    void anApprovedSaleBecomesOneKommoLeadAndADuplicateDeliveryRunsNothingAgain() {
        Workspace w = workspace("Ana");
        activate(w, "purchase_approved_to_kommo_lead");
        String approved = fixture("PURCHASE_APPROVED.json");

        deliver(w, approved);
        deliver(w, approved);

        JsonPath page = awaitRuns(w, "", settled(1));
        assertEquals("SUCCEEDED", page.getString("items[0].status"), page.prettify());
        String leadId = page.getString("items[0].outputs['lead.id']");
        sleep(500); // a second run would have been queued by now
        assertEquals(1, runs(w, "").getList("items").size(), "the repeated delivery ran nothing");

        JsonPath kommo = w.kommo().state();
        assertEquals(1, kommo.getList("leads").size(), kommo.prettify());
        assertEquals(leadId, kommo.getString("leads[0].id"));
        assertEquals(1, kommo.getList("contacts").size(), "one contact for the buyer");

        String runId = page.getString("items[0].id");
        JsonPath detail = given().auth().oauth2(w.token()).when().get(w.path("/runs/" + runId)).then().statusCode(200)
                .body("attempts", hasSize(1)).body("attempts[0].outcome", equalTo("SUCCEEDED"))
                .body("masked", equalTo(false)).extract().jsonPath();
        List<Map<String, Object>> calls = detail.getList("attempts[0].calls");
        assertTrue(calls.stream().anyMatch(c -> "POST".equals(c.get("method")) && String.valueOf(c.get("path")).contains("/leads")),
                "the lead creation is in the attempt's calls: " + calls);
        assertTrue(calls.stream().noneMatch(c -> String.valueOf(c.get("path")).contains("?")), "paths only, no query strings");
        assertTrue(kommo.getList("leads[0]._embedded.tags.name").contains("Venda aprovada"), kommo.prettify());
    }

    @Test
    void anApprovalIsAppliedBeforeItsRefundEvenWhenItsFirstAttemptFails() {
        Workspace w = workspace("Bruna");
        String approvals = activate(w, "purchase_approved_to_kommo_lead");
        String refunds = activate(w, "purchase_refunded_to_kommo_lead");
        String approved = fixture("PURCHASE_APPROVED.json");
        String refunded = approved.replace("\"PURCHASE_APPROVED\"", "\"PURCHASE_REFUNDED\"").replace("\"APPROVED\"", "\"REFUNDED\"")
                .replaceFirst("\"id\"\\s*:\\s*\"[^\"]+\"", "\"id\": \"" + UUID.randomUUID() + "\"");
        // the first lead search of the approval fails with a 500: its run waits for a retry, and the refund waits behind it
        SimulatedKommo.fault("GET", "/api/v4/(leads|contacts).*", 500, 1);

        deliver(w, approved);
        deliver(w, refunded);

        JsonPath page = awaitRuns(w, "", settled(2));
        assertEquals(List.of("SUCCEEDED", "SUCCEEDED"), page.getList("items.status"), page.prettify());
        Map<String, Object> approval = run(page, approvals);
        Map<String, Object> refund = run(page, refunds);
        assertEquals(2, approval.get("attempts"), "the approval needed a retry");
        assertEquals(1, refund.get("attempts"));
        Instant approvalDone = Instant.parse((String) approval.get("finishedAt"));
        JsonPath refundDetail = given().auth().oauth2(w.token()).when().get(w.path("/runs/" + refund.get("id"))).then().statusCode(200)
                .extract().jsonPath();
        assertTrue(!Instant.parse(refundDetail.getString("attempts[0].startedAt")).isBefore(approvalDone),
                "the refund ran only after the approval succeeded");
        JsonPath kommo = w.kommo().state();
        assertEquals(1, kommo.getList("leads").size(), "the refund updated the approval's lead: " + kommo.prettify());
    }

    @Test
    void runsOfARevokedConnectionWaitAndFinishAfterTheTenantReconnects() {
        Workspace w = workspace("Carla");
        activate(w, "purchase_approved_to_kommo_lead");
        w.kommo().revoke();
        store.markNeedsReconnect(UUID.fromString(w.id()), w.kommo().connectionId(), "Kommo recusou o token");

        deliver(w, fixture("PURCHASE_APPROVED.json"));
        JsonPath parked = awaitRuns(w, "", page -> page.getList("items.status").equals(List.of("PARKED")));
        assertTrue(parked.getString("items[0].error").contains("reconect"), parked.prettify());

        SimulatedKommo again = SimulatedKommo.reconnect(connectors, clients, store, UUID.fromString(w.id()), w.kommo());
        JsonPath done = awaitRuns(w, "", settled(1));
        assertEquals("SUCCEEDED", done.getString("items[0].status"), done.prettify());
        assertEquals(1, again.state().getList("leads").size());
    }

    @Test
    void aFailedRunIsReplayedWithTheAutomationsCurrentVersion() {
        Workspace w = workspace("Dora");
        String automation = activate(w, "purchase_approved_to_kommo_lead");
        // every lead creation is refused as invalid (400): a permanent failure, not retried
        SimulatedKommo.fault("POST", "/api/v4/leads.*", 400, 1);
        deliver(w, fixture("PURCHASE_APPROVED.json"));
        JsonPath failed = awaitRuns(w, "", settled(1));
        assertEquals("FAILED", failed.getString("items[0].status"), failed.prettify());

        given().auth().oauth2(w.token()).when().post(w.path("/automations/" + automation + "/runs/replay-failed")).then()
                .statusCode(200).body("queued", equalTo(1));
        JsonPath replayed = awaitRuns(w, "&status=SUCCEEDED", page -> page.getList("items").size() == 1);
        assertEquals(failed.getString("items[0].id"), replayed.getString("items[0].id"), "the same run, executed again");
        assertEquals(1, w.kommo().state().getList("leads").size());
        assertEquals(0, runs(w, "&status=FAILED").getList("items").size());
    }

    @Test
    void anotherWorkspaceSeesNoneOfTheRuns() {
        Workspace w = workspace("Eva");
        activate(w, "purchase_approved_to_kommo_lead");
        deliver(w, fixture("PURCHASE_APPROVED.json"));
        String runId = awaitRuns(w, "", settled(1)).getString("items[0].id");

        Workspace other = workspace("Fabi");
        assertEquals(0, runs(other, "").getList("items").size());
        given().auth().oauth2(other.token()).when().get(other.path("/runs/" + runId)).then().statusCode(404);
        given().auth().oauth2(other.token()).when().get(w.path("/runs")).then().statusCode(404);
        given().auth().oauth2(other.token()).when().post(other.path("/runs/" + runId + "/replay")).then().statusCode(404);
    }

    private static Map<String, Object> run(JsonPath page, String automationId) {
        List<Map<String, Object>> items = page.getList("items");
        return items.stream().filter(i -> automationId.equals(i.get("automationId"))).findFirst().orElseThrow();
    }

    static String fixture(String name) {
        try (InputStream in = RunnerTest.class.getResourceAsStream("/samples/hotmart/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("fixture " + name + " is missing", e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
