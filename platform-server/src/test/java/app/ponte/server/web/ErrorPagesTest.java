package app.ponte.server.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import app.ponte.server.testing.BrowserSession;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * What browsers and API clients get when something fails, and the security headers of the pages:
 * friendly HTML pages for 403, 404 and 500 in the visitor's language, RFC 7807 problems for the API,
 * and a Content-Security-Policy on every HTML page.
 */
@QuarkusTest
class ErrorPagesTest {

    @Test
    void htmlPagesCarryAContentSecurityPolicyThatAllowsOnlyPontesOwnScriptsAndStyles() {
        for (String path : new String[] {"/", "/integracoes/hotmart/kommo", "/sugestao", "/conectores/kommo"}) {
            given().when().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("Content-Security-Policy", containsString("style-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                    .body(not(containsString("<script>")), not(containsString(" style=\"")));
        }
        given().filter(BrowserSession.signIn()).when().get("/app").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .body(not(containsString("<script>")), not(containsString(" style=\"")));
        given().when().get("/css/ponte.css").then().statusCode(200).header("Content-Security-Policy", nullValue());
    }

    @Test
    void aBrowserGetsAFriendlyNotFoundPageAndAnApiClientAProblem() {
        given().accept("text/html,application/xhtml+xml,*/*;q=0.8").header("Accept-Language", "pt-BR")
                .when().get("/conectores/pipedrive").then().statusCode(404)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .body(containsString("id=\"error-title\">Página não encontrada"));
        given().accept("text/html").header("Accept-Language", "en")
                .when().get("/conectores/pipedrive").then().statusCode(404)
                .body(containsString("id=\"error-title\">Page not found"));
        given().accept("text/html").when().get("/api/v1/nada-aqui").then().statusCode(404)
                .contentType(not(containsString("text/html")));
    }

    @Test
    void anUnexpectedErrorShowsAFriendlyPageWithAReferenceAndNeverItsMessage() {
        given().accept("text/html").header("Accept-Language", "pt-BR").when().get("/teste-erro-inesperado").then().log().ifValidationFails().statusCode(500)
                .contentType(containsString("text/html"))
                .body(containsString("id=\"error-title\">Algo deu errado"), containsString("id=\"error-reference\""),
                        not(containsString("segredo interno")));
        given().accept("application/json").when().get("/api/v1/teste-erro-inesperado").then().statusCode(500)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(500))
                .body(not(containsString("segredo interno")));
    }

    @Test
    void aSignedInUserWithoutTheOperatorRoleGetsAFriendlyForbiddenPage() {
        given().filter(BrowserSession.signIn()).accept("text/html").header("Accept-Language", "pt-BR")
                .when().get("/admin/sugestoes").then().statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("id=\"error-title\">Sem permissão"));
    }
}
