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
                .body("find { it.id == 'kommo' }.auth.type", equalTo("oauth2"))
                .body("find { it.id == 'hotmart' }.auth.type", equalTo("webhook_secret"))
                .body("find { it.id == 'hotmart' }.auth.headerName", equalTo("X-HOTMART-HOTTOK"));
    }

    @Test
    void servesOneConnectorsFullCatalog() {
        given().when().get("/api/v1/connectors/hotmart")
                .then().statusCode(200)
                .body("id", equalTo("hotmart"))
                .body("name", equalTo("Hotmart"))
                .body("category", equalTo("sales_and_payments"));
    }

    @Test
    void listsTheFieldTypesWithTheirLabelsAndValueKinds() {
        given().when().get("/api/v1/field-types")
                .then().statusCode(200)
                .body("find { it.type == 'money' }.label.pt", equalTo("Valor em dinheiro"))
                .body("find { it.type == 'money' }.kind", equalTo("money"))
                .body("find { it.type == 'date' }.label.en", equalTo("Date"))
                .body("find { it.type == 'date' }.kind", equalTo("timestamp"));
    }

    @Test
    void answers404ForAnUnknownConnector() {
        given().when().get("/api/v1/connectors/pipedrive").then().statusCode(404);
    }
}
