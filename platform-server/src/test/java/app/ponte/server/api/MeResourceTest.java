package app.ponte.server.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import app.ponte.server.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MeResourceTest {

    @Test
    void rejectsCallsWithoutBearerTokenWith401InsteadOfRedirecting() {
        given().redirects().follow(false).when().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void rejectsATokenSignedByAnotherKey() {
        String forged = Tokens.bearer("forger", "f@example.com", "F").replaceAll("\\.[^.]+$", ".c2lnbmF0dXJl");
        given().auth().oauth2(forged).when().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void createsTheWorkspaceOnFirstCallAndReusesItAfterwards() {
        String subject = UUID.randomUUID().toString();
        String token = Tokens.bearer(subject, "Maria.Silva@example.com", "Maria Silva");

        String first = given().auth().oauth2(token).when().get("/api/v1/me")
                .then().statusCode(200)
                .body("email", equalTo("Maria.Silva@example.com"))
                .body("displayName", equalTo("Maria Silva"))
                .body("workspaces", hasSize(1))
                .body("workspaces[0].name", equalTo("Espaço de Maria"))
                .body("workspaces[0].role", equalTo("OWNER"))
                .body("workspaces[0].timeZone", equalTo("America/Sao_Paulo"))
                .extract().path("workspaces[0].id");

        String second = given().auth().oauth2(token).when().get("/api/v1/me")
                .then().statusCode(200)
                .body("workspaces", hasSize(1))
                .extract().path("workspaces[0].id");
        assertEquals(first, second);
    }

    @Test
    void givesEachNewUserTheirOwnWorkspace() {
        String a = given().auth().oauth2(Tokens.bearer(UUID.randomUUID().toString(), "a@example.com", "Ana"))
                .when().get("/api/v1/me").then().statusCode(200).extract().path("workspaces[0].id");
        String b = given().auth().oauth2(Tokens.bearer(UUID.randomUUID().toString(), "b@example.com", "Bruno"))
                .when().get("/api/v1/me").then().statusCode(200).extract().path("workspaces[0].id");
        assertNotEquals(a, b);
    }
}
