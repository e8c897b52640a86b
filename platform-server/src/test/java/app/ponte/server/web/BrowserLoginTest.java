package app.ponte.server.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The browser's authorization code flow end to end against the OIDC test server: redirect to the
 * login page, sign in, come back with a code, exchange it, land on the signed-in page.
 */
@QuarkusTest
class BrowserLoginTest {

    @Test
    void signsInThroughTheCodeFlowAndShowsWhoIsSignedIn() {
        CookieFilter cookies = new CookieFilter();

        Response toLogin = given().filter(cookies).redirects().follow(false).when().get("/app");
        assertEquals(302, toLogin.statusCode());
        URI authorize = URI.create(toLogin.header("Location"));
        assertTrue(authorize.getQuery().contains("client_id=quarkus-app"), authorize.toString());

        // The test server's login form posts to /login with the authorization request's parameters.
        URI login = authorize.resolve("/login?" + authorize.getRawQuery() + "&username=alice&password=alice");
        Response toCallback = given().filter(cookies).redirects().follow(false).when().get(login);
        assertEquals(302, toCallback.statusCode());
        // The test server echoes redirect_uri as it received it, still URL-encoded.
        String location = toCallback.header("Location");
        int query = location.indexOf('?');
        String callback = URLDecoder.decode(location.substring(0, query), StandardCharsets.UTF_8) + location.substring(query);
        assertTrue(callback.startsWith("http://localhost:") && callback.contains("/app?") && callback.contains("code="), callback);

        Response afterCallback = given().filter(cookies).redirects().follow(false).when().get(callback);
        assertEquals(302, afterCallback.statusCode(), "the callback redirects to the page without the code");

        given().filter(cookies).redirects().follow(false).when().get(afterCallback.header("Location"))
                .then().statusCode(200)
                .body(containsString("Olá, alice!"))
                .body(containsString("Espaço de Alice"));

        Response logout = given().filter(cookies).redirects().follow(false).when().get("/logout");
        assertEquals(302, logout.statusCode());
        assertTrue(logout.header("Location").contains("logout"), logout.header("Location"));
        given().filter(cookies).redirects().follow(false).when().get("/app").then().statusCode(302);
    }

    @Test
    void showsThePageInEnglishWhenAsked() {
        CookieFilter cookies = new CookieFilter();
        given().filter(cookies).header("Accept-Language", "en-US,en;q=0.9").when().get("/")
                .then().statusCode(200)
                .body(containsString("Connect your tools without writing code"));
        given().filter(cookies).when().get("/?lang=pt-BR")
                .then().statusCode(200)
                .body(containsString("Integre suas ferramentas sem escrever código"));
    }
}
