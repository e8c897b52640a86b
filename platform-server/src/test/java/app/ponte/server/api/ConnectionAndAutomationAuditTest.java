package app.ponte.server.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.server.audit.AuditEntry;
import app.ponte.server.audit.AuditLog;
import app.ponte.server.connection.ConnectionStore;
import app.ponte.server.connection.OAuthClients;
import app.ponte.server.connector.ConnectorService;
import app.ponte.server.testing.ApiUsers;
import app.ponte.server.testing.ApiUsers.ApiUser;
import app.ponte.server.testing.BrowserSession;
import app.ponte.server.testing.KommoAccounts;
import app.ponte.server.testing.KommoSimulatorResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who created, changed, switched on and off or deleted automations, and who connected, rotated or disconnected connections. */
@QuarkusTest
class ConnectionAndAutomationAuditTest {

    private static final String HOTTOK = "hottok-secreto-do-audit-987";

    @Inject
    ConnectorService connectors;

    @Inject
    OAuthClients clients;

    @Inject
    HttpClient http;

    @Inject
    ConnectionStore store;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Test
    void recordsWhoDidWhatToAutomationsAndConnectionsWithoutSecrets() {
        ApiUser owner = ApiUsers.newUser("Rosa");
        String ws = "/api/v1/workspaces/" + owner.workspaceId();
        var created = owner.call().body("{\"hottok\":\"" + HOTTOK + "\",\"name\":\"Loja\"}")
                .when().post(ws + "/connections/hotmart").then().statusCode(201).extract().jsonPath();
        String hotmart = created.getString("connection.id");
        String firstUrl = created.getString("webhookUrl");
        UUID kommo = KommoAccounts.connect(connectors, clients, http, store, UUID.fromString(owner.workspaceId()),
                KommoAccounts.DEMO);
        String steps = "\"trigger\":{\"connectionId\":\"" + hotmart + "\"},\"action\":{\"connectionId\":\"" + kommo + "\"}";
        String sales = owner.call().body("{\"templateKey\":\"purchase_approved_to_kommo_lead\"," + steps + "}")
                .when().post(ws + "/automations").then().statusCode(201).extract().path("id");
        String refunds = owner.call().body("{\"templateKey\":\"purchase_refunded_to_kommo_lead\"," + steps + "}")
                .when().post(ws + "/automations").then().statusCode(201).extract().path("id");
        Map<String, String> mapping = owner.call().when().get(ws + "/automations/" + sales).then().extract().path("mapping");
        owner.call().body(Map.of("name", "Vendas aprovadas",
                        "trigger", Map.of("connector", "hotmart", "key", "purchase_approved", "connectionId", hotmart),
                        "action", Map.of("connector", "kommo", "key", "create_or_update_lead", "connectionId", kommo.toString()),
                        "mapping", mapping))
                .when().put(ws + "/automations/" + sales).then().statusCode(200).body("version", equalTo(2));
        owner.call().when().post(ws + "/automations/" + sales + "/activate").then().statusCode(200);
        owner.call().when().post(ws + "/automations/" + sales + "/pause").then().statusCode(200);
        owner.call().when().delete(ws + "/automations/" + sales).then().statusCode(204);
        String rotatedUrl = owner.call().when().post(ws + "/connections/" + hotmart + "/webhook/rotate").then().statusCode(200)
                .extract().path("url");
        owner.call().when().post(ws + "/automations/" + refunds + "/activate").then().statusCode(200);
        owner.call().when().delete(ws + "/connections/" + hotmart).then().statusCode(204);

        String body = owner.call().when().get(ws + "/audit").then().statusCode(200)
                .body("items.action", contains("connection.disconnected", "automation.paused", "automation.activated",
                        "connection.webhook_rotated", "automation.deleted", "automation.paused", "automation.activated",
                        "automation.changed", "automation.created", "automation.created", "connection.created"))
                .body("items.actor.userId", everyItem(equalTo(owner.userId())))
                .body("items.actor.name", everyItem(equalTo("Rosa")))
                .body("items[0].target.type", equalTo("connection"))
                .body("items[0].target.id", equalTo(hotmart))
                .body("items[0].detail.connector", equalTo("hotmart"))
                .body("items[0].detail.paused_automations", equalTo(1))
                .body("items[1].target.type", equalTo("automation"))
                .body("items[1].target.id", equalTo(refunds))
                .body("items[1].detail.reason", equalTo("connection_disconnected"))
                .body("items[1].detail.connection_id", equalTo(hotmart))
                .body("items[3].target.id", equalTo(hotmart))
                .body("items[4].target.id", equalTo(sales))
                .body("items[5].target.id", equalTo(sales))
                .body("items[6].target.id", equalTo(sales))
                .body("items[6].detail.version", equalTo(2))
                .body("items[7].target.id", equalTo(sales))
                .body("items[7].detail.name", equalTo("Vendas aprovadas"))
                .body("items[7].detail.version", equalTo(2))
                .body("items[8].target.id", equalTo(refunds))
                .body("items[9].target.id", equalTo(sales))
                .body("items[9].detail.template_key", equalTo("purchase_approved_to_kommo_lead"))
                .body("items[9].detail.trigger", equalTo("hotmart.purchase_approved"))
                .body("items[9].detail.action", equalTo("kommo.create_or_update_lead"))
                .body("items[10].target.type", equalTo("connection"))
                .body("items[10].target.id", equalTo(hotmart))
                .body("items[10].detail.connector", equalTo("hotmart"))
                .extract().asString();

        for (String secret : new String[] {HOTTOK, token(firstUrl), token(rotatedUrl)}) {
            assertFalse(body.contains(secret), "the audit log holds no hottok nor webhook token");
        }
    }

    @Test
    void recordsWhoConnectedAndReconnectedKommoThroughTheBrowser() {
        CookieFilter browser = BrowserSession.signIn();
        UUID first = connectKommo(browser);
        UUID second = connectKommo(browser);
        assertEquals(first, second, "the same Kommo account is reconnected, not added twice");
        UUID workspace = QuarkusTransaction.requiringNew().call(() -> (UUID) em
                .createNativeQuery("SELECT tenant_id FROM connection WHERE id = ?1").setParameter(1, first).getSingleResult());

        List<AuditEntry> entries = audit.list(workspace, 0, 200).items().stream()
                .filter(e -> e.target().type().equals("connection") && e.target().id().equals(first.toString())).toList();

        assertEquals("connection.reconnected", entries.get(0).action());
        assertEquals(1, entries.stream().filter(e -> e.action().equals("connection.created")).count(), String.valueOf(entries));
        for (AuditEntry entry : entries) {
            assertNotNull(entry.actor().userId());
            assertFalse(entry.actor().name().equals("?"));
            assertEquals("kommo", entry.detail().path("connector").asText());
            assertFalse(entry.detail().toString().contains("token"), entry.detail().toString());
        }
    }

    /** "Conectar Kommo" at the simulator's consent page; answers the connection's id. */
    private static UUID connectKommo(CookieFilter browser) {
        String consent = given().filter(browser).redirects().follow(false).when().get("/app/connections/kommo/connect")
                .then().statusCode(303).extract().header("Location");
        Response decision = given().redirects().follow(false).urlEncodingEnabled(false).when().get(consent);
        URI callback = URI.create(decision.header("Location"));
        assertTrue(callback.getPath().endsWith("/oauth/kommo/callback"), callback.toString());
        String location = given().filter(browser).redirects().follow(false).when()
                .get(callback.getRawPath() + "?" + callback.getRawQuery()).then().statusCode(303).extract().header("Location");
        return UUID.fromString(location.substring(location.indexOf("connected=") + "connected=".length()));
    }

    private static String token(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    static {
        KommoSimulatorResource.baseUrl();
    }
}
