package app.ponte.server.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** A browser signed in through the OIDC test server's code flow: its cookies carry the session. */
public final class BrowserSession {

    private BrowserSession() {
    }

    /** Signs in as the test server's user and returns the browser's cookies. */
    public static CookieFilter signIn() {
        CookieFilter cookies = new CookieFilter();
        Response toLogin = given().filter(cookies).redirects().follow(false).when().get("/app");
        assertEquals(302, toLogin.statusCode());
        URI authorize = URI.create(toLogin.header("Location"));
        URI login = authorize.resolve("/login?" + authorize.getRawQuery() + "&username=alice&password=alice");
        String location = given().filter(cookies).redirects().follow(false).when().get(login).header("Location");
        int query = location.indexOf('?');
        // The test server echoes redirect_uri as it received it, still URL-encoded.
        String callback = URLDecoder.decode(location.substring(0, query), StandardCharsets.UTF_8) + location.substring(query);
        Response afterCallback = given().filter(cookies).redirects().follow(false).when().get(callback);
        given().filter(cookies).redirects().follow(false).when().get(afterCallback.header("Location")).then().statusCode(200);
        return cookies;
    }
}
