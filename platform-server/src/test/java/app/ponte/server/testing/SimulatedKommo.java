package app.ponte.server.testing;

import static io.restassured.RestAssured.given;

import app.ponte.api.oauth.ConnectedAccount;
import app.ponte.server.connection.ConnectionStore;
import app.ponte.server.connection.NewConnection;
import app.ponte.server.connection.OAuthClients;
import app.ponte.server.connector.ConnectorService;
import io.restassured.path.json.JsonPath;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh Kommo account at the simulator, connected to a workspace exactly as "Conectar Kommo"
 * does it (an authorization code minted by the simulator, exchanged by the connector's OAuth
 * step, stored by the connection store) — without the browser round trip the connect-flow tests
 * already cover.
 */
public record SimulatedKommo(String subdomain, long userId, UUID connectionId) {

    public static String base() {
        return KommoSimulatorResource.baseUrl();
    }

    public static SimulatedKommo connect(ConnectorService connectors, OAuthClients clients, ConnectionStore store, UUID tenantId) {
        String subdomain = "loja" + UUID.randomUUID().toString().substring(0, 8);
        long userId = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
        given().baseUri(base()).contentType("application/json")
                .body(Map.of("subdomain", subdomain, "users", List.of(Map.of("id", userId, "name", "Dona da loja", "is_admin", true))))
                .when().post("/__sim/accounts").then().statusCode(200);
        return authorize(connectors, clients, store, tenantId, subdomain, userId);
    }

    /** Connects the same account again ("Reconectar"): a new consent, new tokens, the same connection. */
    public static SimulatedKommo reconnect(ConnectorService connectors, OAuthClients clients, ConnectionStore store, UUID tenantId,
            SimulatedKommo account) {
        return authorize(connectors, clients, store, tenantId, account.subdomain(), account.userId());
    }

    private static SimulatedKommo authorize(ConnectorService connectors, OAuthClients clients, ConnectionStore store, UUID tenantId,
            String subdomain, long userId) {
        JsonPath code = given().baseUri(base()).contentType("application/json")
                .body(Map.of("client_id", KommoSimulatorResource.CLIENT_ID, "subdomain", subdomain, "user_id", userId))
                .when().post("/__sim/oauth/code").then().statusCode(200).extract().jsonPath();
        try {
            ConnectedAccount account = connectors.descriptor("kommo").orElseThrow().oauth().orElseThrow()
                    .complete(clients.forConnector("kommo").orElseThrow(),
                            Map.of("code", code.getString("code"), "referer", code.getString("referer")), HttpClient.newHttpClient());
            UUID id = store.connect(tenantId, new NewConnection("kommo", "Kommo — " + account.displayName(), account.accountId(),
                    account.attributes(), account.secrets(), account.expiresAt().orElse(null))).id();
            return new SimulatedKommo(subdomain, userId, id);
        } catch (app.ponte.api.ConnectorException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The account's full state at the simulator (leads, contacts, companies, links, tags). */
    public JsonPath state() {
        return given().baseUri(base()).when().get("/__sim/accounts/" + subdomain + "/state").then().statusCode(200).extract().jsonPath();
    }

    /** The next {@code times} requests matching make the simulator answer {@code status}. */
    public static void fault(String method, String pathRegex, int status, int times) {
        given().baseUri(base()).contentType("application/json")
                .body(Map.of("method", method, "path_regex", pathRegex, "status", status, "times", times))
                .when().post("/__sim/faults").then().statusCode(200);
    }

    /** The account's admin disables the integration: every token stops working. */
    public void revoke() {
        given().baseUri(base()).contentType("application/json").body("{}").when().post("/__sim/accounts/" + subdomain + "/revoke")
                .then().statusCode(200);
    }
}
