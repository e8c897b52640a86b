package app.ponte.server.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.server.connection.ConnectionStore;
import app.ponte.server.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConnectionApiTest {

    private static final String HOTTOK = "hottok-da-loja-" + "x".repeat(24);

    @Inject
    ConnectionStore store;

    @Inject
    EntityManager em;

    private record Caller(String token, String userId, String workspaceId) {
    }

    private static Caller newUser(String name) {
        String token = Tokens.bearer(UUID.randomUUID().toString(), name.toLowerCase() + "@example.com", name);
        var me = given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(200).extract().jsonPath();
        return new Caller(token, me.getString("id"), me.getString("workspaces[0].id"));
    }

    private static String connectHotmart(Caller caller) {
        return given().auth().oauth2(caller.token()).contentType("application/json")
                .body("{\"hottok\":\"" + HOTTOK + "\",\"name\":\"Loja de cursos\"}")
                .when().post("/api/v1/workspaces/" + caller.workspaceId() + "/connections/hotmart")
                .then().statusCode(201).extract().path("connection.id");
    }

    @Test
    void connectsHotmartAndAnswersTheWebhookUrlButNeverTheHottok() {
        Caller owner = newUser("Ana");

        String body = given().auth().oauth2(owner.token()).contentType("application/json")
                .body("{\"hottok\":\"" + HOTTOK + "\",\"name\":\"Loja de cursos\"}")
                .when().post("/api/v1/workspaces/" + owner.workspaceId() + "/connections/hotmart")
                .then().statusCode(201)
                .body("connection.connectorId", equalTo("hotmart"))
                .body("connection.displayName", equalTo("Hotmart — Loja de cursos"))
                .body("connection.status", equalTo("OK"))
                .body("webhookUrl", matchesPattern("http://localhost:8080/hooks/hotmart/[A-Za-z0-9_-]{43}"))
                .body("instructions.pt", containsString("2.0.0"))
                .extract().asString();

        assertFalse(body.contains(HOTTOK));
        given().auth().oauth2(owner.token()).when().get("/api/v1/workspaces/" + owner.workspaceId() + "/connections")
                .then().statusCode(200).body("connectorId", hasItem("hotmart")).body(not(containsString(HOTTOK)));
    }

    @Test
    void rotatingTheWebhookUrlRetiresTheOldOne() {
        Caller owner = newUser("Bia");
        String id = connectHotmart(owner);
        String base = "/api/v1/workspaces/" + owner.workspaceId() + "/connections/" + id;
        String before = given().auth().oauth2(owner.token()).when().get(base + "/webhook").then().statusCode(200).extract().path("url");

        String after = given().auth().oauth2(owner.token()).when().post(base + "/webhook/rotate").then().statusCode(200).extract().path("url");

        assertNotEquals(before, after);
        assertTrue(store.findByWebhookToken("hotmart", before.substring(before.lastIndexOf('/') + 1)).isEmpty());
        assertTrue(store.findByWebhookToken("hotmart", after.substring(after.lastIndexOf('/') + 1)).isPresent());
        assertTrue(store.findByWebhookToken("kommo", after.substring(after.lastIndexOf('/') + 1)).isEmpty(),
                "a token only opens its own connector's hook");
    }

    @Test
    void explainsAMissingOrMalformedHottokFieldByField() {
        Caller owner = newUser("Caio");
        String path = "/api/v1/workspaces/" + owner.workspaceId() + "/connections/hotmart";

        given().auth().oauth2(owner.token()).contentType("application/json").body("{\"name\":\"x\"}").when().post(path)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(400))
                .body("errors.field", hasItem("hottok"));
        given().auth().oauth2(owner.token()).contentType("application/json").body("{\"hottok\":\"com espaco no meio\"}").when().post(path)
                .then().statusCode(400).body("errors.message", hasItem("O hottok não tem espaços."));
    }

    @Test
    void shouldNotShowOrTouchAnotherWorkspacesConnections() {
        Caller owner = newUser("Duda");
        Caller stranger = newUser("Edu");
        String id = connectHotmart(owner);
        String theirs = "/api/v1/workspaces/" + owner.workspaceId() + "/connections";

        given().auth().oauth2(stranger.token()).when().get(theirs).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(stranger.token()).when().get(theirs + "/" + id).then().statusCode(404);
        given().auth().oauth2(stranger.token()).when().get(theirs + "/" + id + "/webhook").then().statusCode(404);
        given().auth().oauth2(stranger.token()).when().post(theirs + "/" + id + "/webhook/rotate").then().statusCode(404);
        given().auth().oauth2(stranger.token()).when().delete(theirs + "/" + id).then().statusCode(404);
        // the connection id under the stranger's own workspace is just as unknown
        String mine = "/api/v1/workspaces/" + stranger.workspaceId() + "/connections/" + id;
        given().auth().oauth2(stranger.token()).when().get(mine).then().statusCode(404);
        given().auth().oauth2(stranger.token()).when().delete(mine).then().statusCode(404);
        given().auth().oauth2(owner.token()).when().get(theirs + "/" + id).then().statusCode(200).body("status", equalTo("OK"));
    }

    @Test
    void letsAMemberSeeButNotManageConnections() {
        Caller owner = newUser("Fabi");
        Caller member = newUser("Gui");
        String id = connectHotmart(owner);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "INSERT INTO membership (id, tenant_id, user_id, role) VALUES (?1, ?2, ?3, 'MEMBER')")
                .setParameter(1, UUID.randomUUID()).setParameter(2, UUID.fromString(owner.workspaceId()))
                .setParameter(3, UUID.fromString(member.userId())).executeUpdate());
        String base = "/api/v1/workspaces/" + owner.workspaceId() + "/connections";

        given().auth().oauth2(member.token()).when().get(base).then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(member.token()).contentType("application/json").body("{\"hottok\":\"" + HOTTOK + "\"}")
                .when().post(base + "/hotmart").then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(member.token()).when().get(base + "/" + id + "/webhook").then().statusCode(403);
        given().auth().oauth2(member.token()).when().delete(base + "/" + id).then().statusCode(403);
    }

    @Test
    void disconnectingErasesTheWebhookUrl() {
        Caller owner = newUser("Hele");
        String id = connectHotmart(owner);
        String base = "/api/v1/workspaces/" + owner.workspaceId() + "/connections/" + id;
        String url = given().auth().oauth2(owner.token()).when().get(base + "/webhook").then().statusCode(200).extract().path("url");

        given().auth().oauth2(owner.token()).when().delete(base).then().statusCode(204);

        given().auth().oauth2(owner.token()).when().get(base).then().statusCode(200).body("status", equalTo("DISCONNECTED"));
        given().auth().oauth2(owner.token()).when().get(base + "/webhook").then().statusCode(404);
        assertTrue(store.findByWebhookToken("hotmart", url.substring(url.lastIndexOf('/') + 1)).isEmpty());
    }
}
