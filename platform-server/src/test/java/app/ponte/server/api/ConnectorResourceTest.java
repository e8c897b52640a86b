package app.ponte.server.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConnectorResourceTest {

    @Test
    void listsEveryDiscoveredConnectorWithoutLogin() {
        given().when().get("/api/v1/connectors")
                .then().statusCode(200)
                .body("id", containsInAnyOrder("hotmart", "kommo"))
                .body("find { it.id == 'kommo' }.auth", equalTo("oauth2"))
                .body("find { it.id == 'hotmart' }.auth", equalTo("webhook_secret"));
    }

    @Test
    void answers404ForAnUnknownConnector() {
        given().when().get("/api/v1/connectors/pipedrive").then().statusCode(404);
    }
}
