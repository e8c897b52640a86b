package app.ponte.server.testing;

import static io.restassured.RestAssured.given;

import app.ponte.api.ConnectorException;
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

/**
 * Kommo connections to the simulator's account, made through the connector's real OAuth code
 * exchange (the browser's consent step is minted by {@code /__sim/oauth/code}).
 */
public final class KommoAccounts {

    /** The simulator's demo account (the only one: its consent page needs no account choice). */
    public static final String DEMO = "ponte-demo";

    private KommoAccounts() {
    }

    /** A simulator account: its subdomain, and a pipeline and stage of it. */
    public record Account(String subdomain, String pipelineId, String statusId) {
    }

    /** The demo account; every workspace that connects it gets a connection (and a webhook URL) of its own. */
    public static Account demo() {
        JsonPath state = given().baseUri(KommoSimulatorResource.baseUrl()).when().get("/__sim/accounts/" + DEMO + "/state")
                .then().statusCode(200).extract().jsonPath();
        return new Account(DEMO, state.getString("pipelines[0].id"), state.getString("pipelines[0].statuses[1].id"));
    }

    /** Connects {@code subdomain} (as its first admin) to the workspace and answers the connection's id. */
    public static UUID connect(ConnectorService connectors, OAuthClients clients, HttpClient http, ConnectionStore store,
            UUID workspaceId, String subdomain) {
        JsonPath minted = given().baseUri(KommoSimulatorResource.baseUrl()).contentType("application/json")
                .body(Map.of("client_id", KommoSimulatorResource.CLIENT_ID, "subdomain", subdomain))
                .when().post("/__sim/oauth/code").then().statusCode(200).extract().jsonPath();
        try {
            ConnectedAccount account = connectors.descriptor("kommo").orElseThrow().oauth().orElseThrow()
                    .complete(clients.forConnector("kommo").orElseThrow(),
                            Map.of("code", minted.getString("code"), "referer", minted.getString("referer"), "state", "x"), http);
            return store.connect(workspaceId, new NewConnection("kommo", "Kommo — " + account.displayName(), account.accountId(),
                    account.attributes(), account.secrets(), account.expiresAt().orElse(null))).id();
        } catch (ConnectorException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** The destinations of the account's webhook subscriptions at the simulator. */
    public static List<String> webhookDestinations(String subdomain) {
        return given().baseUri(KommoSimulatorResource.baseUrl()).when().get("/__sim/accounts/" + subdomain + "/state")
                .then().statusCode(200).extract().jsonPath().getList("webhooks.destination");
    }

    /** The settings (events) of the account's webhook at {@code destination}. */
    public static List<String> webhookSettings(String subdomain, String destination) {
        return given().baseUri(KommoSimulatorResource.baseUrl()).when().get("/__sim/accounts/" + subdomain + "/state")
                .then().statusCode(200).extract().jsonPath()
                .getList("webhooks.find { it.destination == '" + destination + "' }.settings");
    }
}
