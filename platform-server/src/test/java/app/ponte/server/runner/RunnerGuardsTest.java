package app.ponte.server.runner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.server.connection.ConnectionStore;
import app.ponte.server.connection.OAuthClients;
import app.ponte.server.connector.ConnectorService;
import app.ponte.server.testing.RunnerWorkspace;
import app.ponte.server.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The runner's guards and bookkeeping: the loop guard, plans and usage, retention, LGPD requests. */
@QuarkusTest
class RunnerGuardsTest {

    @Inject
    ConnectorService connectors;

    @Inject
    OAuthClients clients;

    @Inject
    ConnectionStore store;

    @Inject
    RunStore runs;

    @Inject
    RetentionJob retention;

    @Inject
    EntityManager em;

    private RunnerWorkspace workspace(String name) {
        return RunnerWorkspace.create(name, connectors, clients, store);
    }

    @Test
    void moreRunsForOnePersonWithinAMinuteThanTheCapStopWithAClearError() {
        RunnerWorkspace w = workspace("Hana");
        w.activate("purchase_approved_to_kommo_lead");
        String approved = RunnerWorkspace.fixture("PURCHASE_APPROVED.json");
        int cap = 30; // ponte.runner.subject-runs-per-minute
        for (int n = 0; n < cap + 2; n++) {
            // the same buyer, each time a new event (as a cycle of automations would produce)
            w.deliver(approved.replaceFirst("\"id\"\\s*:\\s*\"[^\"]+\"", "\"id\": \"" + UUID.randomUUID() + "\""));
        }
        JsonPath page = w.awaitRuns("", RunnerWorkspace.settled(cap + 2));
        List<String> statuses = page.getList("items.status", String.class);
        assertEquals(cap, statuses.stream().filter("SUCCEEDED"::equals).count(), page.prettify());
        assertEquals(2, statuses.stream().filter("FAILED"::equals).count());
        assertTrue(w.runs("&status=FAILED").getString("items[0].error").contains("ciclo"), "the error names the likely cycle");
    }

    @Test
    void anEventAboutWhatPonteItselfJustWroteIsRecognised() {
        RunnerWorkspace w = workspace("Iara");
        UUID connection = w.kommo().connectionId();
        runs.recordOwnWrites(w.uuid(), connection, Map.of("lead.id", "4242"));

        assertTrue(runs.wroteRecently(w.uuid(), connection, Map.of("lead.id", "4242", "lead.pipeline_id", "7"), Duration.ofMinutes(2)));
        assertFalse(runs.wroteRecently(w.uuid(), connection, Map.of("lead.id", "4343"), Duration.ofMinutes(2)), "another lead");
        assertFalse(runs.wroteRecently(w.uuid(), w.hotmart(), Map.of("lead.id", "4242"), Duration.ofMinutes(2)), "another connection");
        RunnerWorkspace.sleep(20);
        assertFalse(runs.wroteRecently(w.uuid(), connection, Map.of("lead.id", "4242"), Duration.ofMillis(10)), "too long ago");
    }

    @Test
    void runsBeyondThePlansMonthlyLimitAreHeldAndReleasedWhenThePlanChanges() {
        RunnerWorkspace w = workspace("Julia");
        w.activate("purchase_approved_to_kommo_lead");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE tenant SET plan = 'tiny' WHERE id = ?1")
                .setParameter(1, w.uuid()).executeUpdate());
        String approved = RunnerWorkspace.fixture("PURCHASE_APPROVED.json");
        w.deliver(RunnerWorkspace.asAnotherBuyer(approved, 1));
        w.deliver(RunnerWorkspace.asAnotherBuyer(approved, 2));

        JsonPath held = w.awaitRuns("", page -> page.getList("items.status", String.class).containsAll(List.of("SUCCEEDED", "RETRYING")));
        assertTrue(held.getString("items.find { it.status == 'RETRYING' }.error").startsWith("Limite mensal do plano"), held.prettify());
        given().auth().oauth2(w.token()).when().get(w.path("/usage")).then().statusCode(200)
                .body("plan", equalTo("tiny")).body("monthlyRunLimit", equalTo(1)).body("heldRuns", equalTo(1))
                .body("months[0].runsExecuted", equalTo(1))
                .body("months[0].eventsReceived", equalTo(4)); // each approval is also a "Venda criada" event

        given().auth().oauth2(w.token()).contentType("application/json").body("{\"plan\":\"pro\"}")
                .when().put("/api/v1/admin/workspaces/" + w.id() + "/plan").then().statusCode(403);
        String operator = Tokens.operator(UUID.randomUUID().toString(), "ops@ponte.app", "Operação");
        given().auth().oauth2(operator).contentType("application/json").body("{\"plan\":\"platina\"}")
                .when().put("/api/v1/admin/workspaces/" + w.id() + "/plan").then().statusCode(400);
        given().auth().oauth2(operator).contentType("application/json").body("{\"plan\":\"pro\"}")
                .when().put("/api/v1/admin/workspaces/" + w.id() + "/plan").then().statusCode(200).body("monthlyRunLimit", equalTo(10000));

        JsonPath released = w.awaitRuns("", RunnerWorkspace.settled(2));
        assertEquals(List.of("SUCCEEDED", "SUCCEEDED"), released.getList("items.status"), released.prettify());
        assertEquals(2, w.kommo().state().getList("leads").size());
    }

    @Test
    void theRetentionPurgeRemovesOldEventsWithTheirRunsButNotNewerOnes() {
        RunnerWorkspace w = workspace("Kira");
        w.activate("purchase_approved_to_kommo_lead");
        w.deliver(RunnerWorkspace.fixture("PURCHASE_APPROVED.json"));
        String runId = w.awaitRuns("", RunnerWorkspace.settled(1)).getString("items[0].id");

        RetentionJob.Purged nothing = retention.purge(Instant.now().minus(Duration.ofDays(90)));
        assertEquals(1, w.runs("").getList("items").size(), "a new run stays: " + nothing);

        retention.purge(Instant.now().plusSeconds(60));
        assertEquals(0, w.runs("").getList("items").size());
        given().auth().oauth2(w.token()).when().get(w.path("/runs/" + runId)).then().statusCode(404);
    }

    @Test
    void anAdminExportsAndErasesEverythingAboutOneEmailAddressAndTheAuditLogSaysSo() {
        RunnerWorkspace w = workspace("Lia");
        w.activate("purchase_approved_to_kommo_lead");
        String approved = RunnerWorkspace.fixture("PURCHASE_APPROVED.json");
        w.deliver(approved);
        w.deliver(RunnerWorkspace.asAnotherBuyer(approved, 9));
        w.awaitRuns("", RunnerWorkspace.settled(2));

        JsonPath export = given().auth().oauth2(w.token()).contentType("application/json").body("{\"email\":\"  Marina.Lobo@Example.com \"}")
                .when().post(w.path("/personal-data/export")).then().statusCode(200).extract().jsonPath();
        // the delivery is a "Venda aprovada" and a "Venda criada" event; only the first has an automation here
        assertEquals(Set.of("purchase_approved", "purchase_created"), Set.copyOf(export.getList("events.trigger", String.class)),
                export.prettify());
        String approval = "events.find { it.trigger == 'purchase_approved' }";
        assertEquals("marina.lobo@example.com", export.getString(approval + ".fields['buyer.email']"));
        assertEquals("52814736019", export.getString(approval + ".fields['buyer.document']"), "the export is in full");
        assertEquals("SUCCEEDED", export.getString(approval + ".runs[0].status"));

        given().auth().oauth2(w.token()).contentType("application/json").body("{\"email\":\"não é e-mail\"}")
                .when().post(w.path("/personal-data/erase")).then().statusCode(400);
        given().auth().oauth2(w.token()).contentType("application/json").body("{\"email\":\"marina.lobo@example.com\"}")
                .when().post(w.path("/personal-data/erase")).then().statusCode(200).body("events", equalTo(2)).body("runs", equalTo(1));

        assertEquals(1, w.runs("").getList("items").size(), "the other buyer's run stays");
        given().auth().oauth2(w.token()).contentType("application/json").body("{\"email\":\"marina.lobo@example.com\"}")
                .when().post(w.path("/personal-data/export")).then().statusCode(200).body("events.size()", equalTo(0));
        String audit = given().auth().oauth2(w.token()).when().get(w.path("/audit")).then().statusCode(200)
                .body("items.action", hasItem("personal_data.erased")).body("items.action", hasItem("personal_data.exported"))
                .extract().asString();
        assertFalse(audit.toLowerCase().contains("marina"), "the audit log names a reference, not the address");

        RunnerWorkspace stranger = workspace("Mel");
        given().auth().oauth2(stranger.token()).contentType("application/json").body("{\"email\":\"marina.lobo@example.com\"}")
                .when().post(w.path("/personal-data/export")).then().statusCode(404);
    }
}
