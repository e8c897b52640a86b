package app.ponte.server.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Set;

/**
 * A platform operator on the OIDC test server: "olivia", whose access token carries the realm role
 * {@code platform-operator} (as Keycloak's does). The test server signs in only "alice" (roles user
 * and admin) by itself; {@link #register} teaches it this second user, for the code flow.
 */
public final class OidcOperator {

    public static final String USERNAME = "olivia";
    public static final String EMAIL = "olivia.operadora@ponte.test";
    public static final String ROLE = "platform-operator";
    private static final OidcUsers.User OLIVIA = new OidcUsers.User(USERNAME, "operator-olivia", EMAIL, "Olivia Operadora",
            Set.of(ROLE));

    private OidcOperator() {
    }

    /** Makes the test server's login page sign in {@link #USERNAME} and hand out her tokens. */
    public static void register(WireMockServer server) {
        OidcUsers.register(server, OLIVIA);
    }

    /** Where the identity provider sends the browser after the operator signs in on the login page at {@code authorizeUrl}. */
    public static String callbackAfterSignIn(String authorizeUrl) {
        return OLIVIA.callbackAfterSignIn(authorizeUrl);
    }
}
