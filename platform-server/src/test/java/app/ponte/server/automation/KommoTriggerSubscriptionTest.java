package app.ponte.server.automation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.server.connection.ConnectionStore;
import app.ponte.server.connection.OAuthClients;
import app.ponte.server.connector.ConnectorService;
import app.ponte.server.testing.ApiUsers;
import app.ponte.server.testing.ApiUsers.ApiUser;
import app.ponte.server.testing.KommoAccounts;
import app.ponte.server.testing.KommoSimulatorResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * "Lead alcançou uma etapa" needs Kommo to call the connection's webhook URL: the first active
 * automation registers it at Kommo (the simulator), the last one to stop removes it, and a refused
 * registration leaves the automation active with the URL to register by hand.
 */
@QuarkusTest
class KommoTriggerSubscriptionTest {

    private static final String SIM = KommoSimulatorResource.baseUrl();

    @Inject
    ConnectorService connectors;

    @Inject
    OAuthClients clients;

    @Inject
    HttpClient http;

    @Inject
    ConnectionStore store;

    @AfterEach
    void disarmFaults() {
        given().baseUri(SIM).when().delete("/__sim/faults").then().statusCode(200);
    }

    @Test
    void theFirstActivationRegistersTheConnectionsWebhookAndTheLastDeactivationRemovesIt() {
        ApiUser owner = ApiUsers.newUser("Lia");
        KommoAccounts.Account account = KommoAccounts.demo();
        UUID kommo = connect(owner, account);
        String first = stageAutomation(owner, kommo, account);
        String second = stageAutomation(owner, kommo, account);
        owner.call().when().get(connections(owner) + "/" + kommo + "/webhook").then().statusCode(404);
        owner.call().when().get(connections(owner) + "/" + kommo).then().statusCode(200).body("webhookSubscriptions", empty());

        owner.call().when().post(automations(owner) + "/" + first + "/activate").then().statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("webhookSubscription.state", equalTo("REGISTERED"))
                .body("webhookSubscription.manualUrl", nullValue());

        URI url = webhookUrl(owner, kommo);
        assertEquals("/hooks/kommo/", url.getPath().substring(0, url.getPath().lastIndexOf('/') + 1));
        assertEquals(1, registrations(account, url));
        assertEquals(List.of("status_lead", "add_lead"), KommoAccounts.webhookSettings(account.subdomain(), url.toString()));
        owner.call().when().get(connections(owner) + "/" + kommo).then().statusCode(200)
                .body("webhookSubscriptions.size()", equalTo(1))
                .body("webhookSubscriptions[0].triggerKey", equalTo("lead_status_changed"))
                .body("webhookSubscriptions[0].state", equalTo("REGISTERED"));
        // what Kommo will call reaches this connection's ingress
        given().contentType("application/x-www-form-urlencoded")
                .body("account%5Bsubdomain%5D=" + account.subdomain() + "&leads%5Bdelete%5D%5B0%5D%5Bid%5D=1")
                .when().post(url.getPath()).then().statusCode(200).body("status", equalTo("ignored"));

        owner.call().when().post(automations(owner) + "/" + second + "/activate").then().statusCode(200)
                .body("webhookSubscription.state", equalTo("REGISTERED"));
        owner.call().when().post(automations(owner) + "/" + first + "/pause").then().statusCode(200);
        assertEquals(1, registrations(account, url), "another active automation still needs the webhook");

        owner.call().when().delete(automations(owner) + "/" + second).then().statusCode(204);
        assertEquals(0, registrations(account, url), "the last one out removes it");
        owner.call().when().get(connections(owner) + "/" + kommo).then().statusCode(200).body("webhookSubscriptions", empty());
    }

    @Test
    void rotatingTheWebhookTokenMovesTheRegistrationToTheNewUrl() {
        ApiUser owner = ApiUsers.newUser("Rui");
        KommoAccounts.Account account = KommoAccounts.demo();
        UUID kommo = connect(owner, account);
        String id = stageAutomation(owner, kommo, account);
        owner.call().when().post(automations(owner) + "/" + id + "/activate").then().statusCode(200);
        URI before = webhookUrl(owner, kommo);

        URI after = URI.create(owner.call().when().post(connections(owner) + "/" + kommo + "/webhook/rotate")
                .then().statusCode(200).extract().path("url"));

        assertTrue(!after.equals(before));
        assertEquals(1, registrations(account, after));
        assertEquals(0, registrations(account, before));
    }

    @Test
    void reconnectingTheAccountKeepsTheRegisteredWebhookUrl() {
        ApiUser owner = ApiUsers.newUser("Sol");
        KommoAccounts.Account account = KommoAccounts.demo();
        UUID kommo = connect(owner, account);
        String id = stageAutomation(owner, kommo, account);
        owner.call().when().post(automations(owner) + "/" + id + "/activate").then().statusCode(200);
        URI url = webhookUrl(owner, kommo);

        assertEquals(kommo, connect(owner, account), "a reconnect of the same account, not a second connection");

        assertEquals(url, webhookUrl(owner, kommo));
        assertEquals(1, registrations(account, url));
        given().contentType("application/x-www-form-urlencoded")
                .body("account%5Bsubdomain%5D=" + account.subdomain() + "&leads%5Bdelete%5D%5B0%5D%5Bid%5D=1")
                .when().post(url.getPath()).then().statusCode(200);
    }

    @Test
    void aRefusedRegistrationStillActivatesAndShowsTheUrlToRegisterByHand() {
        ApiUser owner = ApiUsers.newUser("Teo");
        ApiUser member = ApiUsers.newUser("Ivo");
        ApiUsers.join(owner, member, "MEMBER");
        KommoAccounts.Account account = KommoAccounts.demo();
        UUID kommo = connect(owner, account);
        String id = stageAutomation(owner, kommo, account);
        given().baseUri(SIM).contentType("application/json")
                .body("{\"method\":\"POST\",\"path_regex\":\"^/api/v4/webhooks$\",\"status\":403,\"times\":1,"
                        + "\"content_type\":\"application/problem+json\","
                        + "\"body\":\"{\\\"title\\\":\\\"Forbidden\\\",\\\"status\\\":403,\\\"detail\\\":\\\"Webhooks are not available on your plan\\\"}\"}")
                .when().post("/__sim/faults").then().statusCode(200);

        owner.call().when().post(automations(owner) + "/" + id + "/activate").then().statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("webhookSubscription.state", equalTo("REFUSED"))
                .body("webhookSubscription.message", containsString("Cadastre à mão"))
                .body("webhookSubscription.message", containsString("403"));

        URI url = webhookUrl(owner, kommo);
        assertEquals(0, registrations(account, url));
        owner.call().when().get(automations(owner) + "/" + id).then().statusCode(200)
                .body("webhookSubscription.manualUrl", equalTo(url.toString()));
        owner.call().when().get(connections(owner) + "/" + kommo).then().statusCode(200)
                .body("webhookSubscriptions[0].state", equalTo("REFUSED"))
                .body("webhookSubscriptions[0].manualUrl", equalTo(url.toString()));
        member.call().when().get(automations(owner) + "/" + id).then().statusCode(200)
                .body("webhookSubscription.state", equalTo("REFUSED"))
                .body("webhookSubscription.message", containsString("Cadastre à mão"))
                .body("webhookSubscription.manualUrl", nullValue());
        member.call().when().get(connections(owner)).then().statusCode(200)
                .body("find { it.id == '" + kommo + "' }.webhookSubscriptions[0].manualUrl", nullValue());

        // once Kommo accepts (plan upgraded), the next activation registers it
        owner.call().when().post(automations(owner) + "/" + id + "/pause").then().statusCode(200);
        owner.call().when().post(automations(owner) + "/" + id + "/activate").then().statusCode(200)
                .body("webhookSubscription.state", equalTo("REGISTERED"));
        assertEquals(1, registrations(account, url));
    }

    private UUID connect(ApiUser owner, KommoAccounts.Account account) {
        return KommoAccounts.connect(connectors, clients, http, store, UUID.fromString(owner.workspaceId()), account.subdomain());
    }

    /** How many of the account's webhooks at Kommo point at {@code url}. */
    static int registrations(KommoAccounts.Account account, URI url) {
        return Collections.frequency(KommoAccounts.webhookDestinations(account.subdomain()), url.toString());
    }

    /** A draft "when a lead reaches a stage in Kommo, update a lead in Kommo" on one connection. */
    static String stageAutomation(ApiUser owner, UUID kommo, KommoAccounts.Account account) {
        return owner.call().body("{\"name\":\"Etapa atingida\","
                        + "\"trigger\":{\"connector\":\"kommo\",\"key\":\"lead_status_changed\",\"connectionId\":\"" + kommo + "\"},"
                        + "\"action\":{\"connector\":\"kommo\",\"key\":\"create_or_update_lead\",\"connectionId\":\"" + kommo + "\"},"
                        + "\"triggerSettings\":{\"pipeline_id\":\"" + account.pipelineId() + "\",\"status_id\":\"" + account.statusId() + "\"},"
                        + "\"mapping\":{\"lead.name\":\"{{lead.name}}\",\"lead.price\":\"{{lead.price}}\"}}")
                .when().post(automations(owner)).then().statusCode(201).body("problems", empty()).extract().path("id");
    }

    static URI webhookUrl(ApiUser owner, UUID connection) {
        return URI.create(owner.call().when().get(connections(owner) + "/" + connection + "/webhook").then().statusCode(200)
                .extract().path("url"));
    }

    static String automations(ApiUser owner) {
        return "/api/v1/workspaces/" + owner.workspaceId() + "/automations";
    }

    static String connections(ApiUser owner) {
        return "/api/v1/workspaces/" + owner.workspaceId() + "/connections";
    }
}
