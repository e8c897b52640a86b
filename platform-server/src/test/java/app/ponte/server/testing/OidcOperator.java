package app.ponte.server.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.smallrye.jwt.build.Jwt;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * A platform operator on the OIDC test server: "olivia", whose access token carries the realm role
 * {@code platform-operator} (as Keycloak's does). The test server signs in only "alice" (roles user
 * and admin) by itself; {@link #register} teaches it a second user, for the code flow.
 */
public final class OidcOperator {

    public static final String USERNAME = "olivia";
    public static final String EMAIL = "olivia.operadora@ponte.test";
    public static final String ROLE = "platform-operator";
    private static final String CODE = "operator-login-code";
    private static final String CLIENT_ID = "quarkus-app";
    private static final String ISSUER = "https://server.example.com";

    private OidcOperator() {
    }

    /** Makes the test server's login page sign in {@link #USERNAME} and hand out her tokens. */
    public static void register(WireMockServer server) {
        server.stubFor(get(urlPathEqualTo("/login")).withQueryParam("username", equalTo(USERNAME)).atPriority(1)
                .willReturn(aResponse().withStatus(302)
                        .withHeader("Location", "{{request.query.redirect_uri}}?state={{request.query.state}}&code=" + CODE)
                        .withTransformers("response-template")));
        server.stubFor(post(urlEqualTo("/auth/realms/quarkus/token")).withRequestBody(containing("code=" + CODE)).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + token("Bearer", Set.of(ISSUER)) + "\",\"id_token\":\""
                                + token("ID", Set.of(CLIENT_ID)) + "\",\"refresh_token\":\"operator-refresh\",\"expires_in\":3600}")));
    }

    /**
     * Where the identity provider sends the browser after {@code username} signs in on the login
     * page at {@code authorizeUrl} (the page the app redirected the browser to). The test server
     * echoes the redirect URI still URL-encoded; this decodes it.
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

    private static String token(String type, Set<String> audience) {
        return Jwt.issuer(ISSUER)
                .subject("operator-olivia")
                .audience(audience)
                .preferredUserName(USERNAME)
                .claim("email", EMAIL)
                .claim("name", "Olivia Operadora")
                .claim("typ", type)
                .groups(Set.of(ROLE))
                .expiresIn(Duration.ofHours(1))
                .jws().keyId("1")
                .sign("privateKey.jwk");
    }
}
