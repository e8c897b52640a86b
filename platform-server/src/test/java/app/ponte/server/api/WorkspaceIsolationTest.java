package app.ponte.server.api;

import static app.ponte.server.testing.ApiUsers.invite;
import static app.ponte.server.testing.ApiUsers.newUser;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import app.ponte.server.testing.ApiUsers.ApiUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** A user of workspace B learns nothing about workspace A and changes nothing in it. */
@QuarkusTest
class WorkspaceIsolationTest {

    private static void notFoundWithoutData(ValidatableResponse response, ApiUser victim) {
        response.statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(404))
                .body(not(containsString(victim.email())))
                .body(not(containsString("Espaço de Ana")))
                .body(not(containsString(victim.userId())));
    }

    @Test
    void shouldNotShowOrChangeAnotherWorkspacesMembersInvitationsAuditOrSettings() {
        ApiUser a = newUser("Ana");
        ApiUser b = newUser("Beto");
        invite(a, "MEMBER");
        String invitationId = a.call().when().get("/api/v1/workspaces/" + a.workspaceId() + "/invitations")
                .then().statusCode(200).extract().path("[0].id");
        String ws = "/api/v1/workspaces/" + a.workspaceId();

        notFoundWithoutData(b.call().when().get(ws).then(), a);
        notFoundWithoutData(b.call().body("{\"name\":\"Tomado\"}").when().patch(ws).then(), a);
        notFoundWithoutData(b.call().when().get(ws + "/members").then(), a);
        notFoundWithoutData(b.call().body("{\"role\":\"MEMBER\"}").when().patch(ws + "/members/" + a.userId()).then(), a);
        notFoundWithoutData(b.call().when().delete(ws + "/members/" + a.userId()).then(), a);
        notFoundWithoutData(b.call().body("{\"role\":\"OWNER\"}").when().post(ws + "/invitations").then(), a);
        notFoundWithoutData(b.call().when().get(ws + "/invitations").then(), a);
        notFoundWithoutData(b.call().when().delete(ws + "/invitations/" + invitationId).then(), a);
        notFoundWithoutData(b.call().when().get(ws + "/audit").then(), a);
        notFoundWithoutData(b.call().body("{\"workspaceId\":\"" + a.workspaceId() + "\"}").when().put("/api/v1/me/current-workspace").then(), a);

        // A's ids under B's own workspace are just as unknown
        String mine = "/api/v1/workspaces/" + b.workspaceId();
        b.call().when().delete(mine + "/invitations/" + invitationId).then().statusCode(404);
        b.call().body("{\"role\":\"MEMBER\"}").when().patch(mine + "/members/" + a.userId()).then().statusCode(404);
        b.call().when().delete(mine + "/members/" + a.userId()).then().statusCode(404);

        a.call().when().get(ws).then().statusCode(200).body("name", equalTo("Espaço de Ana"));
        a.call().when().get(ws + "/invitations").then().statusCode(200).body("[0].id", equalTo(invitationId));
        a.call().when().get(ws + "/members").then().statusCode(200).body("[0].role", equalTo("OWNER"));
    }
}
