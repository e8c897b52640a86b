package app.ponte.server.connection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.server.testing.BrowserSession;
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
