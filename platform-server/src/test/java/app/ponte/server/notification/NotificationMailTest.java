package app.ponte.server.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.server.connection.ConnectionStore;
import app.ponte.server.connection.OAuthClients;
import app.ponte.server.connector.ConnectorService;
import app.ponte.server.tenant.TenantContext;
import app.ponte.server.testing.ApiUsers;
import app.ponte.server.testing.ApiUsers.ApiUser;
import app.ponte.server.testing.MailServerResource;
import app.ponte.server.testing.MailServerResource.ReceivedMail;
import app.ponte.server.testing.RunnerWorkspace;
import app.ponte.server.testing.SimulatedKommo;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Notification e-mails end to end: facts recorded by the ingress, the runner and the invitations,
 * mailed by the scheduled sender to a real SMTP server (GreenMail) started by the tests.
 */
@QuarkusTest
class NotificationMailTest {

    @Inject
    ConnectorService connectors;

    @Inject
    OAuthClients clients;

    @Inject
    ConnectionStore store;

    @Inject
    NotificationSender sender;

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenants;

    @AfterEach
    void disarmFaults() {
        given().baseUri(SimulatedKommo.base()).when().delete("/__sim/faults").then().statusCode(200);
    }

    /** A workspace whose owner has an address of their own (the sender is shared by every test). */
    private RunnerWorkspace workspace(String name) {
        return RunnerWorkspace.create(name + UUID.randomUUID().toString().substring(0, 8), connectors, clients, store);
    }

    private static String ownerEmail(RunnerWorkspace w) {
        return given().auth().oauth2(w.token()).when().get("/api/v1/me").then().statusCode(200).extract().path("email");
    }

    @Test
    void anInvitationByEmailIsMailedWithALinkThatWorksAndStaysCopyable() {
        ApiUser owner = ApiUsers.newUser("Olga");
        String invited = "convidado." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String link = owner.call().body("{\"role\":\"ADMIN\",\"email\":\"" + invited + "\"}")
                .when().post("/api/v1/workspaces/" + owner.workspaceId() + "/invitations")
                .then().statusCode(201).extract().path("link");

        ReceivedMail mail = MailServerResource.await(invited, 1).get(0);
        assertTrue(mail.subject().contains("Olga convidou você"), mail.subject());
        assertTrue(mail.text().contains(link), "the mail carries the same link the owner can copy: " + mail.text());
        assertTrue(mail.text().contains("administrador"), mail.text());

        ApiUser guest = ApiUsers.newUser("Gui", invited);
        guest.call().when().post("/api/v1/invitations/" + ApiUsers.tokenOf(link) + "/accept").then().statusCode(200);
        awaitOutboxDrained();
        assertEquals(0, ((Number) sql("SELECT count(*) FROM notification WHERE sealed_link IS NOT NULL AND processed_at IS NOT NULL")).intValue(),
                "a sent link is erased from the outbox");
    }

    @Test
    void aPermanentFailureMailsTheOwnerOnceAndASecondWithinTheHourWaitsForTheDigest() {
        RunnerWorkspace w = workspace("Fabi");
        String automation = w.activate("purchase_approved_to_kommo_lead");
        String owner = ownerEmail(w);
        // the lead creation is refused as invalid (400): a permanent failure, not retried
        SimulatedKommo.fault("POST", "/api/v4/leads.*", 400, 1);
        w.deliver(RunnerWorkspace.fixture("PURCHASE_APPROVED.json"));
        JsonPath failed = w.awaitRuns("", RunnerWorkspace.settled(1));
        assertEquals("FAILED", failed.getString("items[0].status"), failed.prettify());

        ReceivedMail mail = MailServerResource.await(owner, 1).get(0);
        String name = given().auth().oauth2(w.token()).when().get(w.path("/automations/" + automation)).then().statusCode(200)
                .extract().path("name");
        assertTrue(mail.subject().contains(name), mail.subject());
        assertTrue(mail.text().contains("/app/workspaces/" + w.id() + "/runs?automation=" + automation + "&status=FAILED"),
                "links to the automation's failed runs in the web app, in its workspace: " + mail.text());
        assertTrue(mail.text().contains("mude suas preferências:") && mail.text().contains("/app/preferences"),
                "links to where alerts are switched off: " + mail.text());
        assertFalse(mail.text().contains("marina") || mail.text().contains("Marina"), "no buyer data in e-mails: " + mail.text());

        SimulatedKommo.fault("POST", "/api/v4/leads.*", 400, 1);
        w.deliver(RunnerWorkspace.asAnotherBuyer(RunnerWorkspace.fixture("PURCHASE_APPROVED.json"), 2));
        JsonPath both = w.awaitRuns("&status=FAILED", page -> page.getList("items").size() == 2);
        assertEquals(2, both.getList("items").size());
        awaitOutboxDrained();
        assertEquals(1, MailServerResource.to(owner).size(), "at most one e-mail per automation per hour");

        sender.sendDigests();
        List<ReceivedMail> received = MailServerResource.await(owner, 2);
        ReceivedMail digest = received.get(1);
        assertEquals("Resumo diário de alertas do Ponte", digest.subject());
        assertTrue(digest.text().contains("1× falha definitiva na automação “" + name + "”"), digest.text());
        assertTrue(digest.text().contains("/app/workspaces/" + w.id() + "/runs?automation=" + automation), digest.text());
        assertTrue(digest.text().contains("/app/preferences"), digest.text());
        sender.sendDigests();
        assertEquals(2, MailServerResource.to(owner).size(), "a held-back alert is in one digest only");
    }

    @Test
    void aConnectionThatNeedsReconnectingIsMailedToTheOwner() {
        RunnerWorkspace w = workspace("Rita");
        w.activate("purchase_approved_to_kommo_lead");
        String owner = ownerEmail(w);
        w.kommo().revoke();
        w.deliver(RunnerWorkspace.fixture("PURCHASE_APPROVED.json"));
        w.awaitRuns("", page -> page.getList("items.status").equals(List.of("PARKED")));

        ReceivedMail mail = MailServerResource.await(owner, 1).get(0);
        assertTrue(mail.subject().startsWith("A conexão “Kommo — ") && mail.subject().endsWith("” precisa ser reconectada"),
                mail.subject());
        assertTrue(mail.text().contains("/app/workspaces/" + w.id() + "/connections/" + w.kommo().connectionId()), mail.text());
    }

    @Test
    void repeatedHottokRefusalsAreMailedInTheOwnersLanguage() {
        RunnerWorkspace w = workspace("Hugo");
        String owner = ownerEmail(w);
        given().auth().oauth2(w.token()).contentType("application/json").body("{\"failureEmails\":true,\"locale\":\"en\"}")
                .when().put("/api/v1/me/notifications").then().statusCode(200).body("locale", equalTo("en"));
        for (int n = 1; n <= 5; n++) {
            given().header("X-HOTMART-HOTTOK", "not-the-hottok").contentType("application/json")
                    .body(RunnerWorkspace.fixture("PURCHASE_APPROVED.json")).when().post(w.hook()).then().statusCode(401);
        }

        ReceivedMail mail = MailServerResource.await(owner, 1).get(0);
        assertTrue(mail.subject().startsWith("Hotmart is sending refused notifications to “"), mail.subject());
        assertTrue(mail.text().contains("hottok"), mail.text());
        assertTrue(mail.text().contains("/app/workspaces/" + w.id() + "/connections/"), mail.text());
        assertTrue(mail.text().contains("change your preferences:") && mail.text().contains("/app/preferences"), mail.text());
        assertFalse(mail.text().contains("not-the-hottok"), "no secrets in e-mails: " + mail.text());
    }

    @Test
    void anOwnerWhoSwitchedAlertsOffGetsNone() {
        RunnerWorkspace w = workspace("Otto");
        String owner = ownerEmail(w);
        given().auth().oauth2(w.token()).contentType("application/json").body("{\"failureEmails\":false,\"locale\":\"pt-BR\"}")
                .when().put("/api/v1/me/notifications").then().statusCode(200);
        given().auth().oauth2(w.token()).when().get("/api/v1/me/notifications").then().statusCode(200)
                .body("failureEmails", equalTo(false));
        given().auth().oauth2(w.token()).contentType("application/json").body("{\"failureEmails\":true,\"locale\":\"fr\"}")
                .when().put("/api/v1/me/notifications").then().statusCode(400);
        given().when().get("/api/v1/me/notifications").then().statusCode(401);
        for (int n = 1; n <= 5; n++) {
            given().header("X-HOTMART-HOTTOK", "wrong").contentType("application/json").body(RunnerWorkspace.fixture("PURCHASE_APPROVED.json"))
                    .when().post(w.hook()).then().statusCode(401);
        }
        assertEquals(1, ((Number) sql("SELECT count(*) FROM notification WHERE tenant_id = '" + w.id() + "' AND kind = 'HOTTOK_REFUSED'"))
                .intValue(), "the fact is recorded");
        awaitOutboxDrained();
        assertEquals(List.of(), MailServerResource.to(owner));
    }

    private Object sql(String query) {
        return tenants.call(TenantContext.NONE, () -> QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery(query).getSingleResult()));
    }

    private void awaitOutboxDrained() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (((Number) sql("SELECT count(*) FROM notification WHERE processed_at IS NULL")).intValue() > 0) {
            assertTrue(Instant.now().isBefore(deadline), "the notification outbox was not drained");
            RunnerWorkspace.sleep(100);
        }
    }
}
