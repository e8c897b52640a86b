package app.ponte.server.api;

import static app.ponte.server.testing.ApiUsers.join;
import static app.ponte.server.testing.ApiUsers.newUser;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import app.ponte.server.testing.ApiUsers.ApiUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WorkspaceApiTest {

    private static String workspace(ApiUser owner) {
        return "/api/v1/workspaces/" + owner.workspaceId();
    }

    @Test
    void showsTheSettingsWithTheDefaultTimeZone() {
        ApiUser owner = newUser("Ana");

        owner.call().when().get(workspace(owner)).then().statusCode(200)
                .body("id", equalTo(owner.workspaceId()))
                .body("name", equalTo("Espaço de Ana"))
                .body("timeZone", equalTo("America/Sao_Paulo"))
                .body("yourRole", equalTo("OWNER"));
    }

    @Test
    void anOwnerRenamesAndChangesTheTimeZone() {
        ApiUser owner = newUser("Bia");

        owner.call().body("{\"name\":\"  Loja da Bia  \",\"timeZone\":\"America/Manaus\"}").when().patch(workspace(owner))
                .then().statusCode(200).body("name", equalTo("Loja da Bia")).body("timeZone", equalTo("America/Manaus"));
        owner.call().body("{\"timeZone\":\"Europe/Lisbon\"}").when().patch(workspace(owner))
                .then().statusCode(200).body("name", equalTo("Loja da Bia")).body("timeZone", equalTo("Europe/Lisbon"));

        owner.call().when().get("/api/v1/me").then()
                .body("workspaces[0].name", equalTo("Loja da Bia"))
                .body("workspaces[0].timeZone", equalTo("Europe/Lisbon"));
    }

    @Test
    void refusesAnEmptyOrLongNameAndAnUnknownTimeZone() {
        ApiUser owner = newUser("Caio");

        owner.call().body("{\"name\":\"   \",\"timeZone\":\"Mars/Olympus\"}").when().patch(workspace(owner))
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItems("name", "timeZone"));
        owner.call().body("{\"name\":\"" + "x".repeat(121) + "\"}").when().patch(workspace(owner))
                .then().statusCode(400).body("errors.field", hasItem("name"));
        owner.call().when().get(workspace(owner)).then().body("name", equalTo("Espaço de Caio"));
    }

    @Test
    void aMemberReadsButCannotChangeTheSettings() {
        ApiUser owner = newUser("Duda");
        ApiUser member = newUser("Edu");
        join(owner, member, "MEMBER");

        member.call().when().get(workspace(owner)).then().statusCode(200).body("yourRole", equalTo("MEMBER"));
        member.call().body("{\"name\":\"Meu agora\"}").when().patch(workspace(owner))
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void anAdminChangesTheSettings() {
        ApiUser owner = newUser("Fabi");
        ApiUser admin = newUser("Gui");
        join(owner, admin, "ADMIN");

        admin.call().body("{\"name\":\"Equipe\"}").when().patch(workspace(owner)).then().statusCode(200).body("name", equalTo("Equipe"));
    }

    @Test
    void switchingToAWorkspaceOneDoesNotBelongToIsNotFound() {
        ApiUser owner = newUser("Hele");
        ApiUser stranger = newUser("Ivo");

        stranger.call().body("{\"workspaceId\":\"" + owner.workspaceId() + "\"}").when().put("/api/v1/me/current-workspace")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        stranger.call().body("{}").when().put("/api/v1/me/current-workspace")
                .then().statusCode(400).body("errors.field", hasItem("workspaceId"));
        stranger.call().when().get("/api/v1/me").then().body("currentWorkspaceId", equalTo(stranger.workspaceId()));
    }
}
