package app.ponte.server.runner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.server.connection.ConnectionStore;
import app.ponte.server.connection.OAuthClients;
import app.ponte.server.connector.ConnectorService;
import app.ponte.server.testing.RunnerWorkspace;
import app.ponte.server.testing.SimulatedKommo;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runner end to end on the real servers: a Hotmart delivery on the ingress, the outbox relayed
 * to the Kafka broker, runs executed against the Kommo simulator, the run history read back.
 */
@QuarkusTest
class RunnerTest {

    @Inject
    ConnectorService connectors;

    @Inject
    OAuthClients clients;

    @Inject
    ConnectionStore store;

    private RunnerWorkspace workspace(String name) {
        return RunnerWorkspace.create(name, connectors, clients, store);
    }

    @AfterEach
    void disarmFaults() {
        given().baseUri(SimulatedKommo.base()).when().delete("/__sim/faults").then().statusCode(200);
    }

    @Test
    void anApprovedSaleBecomesOneKommoLeadAndADuplicateDeliveryRunsNothingAgain() {
        RunnerWorkspace w = workspace("Ana");
        w.activate("purchase_approved_to_kommo_lead");
        String approved = RunnerWorkspace.fixture("PURCHASE_APPROVED.json");

        w.deliver(approved);
        w.deliver(approved);

        JsonPath page = w.awaitRuns("", RunnerWorkspace.settled(1));
        assertEquals("SUCCEEDED", page.getString("items[0].status"), page.prettify());
        String leadId = page.getString("items[0].outputs['lead.id']");
        RunnerWorkspace.sleep(500); // a second run would have been queued by now
        assertEquals(1, w.runs("").getList("items").size(), "the repeated delivery ran nothing");

        JsonPath kommo = w.kommo().state();
        assertEquals(1, kommo.getList("leads").size(), kommo.prettify());
        assertEquals(leadId, kommo.getString("leads[0].id"));
        assertEquals(1, kommo.getList("contacts").size(), "one contact for the buyer");
        assertTrue(kommo.getList("leads[0]._embedded.tags.name").contains("Venda aprovada"), kommo.prettify());

        String runId = page.getString("items[0].id");
        JsonPath detail = given().auth().oauth2(w.token()).when().get(w.path("/runs/" + runId)).then().statusCode(200)
                .body("attempts", hasSize(1)).body("attempts[0].outcome", equalTo("SUCCEEDED"))
                .body("masked", equalTo(false)).extract().jsonPath();
        List<Map<String, Object>> calls = detail.getList("attempts[0].calls");
        assertTrue(calls.stream().anyMatch(c -> "POST".equals(c.get("method")) && String.valueOf(c.get("path")).contains("/leads")),
                "the lead creation is in the attempt's calls: " + calls);
        assertTrue(calls.stream().noneMatch(c -> String.valueOf(c.get("path")).contains("?")), "paths only, no query strings");
        assertEquals("marina.lobo@example.com", detail.getString("event['buyer.email']"));
        assertEquals(leadId, detail.getString("run.outputs['lead.id']"));
    }

    @Test
    void thePreviewAlsoRendersTheLastEventsReallyReceived() {
        RunnerWorkspace w = workspace("Quitéria");
        String automation = w.activate("purchase_approved_to_kommo_lead");
        w.deliver(RunnerWorkspace.asAnotherBuyer(RunnerWorkspace.fixture("PURCHASE_APPROVED.json"), 7)
                .replace("Marina Tavares Lobo", "Quitéria Recebida"));
        w.awaitRuns("", RunnerWorkspace.settled(1));

        JsonPath preview = given().auth().oauth2(w.token()).when().post(w.path("/automations/" + automation + "/preview"))
                .then().statusCode(200).extract().jsonPath();
        String received = "samples.find { it.sample.startsWith('recebido-') }";
        assertEquals("Quitéria Recebida", preview.getString(received + ".inputs.find { it.key == 'lead.name' }.text"),
                preview.prettify());
        String name = preview.getString(received + ".sample");
        given().auth().oauth2(w.token()).when().post(w.path("/automations/" + automation + "/preview?sample=" + name))
                .then().statusCode(200).body("samples.size()", equalTo(1));
    }

    @Test
    void anApprovalIsAppliedBeforeItsRefundEvenWhenItsFirstAttemptFails() {
        RunnerWorkspace w = workspace("Bruna");
        String approvals = w.activate("purchase_approved_to_kommo_lead");
        String refunds = w.activate("purchase_refunded_to_kommo_lead");
        String approved = RunnerWorkspace.fixture("PURCHASE_APPROVED.json");
        String refunded = approved.replace("\"PURCHASE_APPROVED\"", "\"PURCHASE_REFUNDED\"").replace("\"APPROVED\"", "\"REFUNDED\"")
                .replaceFirst("\"id\"\\s*:\\s*\"[^\"]+\"", "\"id\": \"" + UUID.randomUUID() + "\"");
        // the approval's first call to Kommo fails with a 500: its run waits for a retry, and the refund waits behind it
        SimulatedKommo.fault("GET", "/api/v4/(leads|contacts).*", 500, 1);

        w.deliver(approved);
        w.deliver(refunded);

        JsonPath page = w.awaitRuns("", RunnerWorkspace.settled(2));
        assertEquals(List.of("SUCCEEDED", "SUCCEEDED"), page.getList("items.status"), page.prettify());
        Map<String, Object> approval = run(page, approvals);
        Map<String, Object> refund = run(page, refunds);
        assertTrue((Integer) approval.get("attempts") >= 2, "the approval needed a retry");
        Instant approvalDone = Instant.parse((String) approval.get("finishedAt"));
        JsonPath refundDetail = w.run((String) refund.get("id"));
        assertTrue(!Instant.parse(refundDetail.getString("attempts[0].startedAt")).isBefore(approvalDone),
                "the refund ran only after the approval succeeded");
        JsonPath kommo = w.kommo().state();
        assertEquals(1, kommo.getList("leads").size(), "the refund updated the approval's lead: " + kommo.prettify());
    }

    @Test
    void rateLimitsServerErrorsAndTimeoutsAtKommoAreRetriedIntoExactlyOneLeadPerSale() {
        assertEquals("PT2S", System.getProperty("ponte.kommo.request-timeout"), "the platform hands its Kommo settings to the connector");
        RunnerWorkspace w = workspace("Gil");
        w.activate("purchase_approved_to_kommo_lead");
        SimulatedKommo.fault("POST", "/api/v4/leads.*", 429, 1);
        SimulatedKommo.fault("POST", "/api/v4/leads.*", 503, 1);
        // an answer later than the connector's request timeout (2 s in tests)
        given().baseUri(SimulatedKommo.base()).contentType("application/json")
                .body(Map.of("method", "GET", "path_regex", "/api/v4/contacts.*", "status", 504, "times", 1, "delay_ms", 3_000))
                .when().post("/__sim/faults").then().statusCode(200);

        String approved = RunnerWorkspace.fixture("PURCHASE_APPROVED.json");
        for (int n = 1; n <= 3; n++) {
            w.deliver(RunnerWorkspace.asAnotherBuyer(approved, n));
        }

        JsonPath page = w.awaitRuns("", RunnerWorkspace.settled(3));
        assertEquals(List.of("SUCCEEDED", "SUCCEEDED", "SUCCEEDED"), page.getList("items.status"), page.prettify());
        int attempts = page.getList("items.attempts", Integer.class).stream().mapToInt(Integer::intValue).sum();
        assertTrue(attempts >= 6, "429, timeout and 503 each cost a retry: " + page.prettify());
        List<String> errors = page.getList("items.id", String.class).stream()
                .flatMap(id -> w.run(id).getList("attempts.error", String.class).stream()).filter(e -> e != null).toList();
        assertTrue(errors.stream().anyMatch(e -> e.contains("a tempo")), "a timed-out call is retried: " + errors);
        assertTrue(errors.stream().anyMatch(e -> e.contains("429")), errors.toString());
        JsonPath kommo = w.kommo().state();
        assertEquals(3, kommo.getList("leads").size(), "one lead per sale, none twice: " + kommo.prettify());
        assertEquals(3, kommo.getList("contacts").size(), kommo.prettify());
    }

    @Test
    void runsOfARevokedConnectionWaitAndFinishAfterTheTenantReconnects() {
        RunnerWorkspace w = workspace("Carla");
        w.activate("purchase_approved_to_kommo_lead");
        // the account's admin disables the integration: the access token is refused, and so is its refresh
        w.kommo().revoke();

        w.deliver(RunnerWorkspace.fixture("PURCHASE_APPROVED.json"));
        JsonPath parked = w.awaitRuns("", page -> page.getList("items.status").equals(List.of("PARKED")));
        assertTrue(parked.getString("items[0].error").contains("reconect"), parked.prettify());

        SimulatedKommo again = SimulatedKommo.reconnect(connectors, clients, store, w.uuid(), w.kommo());
        JsonPath done = w.awaitRuns("", RunnerWorkspace.settled(1));
        assertEquals("SUCCEEDED", done.getString("items[0].status"), done.prettify());
        assertEquals(1, again.state().getList("leads").size());
    }

    @Test
    void aFailedRunIsReplayedWithTheAutomationsCurrentVersion() {
        RunnerWorkspace w = workspace("Dora");
        String automation = w.activate("purchase_approved_to_kommo_lead");
        // the lead creation is refused as invalid (400): a permanent failure, not retried
        SimulatedKommo.fault("POST", "/api/v4/leads.*", 400, 1);
        w.deliver(RunnerWorkspace.fixture("PURCHASE_APPROVED.json"));
        JsonPath failed = w.awaitRuns("", RunnerWorkspace.settled(1));
        assertEquals("FAILED", failed.getString("items[0].status"), failed.prettify());

        given().auth().oauth2(w.token()).when().post(w.path("/automations/" + automation + "/runs/replay-failed")).then()
                .statusCode(200).body("queued", equalTo(1));
        JsonPath replayed = w.awaitRuns("&status=SUCCEEDED", page -> page.getList("items").size() == 1);
        assertEquals(failed.getString("items[0].id"), replayed.getString("items[0].id"), "the same run, executed again");
        assertEquals(1, w.kommo().state().getList("leads").size());
        assertEquals(0, w.runs("&status=FAILED").getList("items").size());
        assertEquals(2, w.run(failed.getString("items[0].id")).getList("attempts").size(), "both executions are in its history");
    }

    @Test
    void anotherWorkspaceSeesNoneOfTheRuns() {
        RunnerWorkspace w = workspace("Eva");
        w.activate("purchase_approved_to_kommo_lead");
        w.deliver(RunnerWorkspace.fixture("PURCHASE_APPROVED.json"));
        String runId = w.awaitRuns("", RunnerWorkspace.settled(1)).getString("items[0].id");

        RunnerWorkspace other = workspace("Fabi");
        assertEquals(0, other.runs("").getList("items").size());
        given().auth().oauth2(other.token()).when().get(other.path("/runs/" + runId)).then().statusCode(404);
        given().auth().oauth2(other.token()).when().get(w.path("/runs")).then().statusCode(404);
        given().auth().oauth2(other.token()).when().post(other.path("/runs/" + runId + "/replay")).then().statusCode(404);
    }

    @Test
    void runOnceNowExecutesADraftOnASampleEventForRealAndOnlyThatAutomation() {
        RunnerWorkspace w = workspace("Nina");
        String other = w.activate("purchase_approved_to_kommo_lead");
        String draft = given().auth().oauth2(w.token()).contentType("application/json")
                .body("{\"templateKey\":\"purchase_approved_to_kommo_lead\",\"trigger\":{\"connectionId\":\"" + w.hotmart() + "\"},"
                        + "\"action\":{\"connectionId\":\"" + w.kommo().connectionId() + "\"}}")
                .when().post(w.path("/automations")).then().statusCode(201).extract().path("id");

        String runId = given().auth().oauth2(w.token()).contentType("application/json").body("{}")
                .when().post(w.path("/automations/" + draft + "/run-once")).then().statusCode(202)
                .body("automationId", equalTo(draft)).extract().path("id");

        JsonPath page = w.awaitRuns("&automationId=" + draft, RunnerWorkspace.settled(1));
        assertEquals(runId, page.getString("items[0].id"));
        assertEquals("SUCCEEDED", page.getString("items[0].status"), page.prettify());
        assertEquals(1, w.kommo().state().getList("leads").size(), "the sample became a real lead");
        assertEquals(0, w.runs("&automationId=" + other).getList("items").size(), "the active automation did not see the sample");
        given().auth().oauth2(w.token()).contentType("application/json").body("{\"sample\":\"nao-existe\"}")
                .when().post(w.path("/automations/" + draft + "/run-once")).then().statusCode(400);
    }

    @Test
    void metricsCountRunsAttemptsAndVendorCallsWithoutNamingTenantsOrAccounts() {
        RunnerWorkspace w = workspace("Olga");
        w.activate("purchase_approved_to_kommo_lead");
        w.deliver(RunnerWorkspace.fixture("PURCHASE_APPROVED.json"));
        w.awaitRuns("", RunnerWorkspace.settled(1));

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("ponte_runs_finished_total{status=\"SUCCEEDED\"}"), "runs by status");
        assertTrue(metrics.contains("ponte_run_attempts_total{outcome=\"SUCCEEDED\"}"), "attempts by outcome");
        assertTrue(metrics.contains("ponte_connector_calls_total{connector=\"kommo\",status=\"2xx\"}"), "Kommo calls");
        assertTrue(metrics.contains("ponte_rate_limiter_wait_seconds_count{connector=\"kommo\"}"), "limiter waits");
        assertTrue(metrics.contains("ponte_runs_open{status=\"PARKED\"}"), "parked runs");
        assertTrue(metrics.contains("ponte_outbox_unrelayed"), "the outbox");
        assertTrue(!metrics.contains(w.id()) && !metrics.contains(w.kommo().subdomain()), "no tenant or account in any label");
    }

    private static Map<String, Object> run(JsonPath page, String automationId) {
        List<Map<String, Object>> items = page.getList("items");
        return items.stream().filter(i -> automationId.equals(i.get("automationId"))).findFirst().orElseThrow();
    }
}
