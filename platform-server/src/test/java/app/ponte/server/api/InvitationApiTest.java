package app.ponte.server.api;

import static app.ponte.server.testing.ApiUsers.invite;
import static app.ponte.server.testing.ApiUsers.newUser;
import static app.ponte.server.testing.ApiUsers.tokenOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.ponte.server.testing.ApiUsers.ApiUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InvitationApiTest {

    @Inject
    EntityManager em;

    private static String invitations(ApiUser user) {
        return "/api/v1/workspaces/" + user.workspaceId() + "/invitations";
    }

    @Test
    void invitedUserAcceptsTheLinkSeesTheWorkspaceAndCanSwitchToIt() {
        ApiUser owner = newUser("Ana");
        ApiUser guest = newUser("Beto");
        String link = owner.call().body("{\"role\":\"ADMIN\"}").when().post(invitations(owner))
                .then().statusCode(201)
                .body("link", matchesPattern("http://localhost:8080/invitations/[A-Za-z0-9_-]{43}"))
                .body("invitation.role", equalTo("ADMIN"))
                .body("invitation.invitedByName", equalTo("Ana"))
                .extract().path("link");
        String token = tokenOf(link);

        guest.call().when().get("/api/v1/invitations/" + token).then().statusCode(200)
                .body("workspaceName", equalTo("Espaço de Ana"))
                .body("role", equalTo("ADMIN"))
                .body("invitedByName", equalTo("Ana"));
        guest.call().when().post("/api/v1/invitations/" + token + "/accept").then().statusCode(200)
                .body("id", equalTo(owner.workspaceId()))
                .body("role", equalTo("ADMIN"));

        guest.call().when().get("/api/v1/me").then().statusCode(200)
                .body("workspaces", hasSize(2))
                .body("workspaces.id", hasItems(guest.workspaceId(), owner.workspaceId()))
                .body("currentWorkspaceId", equalTo(guest.workspaceId()));
        guest.call().body("{\"workspaceId\":\"" + owner.workspaceId() + "\"}").when().put("/api/v1/me/current-workspace")
                .then().statusCode(200).body("currentWorkspaceId", equalTo(owner.workspaceId()));
        guest.call().when().get("/api/v1/me").then().statusCode(200)
                .body("currentWorkspaceId", equalTo(owner.workspaceId()))
                .body("workspaces.find { it.id == '" + owner.workspaceId() + "' }.role", equalTo("ADMIN"))
                .body("workspaces.find { it.id == '" + owner.workspaceId() + "' }.timeZone", equalTo("America/Sao_Paulo"));
        owner.call().when().get("/api/v1/workspaces/" + owner.workspaceId() + "/members").then().statusCode(200)
                .body("userId", hasItems(owner.userId(), guest.userId()))
                .body("find { it.userId == '" + guest.userId() + "' }.role", equalTo("ADMIN"))
                .body("find { it.userId == '" + guest.userId() + "' }.email", equalTo(guest.email()));
    }

    @Test
    void storesOnlyTheHashOfTheLinkToken() {
        ApiUser owner = newUser("Caio");
        String token = invite(owner, "MEMBER");

        List<?> stored = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT token_hash FROM invitation WHERE tenant_id = ?1")
                .setParameter(1, UUID.fromString(owner.workspaceId())).getResultList());

        assertEquals(1, stored.size());
        assertFalse(stored.get(0).toString().contains(token));
        assertEquals(64, stored.get(0).toString().length());
    }

    @Test
    void refusesAnEmailBoundInvitationToAnotherEmailButLetsTheRightPersonIn() {
        ApiUser owner = newUser("Duda");
        ApiUser intruder = newUser("Edu");
        ApiUser invited = newUser("Fabi", "Fabi.Souza." + UUID.randomUUID().toString().substring(0, 6) + "@Example.com");
        String token = tokenOf(owner.call().body("{\"role\":\"MEMBER\",\"email\":\"" + invited.email().toLowerCase() + "\"}")
                .when().post(invitations(owner)).then().statusCode(201)
                .body("invitation.email", equalTo(invited.email().toLowerCase()))
                .extract().path("link"));

        intruder.call().when().post("/api/v1/invitations/" + token + "/accept").then().statusCode(403)
                .contentType(Problem.MEDIA_TYPE).body("detail", containsString("another e-mail"));
        invited.call().when().get("/api/v1/invitations/" + token).then().statusCode(200)
                .body("email", matchesPattern("f\\*\\*\\*@example\\.com"));
        invited.call().when().post("/api/v1/invitations/" + token + "/accept").then().statusCode(200)
                .body("role", equalTo("MEMBER"));
    }

    @Test
    void aUsedInvitationCannotBeUsedAgain() {
        ApiUser owner = newUser("Gui");
        ApiUser first = newUser("Hele");
        ApiUser second = newUser("Ivo");
        String token = invite(owner, "MEMBER");
        first.call().when().post("/api/v1/invitations/" + token + "/accept").then().statusCode(200);

        first.call().when().post("/api/v1/invitations/" + token + "/accept").then().statusCode(410)
                .contentType(Problem.MEDIA_TYPE).body("detail", containsString("already used"));
        second.call().when().post("/api/v1/invitations/" + token + "/accept").then().statusCode(410);
        owner.call().when().get(invitations(owner)).then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void anExpiredInvitationIsGone() {
        ApiUser owner = newUser("Juca");
        ApiUser late = newUser("Kiko");
        String token = invite(owner, "MEMBER");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE invitation SET expires_at = now() - interval '1 minute' WHERE tenant_id = ?1")
                .setParameter(1, UUID.fromString(owner.workspaceId())).executeUpdate());

        late.call().when().post("/api/v1/invitations/" + token + "/accept").then().statusCode(410)
                .contentType(Problem.MEDIA_TYPE).body("detail", containsString("expired"));
        owner.call().when().get(invitations(owner)).then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aRevokedInvitationIsGoneAndNoLongerPending() {
        ApiUser owner = newUser("Lia");
        ApiUser guest = newUser("Mel");
        String token = invite(owner, "MEMBER");
        String id = owner.call().when().get(invitations(owner)).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].role", equalTo("MEMBER")).body("[0].email", nullValue())
                .body(not(containsString(token)))
                .extract().path("[0].id");

        owner.call().when().delete(invitations(owner) + "/" + id).then().statusCode(204);

        owner.call().when().get(invitations(owner)).then().statusCode(200).body("$", hasSize(0));
        guest.call().when().post("/api/v1/invitations/" + token + "/accept").then().statusCode(410)
                .body("detail", containsString("revoked"));
        owner.call().when().delete(invitations(owner) + "/" + id).then().statusCode(204);
    }

    @Test
    void revokingAnAcceptedInvitationIsAConflict() {
        ApiUser owner = newUser("Nina");
        ApiUser guest = newUser("Otto");
        String token = invite(owner, "MEMBER");
        String id = owner.call().when().get(invitations(owner)).then().extract().path("[0].id");
        guest.call().when().post("/api/v1/invitations/" + token + "/accept").then().statusCode(200);

        owner.call().when().delete(invitations(owner) + "/" + id).then().statusCode(409).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void anUnknownOrMalformedLinkIsNotFound() {
        ApiUser user = newUser("Pepe");
        String unknown = "A".repeat(43);

        user.call().when().post("/api/v1/invitations/" + unknown + "/accept").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        user.call().when().get("/api/v1/invitations/" + unknown).then().statusCode(404);
        user.call().when().post("/api/v1/invitations/short/accept").then().statusCode(404);
    }

    @Test
    void anExistingMemberGetsAConflictAndTheLinkStaysUsable() {
        ApiUser owner = newUser("Quel");
        ApiUser other = newUser("Rui");
        String token = invite(owner, "ADMIN");

        owner.call().when().post("/api/v1/invitations/" + token + "/accept").then().statusCode(409)
                .contentType(Problem.MEDIA_TYPE).body("detail", containsString("already a member"));
        other.call().when().post("/api/v1/invitations/" + token + "/accept").then().statusCode(200);
    }

    @Test
    void aMemberCannotInviteNorSeeInvitations() {
        ApiUser owner = newUser("Sara");
        ApiUser member = newUser("Teo");
        app.ponte.server.testing.ApiUsers.join(owner, member, "MEMBER");

        member.call().body("{\"role\":\"MEMBER\"}").when().post(invitations(owner)).then().statusCode(403)
                .contentType(Problem.MEDIA_TYPE);
        member.call().when().get(invitations(owner)).then().statusCode(403);
    }

    @Test
    void onlyAnOwnerInvitesOwners() {
        ApiUser owner = newUser("Ugo");
        ApiUser admin = newUser("Vera");
        app.ponte.server.testing.ApiUsers.join(owner, admin, "ADMIN");

        admin.call().body("{\"role\":\"OWNER\"}").when().post(invitations(owner)).then().statusCode(403);
        admin.call().body("{\"role\":\"ADMIN\"}").when().post(invitations(owner)).then().statusCode(201);
        owner.call().body("{\"role\":\"OWNER\"}").when().post(invitations(owner)).then().statusCode(201);
    }

    @Test
    void explainsAMissingRoleOrABadEmailFieldByField() {
        ApiUser owner = newUser("Wil");

        owner.call().body("{}").when().post(invitations(owner)).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("errors.field", hasItem("role"));
        owner.call().body("{\"role\":\"BOSS\"}").when().post(invitations(owner)).then().statusCode(400)
                .body("errors.field", hasItem("role"));
        owner.call().body("{\"role\":\"MEMBER\",\"email\":\"not-an-email\"}").when().post(invitations(owner)).then().statusCode(400)
                .body("errors.field", hasItem("email"));
    }
}
