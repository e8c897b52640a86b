package app.ponte.server.api;

import static app.ponte.server.testing.ApiUsers.join;
import static app.ponte.server.testing.ApiUsers.newUser;
import static app.ponte.server.testing.ApiUsers.tokenOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import app.ponte.server.testing.ApiUsers.ApiUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditApiTest {

    @Test
    void recordsEveryMembershipAndSettingsActionNewestFirstWithoutTokens() {
        ApiUser owner = newUser("Ana");
        ApiUser guest = newUser("Beto");
        String ws = "/api/v1/workspaces/" + owner.workspaceId();
        String invitedEmail = "convidada.audit@example.com";
        String token = tokenOf(owner.call().body("{\"role\":\"MEMBER\",\"email\":\"" + invitedEmail + "\"}")
                .when().post(ws + "/invitations").then().statusCode(201).extract().path("link"));
        String revokedToken = tokenOf(owner.call().body("{\"role\":\"ADMIN\"}")
                .when().post(ws + "/invitations").then().statusCode(201).extract().path("link"));
        String revokedId = owner.call().when().get(ws + "/invitations").then().extract().path("find { it.role == 'ADMIN' }.id");
        owner.call().when().delete(ws + "/invitations/" + revokedId).then().statusCode(204);
        owner.call().body("{\"role\":\"MEMBER\"}").when().post(ws + "/invitations").then().statusCode(201);
        String guestToken = tokenOf(owner.call().body("{\"role\":\"MEMBER\"}")
                .when().post(ws + "/invitations").then().statusCode(201).extract().path("link"));
        guest.call().when().post("/api/v1/invitations/" + guestToken + "/accept").then().statusCode(200);
        owner.call().body("{\"role\":\"ADMIN\"}").when().patch(ws + "/members/" + guest.userId()).then().statusCode(200);
        owner.call().body("{\"timeZone\":\"America/Recife\"}").when().patch(ws).then().statusCode(200);
        owner.call().when().delete(ws + "/members/" + guest.userId()).then().statusCode(204);

        String body = owner.call().when().get(ws + "/audit").then().statusCode(200)
                .body("total", equalTo(9))
                .body("page", equalTo(0))
                .body("items.action", contains("member.removed", "workspace.updated", "member.role_changed",
                        "member.joined", "member.invited", "member.invited", "invitation.revoked", "member.invited",
                        "member.invited"))
                .body("items[0].actor.userId", equalTo(owner.userId()))
                .body("items[0].actor.name", equalTo("Ana"))
                .body("items[0].target.type", equalTo("member"))
                .body("items[0].target.id", equalTo(guest.userId()))
                .body("items[0].detail.role", equalTo("ADMIN"))
                .body("items[0].detail.left", equalTo(false))
                .body("items[0].at", notNullValue())
                .body("items[1].detail.time_zone", equalTo("America/Recife"))
                .body("items[1].detail.previous_time_zone", equalTo("America/Sao_Paulo"))
                .body("items[2].detail.from", equalTo("MEMBER"))
                .body("items[2].detail.to", equalTo("ADMIN"))
                .body("items[3].actor.name", equalTo("Beto"))
                .body("items[3].actor.userId", equalTo(guest.userId()))
                .body("items[3].detail.invited_by", equalTo(owner.userId()))
                .body("items[8].detail.email", equalTo("c***@example.com"))
                .body("items[6].target.id", equalTo(revokedId))
                .extract().asString();

        for (String secret : new String[] {token, revokedToken, guestToken, invitedEmail, guest.email()}) {
            org.junit.jupiter.api.Assertions.assertFalse(body.contains(secret), "the audit log shows no tokens nor full e-mails");
        }
    }

    @Test
    void pagesThroughTheLogWithATotal() {
        ApiUser owner = newUser("Caio");
        String ws = "/api/v1/workspaces/" + owner.workspaceId();
        for (int i = 0; i < 5; i++) {
            owner.call().body("{\"name\":\"Nome " + i + "\"}").when().patch(ws).then().statusCode(200);
        }

        owner.call().when().get(ws + "/audit?page=0&size=2").then().statusCode(200)
                .body("total", equalTo(5)).body("size", equalTo(2))
                .body("items", hasSize(2)).body("items[0].detail.name", equalTo("Nome 4"));
        owner.call().when().get(ws + "/audit?page=2&size=2").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].detail.name", equalTo("Nome 0"))
                .body("items[0].detail.previous_name", equalTo("Espaço de Caio"));
        owner.call().when().get(ws + "/audit?page=3&size=2").then().statusCode(200).body("items", hasSize(0)).body("total", equalTo(5));
        owner.call().when().get(ws + "/audit?page=-1&size=500").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("page")).body("errors.field", hasItem("size"));
    }

    @Test
    void onlyOwnersAndAdminsReadTheLog() {
        ApiUser owner = newUser("Duda");
        ApiUser member = newUser("Edu");
        ApiUser admin = newUser("Fabi");
        join(owner, member, "MEMBER");
        join(owner, admin, "ADMIN");
        String audit = "/api/v1/workspaces/" + owner.workspaceId() + "/audit";

        member.call().when().get(audit).then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body(not(containsString("member.")));
        admin.call().when().get(audit).then().statusCode(200).body("total", equalTo(4));
    }
}
