package app.ponte.server.suggestion;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * The public suggestion form over HTTP: what is stored, what is refused and why, in both
 * languages. Every test sends from an address of its own (X-Forwarded-For from the trusted local
 * proxy), so the limit per address of one test never touches another.
 */
@QuarkusTest
class SuggestionFormPageTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void storesAValidSuggestionAndThanksTheSender() throws SQLException {
        Visitor visitor = new Visitor();
        String marker = marker();

        Response sent = visitor.send(form("Ana Souza", "ana.souza@example.com.br", marker).connectors("hotmart", "kommo")
                .otherTools("Google Sheets, hotmart"));

        assertEquals(303, sent.statusCode());
        assertTrue(sent.header("Location").endsWith("/sugestao/obrigado"), sent.header("Location"));
        visitor.get("/sugestao/obrigado").then().statusCode(200).body(containsString("Obrigado pela sugestão!"));
        Map<String, Object> row = storedWith(marker).get(0);
        assertEquals("Ana Souza", row.get("name"));
        assertEquals("ana.souza@example.com.br", row.get("email"));
        assertEquals(List.of("Hotmart", "Kommo", "Google Sheets"), row.get("tools"), "typed repeats of ticked tools are dropped");
        assertEquals("pt-BR", row.get("language"));
        assertEquals("NEW", row.get("status"));
    }

    @Test
    void showsFieldLevelMessagesInPortugueseAndKeepsWhatWasTyped() throws SQLException {
        Visitor visitor = new Visitor();
        String marker = marker();

        visitor.send(form("Ana", "ana@", marker).connectors()).then().statusCode(400)
                .body(containsString("Corrija os campos indicados abaixo."))
                .body(containsString("<p id=\"email-error\" class=\"field-error\">Informe um e-mail válido, como nome@exemplo.com.br.</p>"))
                .body(containsString("<p id=\"tools-error\" class=\"field-error\">Escolha ou digite pelo menos uma ferramenta.</p>"))
                .body(containsString("aria-describedby=\"email-hint email-error\" aria-invalid=\"true\""))
                .body(not(containsString("id=\"name-error\"")))
                .body(containsString("value=\"Ana\""))
                .body(containsString(marker));
        assertTrue(storedWith(marker).isEmpty());
    }

    @Test
    void showsFieldLevelMessagesInEnglish() {
        Visitor visitor = new Visitor().inEnglish();

        visitor.send(form("", "ana@example.com", "curto").connectors("kommo")).then().statusCode(400)
                .body(containsString("Please fix the fields marked below."))
                .body(containsString("<p id=\"name-error\" class=\"field-error\">Enter your name.</p>"))
                .body(containsString("<p id=\"use_case-error\" class=\"field-error\">Tell us a little more: at least 20 characters.</p>"));
    }

    @Test
    void refusesTextsOverTheSizeLimits() throws SQLException {
        Visitor visitor = new Visitor();
        String marker = marker();

        visitor.send(form("N".repeat(101), "ana@example.com", marker + "x".repeat(4000)).connectors("kommo")).then().statusCode(400)
                .body(containsString("Use no máximo 100 caracteres."))
                .body(containsString("Use no máximo 4000 caracteres."));
        // a field far beyond any form's needs does not even reach the form's checks
        visitor.send(form("Ana", "ana@example.com", marker + "x".repeat(100_000)).connectors("kommo")).then().statusCode(413);
        assertTrue(storedWith(marker).isEmpty());
    }

    @Test
    void dropsAFormWhoseHoneypotIsFilledWhileAnsweringAsIfItWorked() throws SQLException {
        Visitor visitor = new Visitor();
        String marker = marker();

        Response sent = visitor.send(form("Bot", "bot@example.com", marker).connectors("kommo").honeypot("https://spam.example"));

        assertEquals(303, sent.statusCode());
        assertTrue(sent.header("Location").endsWith("/sugestao/obrigado"));
        assertTrue(storedWith(marker).isEmpty());
    }

    @Test
    void refusesAFormWithoutTheBrowsersToken() throws SQLException {
        Visitor visitor = new Visitor();
        String marker = marker();

        visitor.sendWithToken(form("Ana", "ana@example.com", marker).connectors("kommo"), null).then().statusCode(403)
                .body(containsString("O formulário expirou."));
        visitor.sendWithToken(form("Ana", "ana@example.com", marker).connectors("kommo"), "forged-token").then().statusCode(403);
        assertTrue(storedWith(marker).isEmpty());
    }

    @Test
    void refusesATokenThatBelongsToAnotherBrowser() throws SQLException {
        Visitor attacker = new Visitor();
        Visitor victim = new Visitor();
        String marker = marker();

        victim.token();
        // a page elsewhere posts the attacker's valid token from the victim's browser, with the victim's cookie
        victim.sendWithToken(form("Ana", "ana@example.com", marker).connectors("kommo"), attacker.token()).then().statusCode(403);

        assertTrue(storedWith(marker).isEmpty());
    }

    @Test
    void limitsSuggestionsPerSenderAddress() throws SQLException {
        Visitor visitor = new Visitor();
        String marker = marker();

        for (int i = 0; i < 5; i++) {
            assertEquals(303, visitor.send(form("Ana", "ana@example.com", marker + " #" + i).connectors("kommo")).statusCode());
        }
        visitor.send(form("Ana", "ana@example.com", marker + " #5").connectors("kommo")).then().statusCode(429)
                .body(containsString("Recebemos muitas sugestões deste endereço."));
        assertEquals(5, storedWith(marker).size());

        Visitor neighbour = new Visitor();
        assertEquals(303, neighbour.send(form("Bia", "bia@example.com", marker + " other").connectors("kommo")).statusCode(),
                "another address has its own allowance");
    }

    @Test
    void neverLogsTheSendersEmailAddress() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("app.ponte");
        logger.addHandler(handler);
        try {
            String email = "segredo." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            Visitor visitor = new Visitor();
            assertEquals(303, visitor.send(form("Ana", email, marker()).connectors("kommo")).statusCode());
            visitor.send(form("Ana", email, marker()).connectors("kommo").honeypot("x"));
            visitor.sendWithToken(form("Ana", email, marker()).connectors("kommo"), null);

            assertTrue(lines.stream().anyMatch(line -> line.contains("suggestion") && line.contains("example.org")), lines.toString());
            assertTrue(lines.stream().noneMatch(line -> line.contains(email) || line.contains(email.substring(0, email.indexOf('@')))),
                    lines.toString());
        } finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void ticksTheConnectorsTheIntegrationPageAskedFor() {
        new Visitor().get("/sugestao?ferramenta=hotmart&ferramenta=kommo").then().statusCode(200)
                .body(containsString("value=\"hotmart\" checked"))
                .body(containsString("value=\"kommo\" checked"))
                .body(containsString("name=\"website\""));
    }

    // ---- helpers

    /** A browser (its cookies) at an address of its own. */
    static final class Visitor {
        private final CookieFilter cookies = new CookieFilter();
        private final String address = "198.51." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255);
        private String language = "pt-BR";

        Visitor inEnglish() {
            language = "en";
            return this;
        }

        Response get(String path) {
            return given().filter(cookies).header("X-Forwarded-For", address).header("Accept-Language", language)
                    .redirects().follow(false).when().get(path);
        }

        String token() {
            String page = get("/sugestao").then().statusCode(200).extract().asString();
            Matcher token = TOKEN.matcher(page);
            assertTrue(token.find(), "the form carries a token");
            return token.group(1);
        }

        Response send(Form form) {
            return sendWithToken(form, token());
        }

        Response sendWithToken(Form form, String token) {
            var request = given().filter(cookies).header("X-Forwarded-For", address).header("Accept-Language", language)
                    .redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .formParam("name", form.name).formParam("email", form.email).formParam("other_tools", form.otherTools)
                    .formParam("use_case", form.useCase).formParam("website", form.honeypot);
            for (String connector : form.connectors) {
                request.formParam("connector", connector);
            }
            if (token != null) {
                request.formParam("csrf", token);
            }
            return request.when().post("/sugestao");
        }
    }

    static Form form(String name, String email, String useCase) {
        return new Form(name, email, useCase);
    }

    static final class Form {
        final String name;
        final String email;
        final String useCase;
        List<String> connectors = List.of();
        String otherTools = "";
        String honeypot = "";

        Form(String name, String email, String useCase) {
            this.name = name;
            this.email = email;
            this.useCase = useCase;
        }

        Form connectors(String... ids) {
            connectors = Arrays.asList(ids);
            return this;
        }

        Form otherTools(String tools) {
            otherTools = tools;
            return this;
        }

        Form honeypot(String value) {
            honeypot = value;
            return this;
        }
    }

    /** A use case nobody else sends: finds this test's rows among every test's. */
    static String marker() {
        return "Quero automatizar o caso " + UUID.randomUUID();
    }

    private List<Map<String, Object>> storedWith(String marker) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT name, email, tools, language, status FROM suggestion WHERE use_case LIKE ? ORDER BY seq")) {
            query.setString(1, marker + "%");
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    Array tools = result.getArray("tools");
                    assertNotNull(tools);
                    rows.add(Map.of("name", result.getString("name"), "email", result.getString("email"),
                            "tools", Arrays.asList((String[]) tools.getArray()), "language", result.getString("language"),
                            "status", result.getString("status")));
                }
            }
        }
        return rows;
    }
}
