package app.ponte.server.automation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.server.connection.ConnectionStore;
import app.ponte.server.connection.OAuthClients;
import app.ponte.server.connector.ConnectorService;
import app.ponte.server.testing.RunnerWorkspace;
import app.ponte.server.testing.SimulatedKommo;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The preview's plan (?plan=true) on the real servers against the Kommo simulator: what "Criar ou
 * atualizar lead" would do for the template's sample sale, before and after the buyer has a lead,
 * with nothing but GETs reaching the simulator while planning.
 */
@QuarkusTest
class PreviewPlanTest {

    private static final String SAMPLE = "PURCHASE_APPROVED.json";

    @Inject
    ConnectorService connectors;

    @Inject
    OAuthClients clients;

    @Inject
    ConnectionStore store;

    @AfterEach
    void disarmFaults() {
        given().baseUri(SimulatedKommo.base()).when().delete("/__sim/faults").then().statusCode(200);
    }

    private static JsonPath preview(RunnerWorkspace w, String automation, String query) {
        return given().auth().oauth2(w.token()).when().post(w.path("/automations/" + automation + "/preview?sample=" + SAMPLE + query))
                .then().statusCode(200).extract().jsonPath();
    }

    private static long lastSeq() {
        List<Integer> seqs = given().baseUri(SimulatedKommo.base()).when().get("/__sim/requests").then().statusCode(200)
                .extract().jsonPath().getList("requests.seq", Integer.class);
        return seqs.isEmpty() ? 0 : seqs.get(seqs.size() - 1);
    }

    /** The methods of the requests made for this account's API since {@code since}. */
    private static List<String> methods(RunnerWorkspace w, long since) {
        List<Map<String, Object>> requests = given().baseUri(SimulatedKommo.base()).when().get("/__sim/requests?since=" + since)
                .then().statusCode(200).extract().jsonPath().getList("requests");
        List<String> out = new ArrayList<>();
        for (Map<String, Object> r : requests) {
            if (w.kommo().subdomain().equals(r.get("account")) && !String.valueOf(r.get("path")).startsWith("/__sim")) {
                out.add(r.get("method") + " " + r.get("path"));
            }
        }
        return out;
    }

    private static void assertOnlyReads(List<String> requests) {
        assertTrue(!requests.isEmpty() && requests.stream().allMatch(r -> r.startsWith("GET ")), "planning sent " + requests);
    }

    @Test
    void showsTheNewLeadForAFirstSaleAndTheUpdateOfThatLeadOnceTheSaleHasRunWritingNothing() {
        RunnerWorkspace w = RunnerWorkspace.create("Plano", connectors, clients, store);
        String automation = w.activate("purchase_approved_to_kommo_lead");
        assertNull(preview(w, automation, "").get("samples[0].plan"), "no plan unless asked for");

        long since = lastSeq();
        JsonPath before = preview(w, automation, "&plan=true");

        assertEquals("PLANNED", before.getString("samples[0].plan.status"), before.prettify());
        assertEquals(List.of("LOOKUP", "LOOKUP", "WRITE"), before.getList("samples[0].plan.steps.kind"), before.prettify());
        assertEquals("Procurar contato pelo e-mail marina.lobo@example.com → nenhum encontrado", before.getString("samples[0].plan.steps[0].text"));
        String create = before.getString("samples[0].plan.steps[2].text");
        assertTrue(create.startsWith("Criar o lead 'Marina Tavares Lobo' no funil "), create);
        assertTrue(create.contains("valor R$ 536,76 (R$ 537,00 na Kommo), tags Hotmart, Venda aprovada, com o novo contato "
                + "'Marina Tavares Lobo' (e-mail marina.lobo@example.com, telefone +5521987651234)"), create);
        assertTrue(before.getString("samples[0].plan.steps[2].en").startsWith("Create lead 'Marina Tavares Lobo' in pipeline "));
        assertOnlyReads(methods(w, since));
        assertEquals(0, w.kommo().state().getList("leads").size(), "the plan created nothing");
        assertEquals(0, w.kommo().state().getList("contacts").size(), "the plan created nothing");

        w.deliver(RunnerWorkspace.fixture(SAMPLE));
        JsonPath runs = w.awaitRuns("", RunnerWorkspace.settled(1));
        assertEquals("SUCCEEDED", runs.getString("items[0].status"), runs.prettify());
        String leadId = runs.getString("items[0].outputs['lead.id']");
        String contactId = runs.getString("items[0].outputs['contact.id']");
        String state = w.kommo().state().prettify();

        since = lastSeq();
        JsonPath after = preview(w, automation, "&plan=true");

        assertEquals("PLANNED", after.getString("samples[0].plan.status"), after.prettify());
        assertEquals(List.of("LOOKUP", "LOOKUP", "WRITE"), after.getList("samples[0].plan.steps.kind"), after.prettify());
        assertEquals("Procurar contato pelo e-mail marina.lobo@example.com → encontrado: contato " + contactId + " (Marina Tavares Lobo)",
                after.getString("samples[0].plan.steps[0].text"));
        assertTrue(after.getString("samples[0].plan.steps[1].text").endsWith("→ encontrado: lead " + leadId + " 'Marina Tavares Lobo'"),
                after.getString("samples[0].plan.steps[1].text"));
        String update = after.getString("samples[0].plan.steps[2].text");
        assertTrue(update.startsWith("Atualizar o lead " + leadId + " (aberto, etapa '"), update);
        assertTrue(update.endsWith("nome 'Marina Tavares Lobo', valor R$ 536,76 (R$ 537,00 na Kommo)"), "no tag to add: " + update);
        assertOnlyReads(methods(w, since));
        assertEquals(state, w.kommo().state().prettify(), "the plan changed nothing in the account");
    }

    @Test
    void aSampleTheFilterStopsGetsNoPlanAndAKommoErrorEndsThePlanAsAStep() {
        RunnerWorkspace w = RunnerWorkspace.create("Filtro", connectors, clients, store);
        String automation = w.activate("purchase_approved_to_kommo_lead");
        Map<String, Object> current = given().auth().oauth2(w.token()).when().get(w.path("/automations/" + automation))
                .then().statusCode(200).extract().jsonPath().getMap("");
        Map<String, Object> update = new java.util.HashMap<>(Map.of("name", current.get("name"), "trigger", current.get("trigger"),
                "action", current.get("action"), "mapping", current.get("mapping"), "filter", Map.of("match", "all", "conditions",
                        List.of(Map.of("field", "purchase.full_price.value", "operator", "greater_than", "value", "1000")))));
        given().auth().oauth2(w.token()).contentType("application/json").body(update).when().put(w.path("/automations/" + automation))
                .then().statusCode(200);
        long since = lastSeq();

        JsonPath filtered = preview(w, automation, "&plan=true");

        assertEquals("SKIPPED", filtered.getString("samples[0].plan.status"), filtered.prettify());
        assertTrue(filtered.getString("samples[0].plan.reason").contains("filtro"), filtered.prettify());
        assertEquals(List.of(), methods(w, since), "nothing asked of Kommo for a sample the filter stops");

        update.remove("filter");
        given().auth().oauth2(w.token()).contentType("application/json").body(update).when().put(w.path("/automations/" + automation))
                .then().statusCode(200);
        SimulatedKommo.fault("GET", "/api/v4/contacts.*", 500, 1);

        JsonPath failed = preview(w, automation, "&plan=true");

        assertEquals("FAILED", failed.getString("samples[0].plan.status"), failed.prettify());
        assertEquals(List.of("ERROR"), failed.getList("samples[0].plan.steps.kind"), failed.prettify());
        assertTrue(failed.getString("samples[0].plan.steps[0].text").contains("500"), failed.prettify());
        assertEquals("PLANNED", preview(w, automation, "&plan=true").getString("samples[0].plan.status"), "the next preview plans again");
    }
}
