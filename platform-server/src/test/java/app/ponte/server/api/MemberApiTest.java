package app.ponte.server.api;

import static app.ponte.server.testing.ApiUsers.join;
import static app.ponte.server.testing.ApiUsers.newUser;
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
class MemberApiTest {

    private static String members(ApiUser owner) {
        return "/api/v1/workspaces/" + owner.workspaceId() + "/members";
    }

    private static String roleOf(String role) {
        return "{\"role\":\"" + role + "\"}";
    }

    @Test
    void everyMemberSeesNameEmailRoleAndSince() {
        ApiUser owner = newUser("Ana");
        ApiUser member = newUser("Bia");
        join(owner, member, "MEMBER");

        member.call().when().get(members(owner)).then().statusCode(200)
                .body("$", hasSize(2))
                .body("[0].userId", equalTo(owner.userId()))
                .body("[0].name", equalTo("Ana"))
                .body("[0].email", equalTo(owner.email()))
                .body("[0].role", equalTo("OWNER"))
                .body("[0].since", notNullValue())
                .body("[1].userId", equalTo(member.userId()))
                .body("[1].role", equalTo("MEMBER"));
    }

    @Test
    void anOwnerPromotesAndDemotes() {
        ApiUser owner = newUser("Caio");
        ApiUser member = newUser("Dani");
        join(owner, member, "MEMBER");

        owner.call().body(roleOf("admin")).when().patch(members(owner) + "/" + member.userId())
                .then().statusCode(200).body("role", equalTo("ADMIN")).body("userId", equalTo(member.userId()));
        owner.call().body(roleOf("OWNER")).when().patch(members(owner) + "/" + member.userId())
                .then().statusCode(200).body("role", equalTo("OWNER"));
        member.call().body(roleOf("MEMBER")).when().patch(members(owner) + "/" + owner.userId())
                .then().statusCode(200).body("role", equalTo("MEMBER"));

        owner.call().when().get("/api/v1/me").then()
                .body("workspaces.find { it.id == '" + owner.workspaceId() + "' }.role", equalTo("MEMBER"));
    }

    @Test
    void theLastOwnerCannotBeDemotedNorLeave() {
        ApiUser owner = newUser("Edu");
        ApiUser admin = newUser("Feli");
        join(owner, admin, "ADMIN");

        owner.call().body(roleOf("ADMIN")).when().patch(members(owner) + "/" + owner.userId())
                .then().statusCode(409).contentType(Problem.MEDIA_TYPE).body("detail", containsString("last owner"));
        owner.call().when().delete(members(owner) + "/" + owner.userId())
                .then().statusCode(409).contentType(Problem.MEDIA_TYPE);

        owner.call().body(roleOf("OWNER")).when().patch(members(owner) + "/" + admin.userId()).then().statusCode(200);
        owner.call().when().delete(members(owner) + "/" + owner.userId()).then().statusCode(204);
        admin.call().when().get(members(owner)).then().statusCode(200).body("userId", not(hasItem(owner.userId())));
        admin.call().when().delete(members(owner) + "/" + admin.userId()).then().statusCode(409);
    }

    @Test
    void anAdminManagesMembersButNotOwners() {
        ApiUser owner = newUser("Gabi");
        ApiUser admin = newUser("Hugo");
        ApiUser member = newUser("Iara");
        join(owner, admin, "ADMIN");
        join(owner, member, "MEMBER");

        admin.call().body(roleOf("ADMIN")).when().patch(members(owner) + "/" + member.userId()).then().statusCode(200);
        admin.call().body(roleOf("OWNER")).when().patch(members(owner) + "/" + member.userId())
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        admin.call().body(roleOf("ADMIN")).when().patch(members(owner) + "/" + owner.userId()).then().statusCode(403);
        admin.call().when().delete(members(owner) + "/" + owner.userId()).then().statusCode(403);
        admin.call().when().delete(members(owner) + "/" + member.userId()).then().statusCode(204);
        owner.call().when().get(members(owner)).then().body("userId", not(hasItem(member.userId())));
    }

    @Test
    void aMemberCannotChangeRolesNorRemoveOthersButMayLeave() {
        ApiUser owner = newUser("Joca");
        ApiUser member = newUser("Kaya");
        ApiUser other = newUser("Leo");
        join(owner, member, "MEMBER");
        join(owner, other, "MEMBER");

        member.call().body(roleOf("ADMIN")).when().patch(members(owner) + "/" + member.userId())
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        member.call().body(roleOf("MEMBER")).when().patch(members(owner) + "/" + other.userId()).then().statusCode(403);
        member.call().when().delete(members(owner) + "/" + other.userId()).then().statusCode(403);

        member.call().when().delete(members(owner) + "/" + member.userId()).then().statusCode(204);
        member.call().when().get(members(owner)).then().statusCode(404);
        member.call().when().get("/api/v1/me").then().body("workspaces", hasSize(1))
                .body("currentWorkspaceId", equalTo(member.workspaceId()));
    }

    @Test
    void leavingTheCurrentWorkspaceFallsBackToTheFirst() {
        ApiUser owner = newUser("Malu");
        ApiUser member = newUser("Neco");
        join(owner, member, "MEMBER");
        member.call().body("{\"workspaceId\":\"" + owner.workspaceId() + "\"}").when().put("/api/v1/me/current-workspace")
                .then().statusCode(200);

        owner.call().when().delete(members(owner) + "/" + member.userId()).then().statusCode(204);

        member.call().when().get("/api/v1/me").then().body("currentWorkspaceId", equalTo(member.workspaceId()));
    }

    @Test
    void anUnknownMemberOrRoleIsExplained() {
        ApiUser owner = newUser("Olga");
        ApiUser stranger = newUser("Pio");

        owner.call().body(roleOf("ADMIN")).when().patch(members(owner) + "/" + stranger.userId())
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        owner.call().when().delete(members(owner) + "/" + stranger.userId()).then().statusCode(404);
        owner.call().body(roleOf("CHEFE")).when().patch(members(owner) + "/" + owner.userId())
                .then().statusCode(400).body("errors.field", hasItem("role"));
    }
}
