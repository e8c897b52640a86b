package app.ponte.server.runner;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.server.connection.ConnectionStore;
import app.ponte.server.connection.OAuthClients;
import app.ponte.server.connector.ConnectorService;
import app.ponte.server.testing.SimulatedKommo;
import app.ponte.server.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance: every Hotmart fixture, posted to a workspace with the ten template automations
 * active, produces exactly the expected runs and the expected Kommo state in the simulator — one
 * lead for the buyer (or subscriber), tagged by every template that applied, one contact with
 * their e-mail; nothing at all for events no template is about.
 */
@QuarkusTest
class TemplateFixturesTest {

    private static final String HOTTOK = "hottok-dos-modelos-" + "m".repeat(16);
    private static final List<String> TEMPLATES = List.of("purchase_expired_to_kommo_lead", "purchase_canceled_to_kommo_lead",
            "cart_abandoned_to_kommo_lead", "purchase_approved_to_kommo_lead", "purchase_created_to_kommo_lead",
            "subscription_created_to_kommo_lead", "subscription_canceled_to_kommo_lead", "purchase_refunded_to_kommo_lead",
            "refund_requested_to_kommo_lead", "purchase_complete_to_kommo_lead");
    /** The tag each template adds besides "Hotmart". */
    private static final Map<String, String> TAGS = Map.of("purchase_expired", "Venda expirada", "purchase_canceled", "Venda cancelada",
            "cart_abandoned", "Carrinho abandonado", "purchase_approved", "Venda aprovada", "purchase_created", "Venda criada",
            "subscription_created", "Assinatura criada", "subscription_canceled", "Assinatura cancelada",
            "purchase_refunded", "Venda reembolsada", "refund_requested", "Pedido de reembolso", "purchase_complete", "Venda completa");

    @Inject
    ConnectorService connectors;

    @Inject
    OAuthClients clients;

    @Inject
    ConnectionStore store;

    static Stream<Arguments> fixtures() {
        return Stream.of(
                // a delivery's runs in the order they must execute: the sale's (and subscription's) beginning first
                Arguments.of("PURCHASE_APPROVED.json", List.of("purchase_created", "purchase_approved"), "marina.lobo@example.com"),
                Arguments.of("PURCHASE_APPROVED.subscription-created.json",
                        List.of("purchase_created", "subscription_created", "purchase_approved"), "renata.figueiredo@example.com"),
                Arguments.of("PURCHASE_COMPLETE.json", Set.of("purchase_complete"), "marina.lobo@example.com"),
                Arguments.of("PURCHASE_CANCELED.json", List.of("purchase_created", "purchase_canceled"), "henrique.moura@example.org"),
                Arguments.of("PURCHASE_REFUNDED.json", Set.of("purchase_refunded"), "beatriz.cardoso@example.com"),
                Arguments.of("PURCHASE_PROTEST.json", Set.of("refund_requested"), "otavio.lima@example.net"),
                Arguments.of("PURCHASE_EXPIRED.json", Set.of("purchase_expired"), "caio.albuquerque@example.org"),
                Arguments.of("PURCHASE_BILLET_PRINTED.json", Set.of("purchase_created"), "sergio.vidal@example.net"),
                Arguments.of("PURCHASE_OUT_OF_SHOPPING_CART.json", Set.of("cart_abandoned"), "gustavo.barreto@example.net"),
                Arguments.of("SUBSCRIPTION_CANCELLATION.json", Set.of("subscription_canceled"), "fernanda.reis@example.com"),
                // events no template is about: accepted or ignored at the door, no run, nothing at Kommo
                Arguments.of("PURCHASE_CHARGEBACK.json", Set.of(), null),
                Arguments.of("PURCHASE_DELAYED.json", Set.of(), null),
                Arguments.of("SWITCH_PLAN.json", Set.of(), null),
                Arguments.of("UPDATE_SUBSCRIPTION_CHARGE_DATE.json", Set.of(), null),
                Arguments.of("CLUB_FIRST_ACCESS.json", Set.of(), null),
                Arguments.of("CLUB_MODULE_COMPLETED.json", Set.of(), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void theFixtureProducesTheExpectedKommoState(String fixture, Collection<String> triggers, String email) {
        String token = Tokens.bearer(UUID.randomUUID().toString(), "modelos@example.com", "Modelos");
        String workspace = given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(200).extract().path("workspaces[0].id");
        JsonPath hotmart = given().auth().oauth2(token).contentType("application/json").body("{\"hottok\":\"" + HOTTOK + "\"}")
                .when().post("/api/v1/workspaces/" + workspace + "/connections/hotmart").then().statusCode(201).extract().jsonPath();
        SimulatedKommo kommo = SimulatedKommo.connect(connectors, clients, store, UUID.fromString(workspace));
        for (String template : TEMPLATES) {
            String id = given().auth().oauth2(token).contentType("application/json")
                    .body("{\"templateKey\":\"" + template + "\",\"trigger\":{\"connectionId\":\"" + hotmart.getString("connection.id")
                            + "\"},\"action\":{\"connectionId\":\"" + kommo.connectionId() + "\"}}")
                    .when().post("/api/v1/workspaces/" + workspace + "/automations").then().statusCode(201).extract().path("id");
            given().auth().oauth2(token).when().post("/api/v1/workspaces/" + workspace + "/automations/" + id + "/activate")
                    .then().statusCode(200);
        }

        given().header("X-HOTMART-HOTTOK", HOTTOK).contentType("application/json").body(app.ponte.server.testing.RunnerWorkspace.fixture(fixture))
                .when().post(URI.create(hotmart.getString("webhookUrl")).getPath()).then().statusCode(200);

        JsonPath runs = settle(token, workspace, triggers.size());
        Set<String> ran = new TreeSet<>(runs.getList("items.triggerKey", String.class));
        assertEquals(new TreeSet<>(triggers), ran, runs.prettify());
        assertTrue(runs.getList("items.status", String.class).stream().allMatch("SUCCEEDED"::equals), runs.prettify());
        if (triggers instanceof List<String> order) {
            List<Map<String, Object>> items = runs.getList("items");
            assertEquals(order, items.stream().sorted(Comparator.comparing(run -> Instant.parse((String) run.get("finishedAt"))))
                    .map(run -> (String) run.get("triggerKey")).toList(), "executed in the order the events happened: " + runs.prettify());
        }

        JsonPath state = kommo.state();
        if (triggers.isEmpty()) {
            assertEquals(0, state.getList("leads").size(), state.prettify());
            return;
        }
        assertEquals(1, state.getList("leads").size(), "one lead for the person: " + state.prettify());
        Set<String> tags = new TreeSet<>(state.getList("leads[0]._embedded.tags.name", String.class));
        Set<String> expected = triggers.stream().map(TAGS::get).collect(Collectors.toCollection(TreeSet::new));
        expected.add("Hotmart");
        assertEquals(expected, tags, state.prettify());
        assertEquals(1, state.getList("contacts").size(), "one contact: " + state.prettify());
        assertTrue(state.getString("contacts[0]").contains(email), "the contact holds the e-mail: " + state.getString("contacts[0]"));
        Set<String> leadIds = new TreeSet<>(runs.getList("items.outputs['lead.id']", String.class));
        assertEquals(Set.of(state.getString("leads[0].id")), leadIds, "every run reports the one lead");
    }

    private static JsonPath settle(String token, String workspace, int expected) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        // with no run expected, give the relay and the consumer time to (wrongly) queue one
        Instant quiet = Instant.now().plus(Duration.ofMillis(expected == 0 ? 1500 : 0));
        while (true) {
            JsonPath page = given().auth().oauth2(token).when().get("/api/v1/workspaces/" + workspace + "/runs?size=100")
                    .then().statusCode(200).extract().jsonPath();
            List<String> statuses = page.getList("items.status", String.class);
            boolean done = statuses.size() >= expected && statuses.stream().allMatch(s -> List.of("SUCCEEDED", "FILTERED", "FAILED").contains(s));
            if (done && Instant.now().isAfter(quiet)) {
                return page;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("runs did not settle: " + page.prettify());
            }
            app.ponte.server.testing.RunnerWorkspace.sleep(100);
        }
    }
}
