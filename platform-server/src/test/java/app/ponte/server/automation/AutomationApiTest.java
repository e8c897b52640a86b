package app.ponte.server.automation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import app.ponte.server.api.Problem;
import app.ponte.server.connection.ConnectionStore;
import app.ponte.server.connection.NewConnection;
import app.ponte.server.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AutomationApiTest {

    @Inject
    ConnectionStore connections;

    @Inject
    EntityManager em;

    private record Workspace(String token, String userId, String id, String hotmart, String kommo) {
        String path() {
            return "/api/v1/workspaces/" + id + "/automations";
        }
    }

    private Workspace newWorkspace(String name) {
        String token = Tokens.bearer(UUID.randomUUID().toString(), name.toLowerCase() + "@example.com", name);
        var me = given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(200).extract().jsonPath();
        String workspaceId = me.getString("workspaces[0].id");
        String hotmart = given().auth().oauth2(token).contentType("application/json").body("{\"hottok\":\"hottok-de-teste-123456\"}")
                .when().post("/api/v1/workspaces/" + workspaceId + "/connections/hotmart").then().statusCode(201)
                .extract().path("connection.id");
        String kommo = connections.create(UUID.fromString(workspaceId), new NewConnection("kommo", "Kommo — Loja", "30001",
                Map.of("account_id", "30001", "subdomain", "loja"), Map.of("access_token", "a", "refresh_token", "r"),
                Instant.now().plusSeconds(3600))).id().toString();
        return new Workspace(token, me.getString("id"), workspaceId, hotmart, kommo);
    }

    private static String fromTemplate(Workspace w, String template) {
        return given().auth().oauth2(w.token()).contentType("application/json")
                .body("{\"templateKey\":\"" + template + "\",\"trigger\":{\"connectionId\":\"" + w.hotmart() + "\"},"
                        + "\"action\":{\"connectionId\":\"" + w.kommo() + "\"}}")
                .when().post(w.path()).then().statusCode(201).extract().path("id");
    }

    @Test
    void createsPreviewsAndActivatesAnAutomationFromEachOfTheTenTemplates() {
        Workspace w = newWorkspace("Ana");
        List<String> keys = given().when().get("/api/v1/templates").then().statusCode(200).extract().path("key");

        for (String template : keys) {
            String id = fromTemplate(w, template);
            given().auth().oauth2(w.token()).when().get(w.path() + "/" + id).then().statusCode(200)
                    .body("status", equalTo("DRAFT")).body("templateKey", equalTo(template)).body("problems", empty());
            given().auth().oauth2(w.token()).when().post(w.path() + "/" + id + "/preview").then().statusCode(200)
                    .body("samples.ok", everyItem(equalTo(true)))
                    .body("samples[0].inputs.find { it.key == 'lead.name' }.text", not(equalTo("")));
            given().auth().oauth2(w.token()).when().post(w.path() + "/" + id + "/activate").then().statusCode(200)
                    .body("status", equalTo("ACTIVE"));
        }
        given().auth().oauth2(w.token()).when().get(w.path() + "?size=100").then().statusCode(200)
                .body("total", equalTo(keys.size())).body("items.status", everyItem(equalTo("ACTIVE")));
    }

    @Test
    void refusesToActivateWithoutConnectionsAndSaysWhy() {
        Workspace w = newWorkspace("Bia");
        String id = given().auth().oauth2(w.token()).contentType("application/json")
                .body("{\"templateKey\":\"purchase_approved_to_kommo_lead\"}").when().post(w.path())
                .then().statusCode(201).body("problems.field", hasItems("trigger.connectionId", "action.connectionId"))
                .extract().path("id");

        given().auth().oauth2(w.token()).when().post(w.path() + "/" + id + "/activate")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItems("trigger.connectionId", "action.connectionId"));
    }

    @Test
    void anEditIsANewVersionAndAnActiveAutomationWithNewProblemsIsPaused() {
        Workspace w = newWorkspace("Caio");
        String id = fromTemplate(w, "purchase_approved_to_kommo_lead");
        given().auth().oauth2(w.token()).when().post(w.path() + "/" + id + "/activate").then().statusCode(200);

        given().auth().oauth2(w.token()).contentType("application/json")
                .body("{\"name\":\"Vendas\",\"trigger\":{\"connector\":\"hotmart\",\"key\":\"purchase_approved\",\"connectionId\":\""
                        + w.hotmart() + "\"},\"action\":{\"connector\":\"kommo\",\"key\":\"create_or_update_lead\",\"connectionId\":\""
                        + w.kommo() + "\"},\"mapping\":{\"lead.name\":\"{{comprador.nome}}\",\"lead.price\":\"{{buyer.name}}\"}}")
                .when().put(w.path() + "/" + id).then().statusCode(200)
                .body("version", equalTo(2))
                .body("status", equalTo("PAUSED"))
                .body("problems.field", hasItems("mapping.lead.name", "mapping.lead.price"));

        given().auth().oauth2(w.token()).when().post(w.path() + "/" + id + "/activate").then().statusCode(400)
                .body("errors.field", hasItem("mapping.lead.name"));
        long versions = QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM automation_version WHERE automation_id = ?1")
                .setParameter(1, UUID.fromString(id)).getSingleResult()).longValue());
        org.junit.jupiter.api.Assertions.assertEquals(2, versions, "the first version is kept");
    }

    @Test
    void filtersAreCheckedAtSaveTimeAndShownInThePreview() {
        Workspace w = newWorkspace("Joana");
        String id = fromTemplate(w, "purchase_approved_to_kommo_lead");
        Map<String, String> mapping = given().auth().oauth2(w.token()).when().get(w.path() + "/" + id).then().extract().path("mapping");
        String steps = "\"trigger\":{\"connector\":\"hotmart\",\"key\":\"purchase_approved\",\"connectionId\":\"" + w.hotmart()
                + "\"},\"action\":{\"connector\":\"kommo\",\"key\":\"create_or_update_lead\",\"connectionId\":\"" + w.kommo() + "\"}";
        String mappingJson = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(mapping).toString();

        given().auth().oauth2(w.token()).contentType("application/json")
                .body("{\"name\":\"Só o produto 123\"," + steps + ",\"mapping\":" + mappingJson
                        + ",\"filter\":{\"match\":\"all\",\"conditions\":[{\"field\":\"product.id\",\"operator\":\"equals\",\"value\":\"123\"}]}}")
                .when().put(w.path() + "/" + id).then().statusCode(200).body("problems", empty());
        given().auth().oauth2(w.token()).when().post(w.path() + "/" + id + "/preview").then().statusCode(200)
                .body("samples.passesFilter", everyItem(equalTo(false)))
                .body("samples[0].filterExplanation[0]", org.hamcrest.Matchers.containsString("é igual a 123"));

        given().auth().oauth2(w.token()).contentType("application/json")
                .body("{\"name\":\"x\"," + steps + ",\"mapping\":" + mappingJson
                        + ",\"filter\":{\"conditions\":[{\"field\":\"buyer.name\",\"operator\":\"greater_than\",\"value\":\"1\"}]}}")
                .when().put(w.path() + "/" + id).then().statusCode(200).body("problems.field", hasItem("filter.conditions[0]"));

        given().auth().oauth2(w.token()).contentType("application/json")
                .body("{\"name\":\"x\"," + steps + ",\"mapping\":" + mappingJson + ",\"filter\":{\"conditions\":[{\"field\":\"buyer.name\"}]}}")
                .when().put(w.path() + "/" + id).then().statusCode(400).body("errors.field", hasItem("filter"));
    }

    @Test
    void rejectsAnUnknownTemplateOrTriggerFieldByField() {
        Workspace w = newWorkspace("Duda");
        given().auth().oauth2(w.token()).contentType("application/json").body("{\"templateKey\":\"nao_existe\"}")
                .when().post(w.path()).then().statusCode(400).body("errors.field", hasItem("templateKey"));
        given().auth().oauth2(w.token()).contentType("application/json")
                .body("{\"name\":\"x\",\"trigger\":{\"connector\":\"hotmart\",\"key\":\"nao_existe\"},"
                        + "\"action\":{\"connector\":\"kommo\",\"key\":\"create_or_update_lead\"}}")
                .when().post(w.path()).then().statusCode(400).body("errors.field", hasItem("trigger"));
        given().auth().oauth2(w.token()).contentType("application/json")
                .body("{\"templateKey\":\"purchase_approved_to_kommo_lead\",\"name\":\"" + "x".repeat(201) + "\"}")
                .when().post(w.path()).then().statusCode(400).body("errors.field", hasItem("name"));
    }

    @Test
    void shouldNotShowOrChangeAnotherWorkspacesAutomations() {
        Workspace owner = newWorkspace("Edu");
        Workspace stranger = newWorkspace("Fabi");
        String id = fromTemplate(owner, "purchase_approved_to_kommo_lead");
        String theirs = owner.path() + "/" + id;

        given().auth().oauth2(stranger.token()).when().get(owner.path()).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(stranger.token()).when().get(theirs).then().statusCode(404);
        given().auth().oauth2(stranger.token()).when().post(theirs + "/activate").then().statusCode(404);
        given().auth().oauth2(stranger.token()).when().post(theirs + "/pause").then().statusCode(404);
        given().auth().oauth2(stranger.token()).when().post(theirs + "/preview").then().statusCode(404);
        given().auth().oauth2(stranger.token()).contentType("application/json").body("{}").when().put(theirs).then().statusCode(404);
        given().auth().oauth2(stranger.token()).when().delete(theirs).then().statusCode(404);
        // the automation's id under the stranger's own workspace is just as unknown
        String mine = stranger.path() + "/" + id;
        given().auth().oauth2(stranger.token()).when().get(mine).then().statusCode(404);
        given().auth().oauth2(stranger.token()).when().post(mine + "/activate").then().statusCode(404);
        given().auth().oauth2(stranger.token()).when().delete(mine).then().statusCode(404);
        given().auth().oauth2(stranger.token()).when().get(stranger.path()).then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(owner.token()).when().get(theirs).then().statusCode(200).body("status", equalTo("DRAFT"));
    }

    @Test
    void letsAMemberReadAndPreviewButNotChangeAutomations() {
        Workspace owner = newWorkspace("Gui");
        Workspace member = newWorkspace("Hele");
        String id = fromTemplate(owner, "cart_abandoned_to_kommo_lead");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "INSERT INTO membership (id, tenant_id, user_id, role) VALUES (?1, ?2, ?3, 'MEMBER')")
                .setParameter(1, UUID.randomUUID()).setParameter(2, UUID.fromString(owner.id()))
                .setParameter(3, UUID.fromString(member.userId())).executeUpdate());

        given().auth().oauth2(member.token()).when().get(owner.path() + "/" + id).then().statusCode(200);
        given().auth().oauth2(member.token()).when().post(owner.path() + "/" + id + "/preview").then().statusCode(200);
        given().auth().oauth2(member.token()).when().post(owner.path() + "/" + id + "/activate").then().statusCode(403);
        given().auth().oauth2(member.token()).when().delete(owner.path() + "/" + id).then().statusCode(403);
        given().auth().oauth2(member.token()).contentType("application/json")
                .body("{\"templateKey\":\"cart_abandoned_to_kommo_lead\"}").when().post(owner.path()).then().statusCode(403);
    }

    @Test
    void deletingHidesTheAutomationButKeepsItsVersions() {
        Workspace w = newWorkspace("Iara");
        String id = fromTemplate(w, "purchase_refunded_to_kommo_lead");

        given().auth().oauth2(w.token()).when().delete(w.path() + "/" + id).then().statusCode(204);

        given().auth().oauth2(w.token()).when().get(w.path() + "/" + id).then().statusCode(404);
        given().auth().oauth2(w.token()).when().get(w.path()).then().statusCode(200).body("items.id", not(hasItem(id)));
        long versions = QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM automation_version WHERE automation_id = ?1")
                .setParameter(1, UUID.fromString(id)).getSingleResult()).longValue());
        org.junit.jupiter.api.Assertions.assertEquals(1, versions);
    }
}
