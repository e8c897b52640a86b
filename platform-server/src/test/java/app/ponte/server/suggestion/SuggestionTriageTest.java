package app.ponte.server.suggestion;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.server.suggestion.SuggestionFormPageTest.Visitor;
import app.ponte.server.testing.BrowserSession;
import app.ponte.server.testing.OidcOperator;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operators' page: only the platform-operator role opens it; operators list and triage suggestions. */
@QuarkusTest
class SuggestionTriageTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @OidcWireMock
    WireMockServer oidc;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void teachTheOperatorToTheIdentityProvider() {
        OidcOperator.register(oidc);
    }

    @Test
    void sendsVisitorsWithoutASessionToSignIn() {
        Response response = given().redirects().follow(false).when().get("/admin/sugestoes");

        assertEquals(302, response.statusCode());
        assertTrue(response.header("Location").contains("/realms/quarkus"), response.header("Location"));
    }

    @Test
    void refusesSignedInUsersWhoAreNotOperators() {
        CookieFilter alice = BrowserSession.signIn();

        given().filter(alice).redirects().follow(false).when().get("/admin/sugestoes").then().statusCode(403);
        given().filter(alice).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("status", "DECLINED").formParam("csrf", "whatever")
                .when().post("/admin/sugestoes/" + UUID.randomUUID() + "/status").then().statusCode(403);
    }

    @Test
    void showsOperatorsTheNewestSuggestionsFirst() {
        String older = SuggestionFormPageTest.marker();
        String newer = SuggestionFormPageTest.marker();
        Visitor visitor = new Visitor();
        assertEquals(303, visitor.send(SuggestionFormPageTest.form("Carla Dias", "carla@example.com", older).connectors("hotmart")
                .otherTools("ActiveCampaign")).statusCode());
        assertEquals(303, visitor.send(SuggestionFormPageTest.form("Davi <b>Lima</b>", "davi@example.com", newer).connectors("kommo"))
                .statusCode());
        CookieFilter operator = BrowserSession.signIn(OidcOperator.USERNAME, "/admin/sugestoes");

        String page = given().filter(operator).when().get("/admin/sugestoes").then().statusCode(200)
                .body(containsString("Sugestões"))
                .body(containsString("Carla Dias &lt;<a href=\"mailto:carla@example.com\">carla@example.com</a>&gt;"))
                .body(containsString("Hotmart, ActiveCampaign"))
                .body(containsString("Davi &lt;b&gt;Lima&lt;/b&gt;"))
                .extract().asString();

        assertTrue(page.indexOf(newer) < page.indexOf(older), "newest first");
        given().filter(operator).when().get("/admin/sugestoes?lang=en").then().statusCode(200)
                .body(containsString("Use cases sent through the public form, newest first."));
    }

    @Test
    void letsOperatorsChangeTheStatusWithTheirFormToken() throws SQLException {
        String marker = SuggestionFormPageTest.marker();
        assertEquals(303, new Visitor().send(SuggestionFormPageTest.form("Eva", "eva@example.com", marker).connectors("kommo"))
                .statusCode());
        UUID id = idOf(marker);
        CookieFilter operator = BrowserSession.signIn(OidcOperator.USERNAME, "/admin/sugestoes");
        String token = tokenOn(given().filter(operator).when().get("/admin/sugestoes").then().statusCode(200).extract().asString());

        given().filter(operator).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("status", "PLANNED").formParam("csrf", "not-the-token")
                .when().post("/admin/sugestoes/" + id + "/status").then().statusCode(403);
        assertEquals("NEW", statusOf(id));

        Response changed = given().filter(operator).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("status", "PLANNED").formParam("filter", "NEW").formParam("csrf", token)
                .when().post("/admin/sugestoes/" + id + "/status");

        assertEquals(303, changed.statusCode());
        assertTrue(changed.header("Location").endsWith("/admin/sugestoes?status=NEW#s-" + id), changed.header("Location"));
        assertEquals("PLANNED", statusOf(id));
        assertNotNull(changedBy(id), "the operator who triaged it is recorded");
        given().filter(operator).when().get("/admin/sugestoes?status=PLANNED").then().statusCode(200)
                .body(containsString(marker));
        given().filter(operator).when().get("/admin/sugestoes?status=NEW").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString(marker)));
    }

    @Test
    void answers404ForAnUnknownSuggestionAnd400ForAnUnknownStatus() throws SQLException {
        String marker = SuggestionFormPageTest.marker();
        assertEquals(303, new Visitor().send(SuggestionFormPageTest.form("Fábio", "fabio@example.com", marker).connectors("kommo"))
                .statusCode());
        CookieFilter operator = BrowserSession.signIn(OidcOperator.USERNAME, "/admin/sugestoes");
        String token = tokenOn(given().filter(operator).when().get("/admin/sugestoes").then().extract().asString());

        given().filter(operator).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("status", "PLANNED").formParam("csrf", token)
                .when().post("/admin/sugestoes/" + UUID.randomUUID() + "/status").then().statusCode(404);
        given().filter(operator).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("status", "DONE").formParam("csrf", token)
                .when().post("/admin/sugestoes/" + idOf(marker) + "/status").then().statusCode(400);
        assertEquals("NEW", statusOf(idOf(marker)));
    }

    private static String tokenOn(String page) {
        Matcher token = TOKEN.matcher(page);
        assertTrue(token.find(), "the page carries a form token");
        return token.group(1);
    }

    private UUID idOf(String marker) throws SQLException {
        return UUID.fromString(column("SELECT id FROM suggestion WHERE use_case = ?", marker));
    }

    private String statusOf(UUID id) throws SQLException {
        return column("SELECT status FROM suggestion WHERE id = ?::uuid", id.toString());
    }

    private String changedBy(UUID id) throws SQLException {
        return column("SELECT status_changed_by FROM suggestion WHERE id = ?::uuid", id.toString());
    }

    private String column(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet result = query.executeQuery()) {
                assertTrue(result.next(), "a row for " + parameter);
                return result.getString(1);
            }
        }
    }
}
