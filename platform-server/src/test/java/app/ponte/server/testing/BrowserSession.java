package app.ponte.server.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import java.net.URI;

/** A browser signed in through the OIDC test server's code flow: its cookies carry the session. */
public final class BrowserSession {

    private BrowserSession() {
    }

    /** Signs in as the test server's user (alice) and returns the browser's cookies. */
    public static CookieFilter signIn() {
        CookieFilter cookies = signIn("alice", "/app");
        given().filter(cookies).redirects().follow(false).when().get("/app").then().statusCode(200);
        return cookies;
    }

    /**
     * Opens {@code path}, signs in as {@code username} on the test server's login page (alice, or a
     * user taught to the server such as {@link OidcOperator}), and comes back to the app: the
     * returned cookies carry the session, whatever {@code path} answers to this user.
     */
    public static CookieFilter signIn(String username, String path) {
        CookieFilter cookies = new CookieFilter();
        Response toLogin = given().filter(cookies).redirects().follow(false).when().get(path);
        assertEquals(302, toLogin.statusCode());
        String callback = OidcUsers.callbackAfterSignIn(toLogin.header("Location"), username);
        Response afterCallback = given().filter(cookies).redirects().follow(false).when().get(callback);
        assertEquals(302, afterCallback.statusCode(), "the callback redirects to the page without the code");
        URI landing = URI.create(afterCallback.header("Location"));
        assertEquals(path.split("\\?")[0], landing.getPath());
        return cookies;
    }
}
