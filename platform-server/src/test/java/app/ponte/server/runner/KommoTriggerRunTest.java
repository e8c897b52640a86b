package app.ponte.server.runner;

import static io.restassured.RestAssured.given;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Kommo-triggered automation end to end: a Kommo webhook on the connection's ingress URL, the
 * trigger's enrichment reading the lead at the simulator, the action writing to the same account —
 * and the loop guard: Kommo's echo of Ponte's own write ("lead added" for the lead Ponte just
 * created in the watched stage) is recognised and runs nothing.
 */
@QuarkusTest
class KommoTriggerRunTest {

    @Inject
    ConnectorService connectors;

    @Inject
    OAuthClients clients;

    @Inject
    ConnectionStore store;

    @Test
    void aLeadReachingTheStageRunsTheAutomationAndPontesOwnWriteDoesNotLoop() {
        RunnerWorkspace w = RunnerWorkspace.create("Paula", connectors, clients, store);
        SimulatedKommo kommo = w.kommo();
        String token = store.credentials(w.uuid(), kommo.connectionId()).orElseThrow().secret("access_token").orElseThrow();
        JsonPath pipelines = given().baseUri(SimulatedKommo.base()).header("Authorization", "Bearer " + token)
                .header("Host", kommo.subdomain() + ".kommo.com")
                .when().get("/api/v4/leads/pipelines").then().statusCode(200).extract().jsonPath();
        long pipeline = pipelines.getLong("_embedded.pipelines[0].id");
        // the first stage after "incoming" (leads cannot be created into "incoming" through the API)
        long incoming = pipelines.getLong("_embedded.pipelines[0]._embedded.statuses[1].id");
        long account = kommo.state().getLong("id");
        JsonPath seeded = given().baseUri(SimulatedKommo.base()).contentType("application/json")
                .body(Map.of("leads", List.of(Map.of("name", "Lead do balcão", "price", 300, "pipeline_id", pipeline,
                        "status_id", incoming))))
                .when().post("/__sim/accounts/" + kommo.subdomain() + "/seed").then().statusCode(200).extract().jsonPath();
        long lead = seeded.getLong("leads[0]");

        String automation = given().auth().oauth2(w.token()).contentType("application/json").body(Map.of(
                        "name", "Leads novos viram leads de acompanhamento",
                        "trigger", Map.of("connector", "kommo", "key", "lead_status_changed", "connectionId", kommo.connectionId()),
                        "action", Map.of("connector", "kommo", "key", "create_or_update_lead", "connectionId", kommo.connectionId()),
                        "triggerSettings", Map.of("pipeline_id", String.valueOf(pipeline), "status_id", String.valueOf(incoming)),
                        "mapping", Map.of("lead.name", "Acompanhar: {{lead.name}}", "lead.price", "{{lead.price}}",
                                "contact.match", "always_create", "contact.name", "{{lead.name}}")))
                .when().post(w.path("/automations")).then().statusCode(201).extract().path("id");
        given().auth().oauth2(w.token()).when().post(w.path("/automations/" + automation + "/activate")).then().statusCode(200);
        String hook = "/hooks/kommo/" + store.webhookToken(w.uuid(), kommo.connectionId()).orElseThrow();

        given().contentType("application/x-www-form-urlencoded").body(added(account, kommo.subdomain(), lead, pipeline, incoming))
                .when().post(hook).then().statusCode(200);
        JsonPath first = w.awaitRuns("", RunnerWorkspace.settled(1));
        assertEquals("SUCCEEDED", first.getString("items[0].status"), first.prettify());
        long created = first.getLong("items[0].outputs['lead.id']");
        JsonPath detail = w.run(first.getString("items[0].id"));
        assertEquals("Acompanhar: Lead do balcão", detail.getString("inputs['lead.name']"),
                "the mapping saw the lead as the enrichment read it at Kommo, not the webhook's short form");

        // Kommo tells every subscriber that a lead was added in the stage: the one Ponte just created
        given().contentType("application/x-www-form-urlencoded").body(added(account, kommo.subdomain(), created, pipeline, incoming))
                .when().post(hook).then().statusCode(200);
        JsonPath second = w.awaitRuns("", RunnerWorkspace.settled(2));
        String echo = second.getString("items.find { it.status != 'SUCCEEDED' }.status");
        assertEquals("FILTERED", echo, second.prettify());
        assertTrue(second.getString("items.find { it.status == 'FILTERED' }.error").contains("própria Ponte"), second.prettify());
        assertEquals(2, kommo.state().getList("leads").size(), "the seeded lead and Ponte's one: no cycle");
    }

    private static String added(long account, String subdomain, long lead, long pipeline, long status) {
        return "account%5Bid%5D=" + account + "&account%5Bsubdomain%5D=" + subdomain
                + "&leads%5Badd%5D%5B0%5D%5Bid%5D=" + lead + "&leads%5Badd%5D%5B0%5D%5Bpipeline_id%5D=" + pipeline
                + "&leads%5Badd%5D%5B0%5D%5Bstatus_id%5D=" + status + "&leads%5Badd%5D%5B0%5D%5Bname%5D=Lead";
    }
}
