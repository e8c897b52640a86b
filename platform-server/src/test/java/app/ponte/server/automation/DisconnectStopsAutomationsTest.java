package app.ponte.server.automation;

import static app.ponte.server.automation.KommoTriggerSubscriptionTest.automations;
import static app.ponte.server.automation.KommoTriggerSubscriptionTest.connections;
import static app.ponte.server.automation.KommoTriggerSubscriptionTest.registrations;
import static app.ponte.server.automation.KommoTriggerSubscriptionTest.stageAutomation;
import static app.ponte.server.automation.KommoTriggerSubscriptionTest.webhookUrl;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.ponte.server.connection.ConnectionStore;
import app.ponte.server.connection.OAuthClients;
import app.ponte.server.connector.ConnectorService;
import app.ponte.server.testing.ApiUsers;
import app.ponte.server.testing.ApiUsers.ApiUser;
import app.ponte.server.testing.KommoAccounts;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Disconnecting a connection pauses every active automation that uses it, as trigger or as action. */
@QuarkusTest
class DisconnectStopsAutomationsTest {

    @Inject
    ConnectorService connectors;

    @Inject
    OAuthClients clients;

    @Inject
    HttpClient http;

    @Inject
    ConnectionStore store;

    @Test
    void disconnectPausesEveryActiveAutomationUsingTheConnectionAndRemovesItsWebhook() {
        ApiUser owner = ApiUsers.newUser("Nina");
        KommoAccounts.Account account = KommoAccounts.demo();
        UUID kommo = KommoAccounts.connect(connectors, clients, http, store, UUID.fromString(owner.workspaceId()),
                account.subdomain());
        String hotmart = owner.call().body("{\"hottok\":\"hottok-de-teste-123456\"}")
                .when().post(connections(owner) + "/hotmart").then().statusCode(201).extract().path("connection.id");
        String sales = fromTemplate(owner, hotmart, kommo);            // Hotmart → Kommo, active
        String stages = stageAutomation(owner, kommo, account);        // Kommo → Kommo, active, webhook registered
        String draft = fromTemplate(owner, hotmart, kommo);            // never activated
        activate(owner, sales);
        activate(owner, stages);
        URI url = webhookUrl(owner, kommo);
        assertEquals(1, registrations(account, url));

        owner.call().when().delete(connections(owner) + "/" + hotmart).then().statusCode(204);

        status(owner, sales, "PAUSED");
        status(owner, stages, "ACTIVE");
        status(owner, draft, "DRAFT");
        assertEquals(1, registrations(account, url), "the Kommo trigger's automation still runs");
        owner.call().when().post(automations(owner) + "/" + sales + "/activate").then().statusCode(400)
                .body("errors.field", hasItem("trigger.connectionId"));

        owner.call().when().delete(connections(owner) + "/" + kommo).then().statusCode(204);

        status(owner, stages, "PAUSED");
        status(owner, draft, "DRAFT");
        assertEquals(0, registrations(account, url), "the webhook was removed before the tokens were erased");
        owner.call().when().get(connections(owner) + "/" + kommo).then().statusCode(200)
                .body("status", equalTo("DISCONNECTED")).body("webhookSubscriptions.size()", equalTo(0));
        owner.call().when().get(automations(owner) + "?size=100").then().statusCode(200)
                .body("items.findAll { it.status == 'ACTIVE' }.size()", equalTo(0));
    }

    @Test
    void disconnectingAnUnknownConnectionIsNotFoundAndPausesNothing() {
        ApiUser owner = ApiUsers.newUser("Otto");
        ApiUser stranger = ApiUsers.newUser("Pia");
        String hotmart = owner.call().body("{\"hottok\":\"hottok-de-teste-123456\"}")
                .when().post(connections(owner) + "/hotmart").then().statusCode(201).extract().path("connection.id");
        KommoAccounts.Account account = KommoAccounts.demo();
        UUID kommo = KommoAccounts.connect(connectors, clients, http, store, UUID.fromString(owner.workspaceId()),
                account.subdomain());
        String sales = fromTemplate(owner, hotmart, kommo);
        activate(owner, sales);

        stranger.call().when().delete(connections(stranger) + "/" + hotmart).then().statusCode(404);
        stranger.call().when().delete(connections(owner) + "/" + hotmart).then().statusCode(404);

        status(owner, sales, "ACTIVE");
    }

    private static String fromTemplate(ApiUser owner, String hotmart, UUID kommo) {
        return owner.call().body("{\"templateKey\":\"purchase_approved_to_kommo_lead\",\"trigger\":{\"connectionId\":\"" + hotmart
                        + "\"},\"action\":{\"connectionId\":\"" + kommo + "\"}}")
                .when().post(automations(owner)).then().statusCode(201).extract().path("id");
    }

    private static void activate(ApiUser owner, String id) {
        owner.call().when().post(automations(owner) + "/" + id + "/activate").then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    private static void status(ApiUser owner, String id, String status) {
        owner.call().when().get(automations(owner) + "/" + id).then().statusCode(200).body("status", equalTo(status));
    }
}
