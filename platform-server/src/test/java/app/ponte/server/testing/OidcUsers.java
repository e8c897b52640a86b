package app.ponte.server.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * New people for the browser's code flow: each {@link #register}ed user is one the OIDC test
 * server signs in on its login page (it knows only "alice" by itself), with their own subject,
 * e-mail and name, so their first sign-in creates their own workspace as a real sign-up does.
 */
public final class OidcUsers {

    private static final String ISSUER = "https://server.example.com";
    private static final String CLIENT_ID = "quarkus-app";

    private OidcUsers() {
    }

    /** Someone who can sign in on the test server's login page as {@code username}. */
    public record User(String username, String subject, String email, String name, Set<String> groups) {

        /** Signs in through the code flow (starting at {@code /app}) and returns the browser's cookies. */
        public CookieFilter signIn() {
            CookieFilter cookies = new CookieFilter();
            Response toLogin = given().filter(cookies).redirects().follow(false).when().get("/app");
            assertEquals(302, toLogin.statusCode());
            Response afterCallback = given().filter(cookies).redirects().follow(false).when()
                    .get(callbackAfterSignIn(toLogin.header("Location")));
            assertEquals(302, afterCallback.statusCode(), "the callback redirects to the page without the code");
            given().filter(cookies).redirects().follow(false).when().get(afterCallback.header("Location")).then().statusCode(200);
            return cookies;
        }

        /**
         * Where the identity provider sends the browser once this user signs in on the login page
         * the app redirected to ({@code authorizeUrl}); the test server echoes the redirect URI still
         * URL-encoded, which this decodes.
         */
        public String callbackAfterSignIn(String authorizeUrl) {
            return OidcUsers.callbackAfterSignIn(authorizeUrl, username);
        }
    }

    /**
     * Where the identity provider sends the browser once {@code username} (alice, or a registered
     * user) signs in on the login page the app redirected to ({@code authorizeUrl}); the test server
     * echoes the redirect URI still URL-encoded, which this decodes.
     */
    public static String callbackAfterSignIn(String authorizeUrl, String username) {
        URI authorize = URI.create(authorizeUrl);
        URI login = authorize.resolve("/login?" + authorize.getRawQuery() + "&username=" + username + "&password=" + username);
        try {
            HttpResponse<Void> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                    .send(HttpRequest.newBuilder(login).GET().build(), HttpResponse.BodyHandlers.discarding());
            String location = response.headers().firstValue("Location")
                    .orElseThrow(() -> new IllegalStateException("the login page did not redirect: " + response.statusCode()));
            int query = location.indexOf('?');
            return URLDecoder.decode(location.substring(0, query), StandardCharsets.UTF_8) + location.substring(query);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Teaches the test server a new user named {@code name} (e.g. "Joana Prado"). */
    public static User register(WireMockServer server, String name) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String username = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "") + suffix;
        return register(server, new User(username, "sub-" + username, username + "@example.com", name, Set.of("user")));
    }

    /** Teaches the test server {@code user}: its login page signs them in, its token endpoint hands out their tokens. */
    public static User register(WireMockServer server, User user) {
        String code = "code-" + user.username();
        server.stubFor(get(urlPathEqualTo("/login")).withQueryParam("username", equalTo(user.username())).atPriority(1)
                .willReturn(aResponse().withStatus(302)
                        .withHeader("Location", "{{request.query.redirect_uri}}?state={{request.query.state}}&code=" + code)
                        .withTransformers("response-template")));
        server.stubFor(post(urlEqualTo("/auth/realms/quarkus/token")).withRequestBody(containing("code=" + code)).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + token(user, "Bearer", Set.of(ISSUER)) + "\",\"id_token\":\""
                                + token(user, "ID", Set.of(CLIENT_ID)) + "\",\"refresh_token\":\"refresh-" + user.username()
                                + "\",\"expires_in\":3600}")));
        return user;
    }

    private static String token(User user, String type, Set<String> audience) {
        return Jwt.issuer(ISSUER)
                .subject(user.subject())
                .audience(audience)
                .preferredUserName(user.username())
                .claim("email", user.email())
                .claim("name", user.name())
                .claim("typ", type)
                .groups(user.groups())
                .expiresIn(Duration.ofHours(1))
                .jws().keyId("1")
                .sign("privateKey.jwk");
    }
}
