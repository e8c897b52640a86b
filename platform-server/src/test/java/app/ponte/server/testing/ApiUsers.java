package app.ponte.server.testing;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Users of the REST API for tests: each new one signs in and gets their own workspace. */
public final class ApiUsers {

    private ApiUsers() {
    }

    /** A signed-in user, their bearer token and the workspace their first sign-in created. */
    public record ApiUser(String token, String userId, String email, String workspaceId) {

        public RequestSpecification call() {
            return given().auth().oauth2(token).contentType("application/json");
        }
    }

    public static ApiUser newUser(String name) {
        String email = name.toLowerCase() + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        return newUser(name, email);
    }

    public static ApiUser newUser(String name, String email) {
        String token = Tokens.bearer(UUID.randomUUID().toString(), email, name);
        var me = given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(200).extract().jsonPath();
        return new ApiUser(token, me.getString("id"), email, me.getString("workspaces[0].id"));
    }

    /** The token at the end of an invitation link. */
    public static String tokenOf(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    /** {@code admin} invites to their own first workspace with {@code role}; answers the link's token. */
    public static String invite(ApiUser admin, String role) {
        return invite(admin, admin.workspaceId(), role);
    }

    /** {@code admin} invites to {@code workspaceId} with {@code role}; answers the link's token. */
    public static String invite(ApiUser admin, String workspaceId, String role) {
        String link = admin.call().body("{\"role\":\"" + role + "\"}")
                .when().post("/api/v1/workspaces/" + workspaceId + "/invitations")
                .then().statusCode(201).extract().path("link");
        return tokenOf(link);
    }

    /** {@code user} joins {@code owner}'s workspace with {@code role} through an invitation. */
    public static void join(ApiUser owner, ApiUser user, String role) {
        String token = invite(owner, role);
        user.call().when().post("/api/v1/invitations/" + token + "/accept").then().statusCode(200);
    }
}
