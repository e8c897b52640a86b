package app.ponte.server.connection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.api.action.ActionInput;
import app.ponte.api.action.ActionResult;
import app.ponte.api.action.RunReference;
import app.ponte.api.context.ConnectionContext;
import app.ponte.api.field.FieldValues;
import app.ponte.api.field.Value;
import app.ponte.server.connector.ConnectorService;
import app.ponte.server.testing.BrowserSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.UUID;
import app.ponte.server.testing.KommoSimulatorResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * "Conectar Kommo" end to end against the Kommo simulator: consent, callback with state and
 * referer checks, code exchange, account read, encrypted connection in the user's workspace.
 */
@QuarkusTest
class KommoConnectFlowTest {

    private static final String SIM = KommoSimulatorResource.baseUrl();

    @AfterEach
    void restoreTheDemoAccountsHost() {
        given().baseUri(SIM).contentType("application/json").body("{\"host\":\"ponte-demo.kommo.com\"}")
                .put("/__sim/accounts/ponte-demo").then().statusCode(200);
    }

    @Test
    void connectsTheKommoAccountAndShowsItConnected() {
        CookieFilter browser = BrowserSession.signIn();

        URI callback = consentAndComeBack(browser, "");
        Response done = given().filter(browser).redirects().follow(false).when().get(pathAndQuery(callback));

        assertEquals(303, done.statusCode(), done.body().asString());
        assertTrue(done.header("Location").contains("/app?connected="), done.header("Location"));
        given().filter(browser).when().get("/app").then().statusCode(200)
                .body(containsString("Kommo — "))
                .body(containsString("data-status=\"OK\""));
    }

    @Inject
    ConnectionContexts contexts;

    @Inject
    ConnectorService connectors;

    @Inject
    EntityManager em;

    @Test
    void createsALeadInTheConnectedAccountWithTheStoredCredentials() {
        CookieFilter browser = BrowserSession.signIn();
        String location = given().filter(browser).redirects().follow(false).when()
                .get(pathAndQuery(consentAndComeBack(browser, ""))).then().statusCode(303).extract().header("Location");
        UUID connectionId = UUID.fromString(location.substring(location.indexOf("connected=") + "connected=".length()));
        UUID tenantId = QuarkusTransaction.requiringNew().call(() -> (UUID) em
                .createNativeQuery("SELECT tenant_id FROM connection WHERE id = ?1").setParameter(1, connectionId).getSingleResult());
        ConnectionContext connection = contexts.forConnection(tenantId, connectionId).orElseThrow();
        String leadName = "Curso de violão — Ana " + UUID.randomUUID();
        ActionInput input = new ActionInput(FieldValues.builder()
                .put("lead.name", Value.text(leadName))
                .put("lead.price", Value.money(new BigDecimal("497.50"), "BRL"))
                .put("contact.match", Value.text("email"))
                .put("company.mode", Value.text("none"))
                .put("contact.name", Value.text("Ana Souza"))
                .put("contact.email", Value.text("ana." + UUID.randomUUID() + "@example.com"))
                .build());

        ActionResult result = connectors.descriptor("kommo").orElseThrow().action("create_or_update_lead").orElseThrow()
                .executor().execute(input, connection, new RunReference(UUID.randomUUID(), 1));

        ActionResult.Success success = assertInstanceOf(ActionResult.Success.class, result, String.valueOf(result));
        assertEquals("498", success.outputs().get("lead.price").text(), "Kommo prices are integers, rounded half-up");
        String state = given().baseUri(SIM).when().get("/__sim/accounts/ponte-demo/state").then().statusCode(200).extract().asString();
        assertTrue(state.contains(leadName), "the lead is in the simulator's account");
    }

    @Inject
    ConnectionStore store;

    @Test
    void disconnectErasesTheCredentialsAndNeedsTheFormsCsrfToken() {
        CookieFilter browser = BrowserSession.signIn();
        String location = given().filter(browser).redirects().follow(false).when()
                .get(pathAndQuery(consentAndComeBack(browser, ""))).then().statusCode(303).extract().header("Location");
        UUID connectionId = UUID.fromString(location.substring(location.indexOf("connected=") + "connected=".length()));
        String page = given().filter(browser).when().get("/app").then().statusCode(200).extract().asString();
        java.util.regex.Matcher token = java.util.regex.Pattern
                .compile("action=\"/app/connections/" + connectionId + "/disconnect\">\\s*<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\"")
                .matcher(page);
        assertTrue(token.find(), page);

        given().filter(browser).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .when().post("/app/connections/" + connectionId + "/disconnect").then().statusCode(403);
        given().filter(browser).redirects().follow(false).formParam("csrf", "forjado")
                .when().post("/app/connections/" + connectionId + "/disconnect").then().statusCode(403);

        given().filter(browser).redirects().follow(false).formParam(token.group(1), token.group(2))
                .when().post("/app/connections/" + connectionId + "/disconnect").then().statusCode(303);

        UUID tenantId = QuarkusTransaction.requiringNew().call(() -> (UUID) em
                .createNativeQuery("SELECT tenant_id FROM connection WHERE id = ?1").setParameter(1, connectionId).getSingleResult());
        assertEquals(ConnectionStatus.DISCONNECTED, store.find(tenantId, connectionId).orElseThrow().status());
        assertTrue(store.credentials(tenantId, connectionId).orElseThrow().secret("access_token").isEmpty());
        given().filter(browser).when().get("/app").then().statusCode(200)
                .body(containsString("data-connection=\"" + connectionId + "\" data-status=\"DISCONNECTED\""));
    }

    @Test
    void refusesAStateThatWasAlreadyUsed() {
        CookieFilter browser = BrowserSession.signIn();
        URI callback = consentAndComeBack(browser, "");
        given().filter(browser).redirects().follow(false).when().get(pathAndQuery(callback)).then().statusCode(303);

        given().filter(browser).redirects().follow(false).when().get(pathAndQuery(callback))
                .then().statusCode(400).body(containsString("não é válido"));
    }

    @Test
    void refusesAForgedState() {
        CookieFilter browser = BrowserSession.signIn();
        URI callback = consentAndComeBack(browser, "");
        String forged = pathAndQuery(callback).replaceAll("state=[^&]+", "state=forjado");

        given().filter(browser).redirects().follow(false).when().get(forged).then().statusCode(400);
    }

    @Test
    void refusesACallbackInAnotherBrowser() {
        CookieFilter first = BrowserSession.signIn();
        URI callback = consentAndComeBack(first, "");
        CookieFilter second = BrowserSession.signIn();

        given().filter(second).redirects().follow(false).when().get(pathAndQuery(callback)).then().statusCode(400);
    }

    @Test
    void neverSendsTheClientSecretToAForeignReferer() {
        given().baseUri(SIM).contentType("application/json").body("{\"host\":\"evil.example.net\"}")
                .put("/__sim/accounts/ponte-demo").then().statusCode(200);
        CookieFilter browser = BrowserSession.signIn();
        long before = tokenRequests();

        URI callback = consentAndComeBack(browser, "");
        assertTrue(callback.getQuery().contains("referer=evil.example.net"), callback.toString());
        given().filter(browser).redirects().follow(false).when().get(pathAndQuery(callback))
                .then().statusCode(400).body(containsString("não é da Kommo"));

        assertEquals(before, tokenRequests(), "no code exchange was attempted");
    }

    @Test
    void tellsTheTenantWhenConsentWasDenied() {
        CookieFilter browser = BrowserSession.signIn();
        long before = tokenRequests();

        URI callback = consentAndComeBack(browser, "&sim_decision=deny");
        assertTrue(callback.getQuery().contains("error=access_denied"), callback.toString());
        given().filter(browser).redirects().follow(false).when().get(pathAndQuery(callback))
                .then().statusCode(400).body(containsString("não foi autorizado"));

        assertEquals(before, tokenRequests());
    }

    /** Starts "Conectar Kommo", answers the simulator's consent page, and returns where it sends the browser. */
    private static URI consentAndComeBack(CookieFilter browser, String consentOptions) {
        Response start = given().filter(browser).redirects().follow(false).when().get("/app/connections/kommo/connect");
        assertEquals(303, start.statusCode(), start.body().asString());
        String consent = start.header("Location");
        assertTrue(consent.startsWith(SIM + "/oauth?client_id=" + KommoSimulatorResource.CLIENT_ID), consent);
        Response decision = given().redirects().follow(false).urlEncodingEnabled(false).when().get(consent + consentOptions);
        assertEquals(302, decision.statusCode(), decision.body().asString());
        URI callback = URI.create(decision.header("Location"));
        assertEquals("/oauth/kommo/callback", callback.getPath());
        return callback;
    }

    private static String pathAndQuery(URI uri) {
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static long tokenRequests() {
        JsonPath log = given().baseUri(SIM).when().get("/__sim/requests?since=0").then().statusCode(200).extract().jsonPath();
        List<String> paths = log.getList("path");
        if (paths == null) {
            paths = log.getList("requests.path");
        }
        return paths.stream().filter("/oauth2/access_token"::equals).count();
    }
}
