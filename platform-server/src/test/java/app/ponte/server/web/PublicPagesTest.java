package app.ponte.server.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.api.ConnectorDescriptor;
import app.ponte.api.action.ActionDefinition;
import app.ponte.api.field.Field;
import app.ponte.api.trigger.TriggerDefinition;
import app.ponte.server.connector.ConnectorService;
import app.ponte.server.template.AutomationTemplate;
import app.ponte.server.template.TemplateCatalog;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The public pages over HTTP, checked against the catalogs themselves: every trigger, action,
 * field label and template the catalogs hold is on the page, in the language asked for.
 */
@QuarkusTest
class PublicPagesTest {

    @Inject
    ConnectorService connectors;

    @Inject
    TemplateCatalog templates;

    @Test
    void integrationPageShowsEveryTriggerActionFieldAndTemplateOfBothCatalogs() {
        String page = page("/integracoes/hotmart/kommo", "pt-BR");

        assertTrue(page.contains("<h1 id=\"title\">Integre Hotmart com Kommo</h1>"), page);
        assertShowsCatalog(page, connectors.descriptor("hotmart").orElseThrow(), UiLocale.PT_BR);
        assertShowsCatalog(page, connectors.descriptor("kommo").orElseThrow(), UiLocale.PT_BR);
        assertEquals(11, count(page, "data-trigger=\"hotmart\\."));
        assertEquals(1, count(page, "data-trigger=\"kommo\\."));
        assertEquals(1, count(page, "data-action=\""));
        assertEquals(10, count(page, "data-template=\""));
        for (AutomationTemplate template : templates.all()) {
            assertTrue(page.contains(html(template.title().pt())), template.key());
            assertTrue(page.contains("href=\"/app?template=" + template.key() + "\">Usar este modelo</a>"), template.key());
        }
        assertTrue(page.contains("<h2>Como fazer uma integração no Ponte?</h2>"));
        assertEquals(3, count(page, "<li><h3>", "<section id=\"how\">", "</section>"));
        assertTrue(page.contains(">Não encontrou o seu caso de uso? Enviar sugestão.</a>"));
        assertTrue(page.contains("href=\"/sugestao?ferramenta=hotmart&amp;ferramenta=kommo\""));
        assertTrue(page.contains("Criar ou atualizar lead na Kommo"));
        assertTrue(page.contains("Nome do lead <span class=\"required\">Obrigatório</span>"));
        assertTrue(page.contains("Valor da venda <span class=\"required\">Obrigatório</span>"));
    }

    @Test
    void integrationPageSpeaksEnglishWhenAsked() {
        String page = page("/integracoes/hotmart/kommo?lang=en", "pt-BR");

        assertTrue(page.contains("<html lang=\"en\">"));
        assertTrue(page.contains("<h1 id=\"title\">Connect Hotmart with Kommo</h1>"));
        assertShowsCatalog(page, connectors.descriptor("hotmart").orElseThrow(), UiLocale.EN);
        assertShowsCatalog(page, connectors.descriptor("kommo").orElseThrow(), UiLocale.EN);
        assertEquals(10, count(page, ">Use this template</a>"));
        for (AutomationTemplate template : templates.all()) {
            assertTrue(page.contains(html(template.title().en())), template.key());
        }
        assertTrue(page.contains("How do you build an integration with Ponte?"));
        assertTrue(page.contains("Lead name <span class=\"required\">Required</span>"));
        assertTrue(!page.contains("Usar este modelo"));
    }

    @Test
    void rendersTheOtherDirectionAndRefusesUnknownPairs() {
        given().when().get("/integracoes/kommo/hotmart").then().statusCode(200)
                .body(containsString("Integre Kommo com Hotmart"))
                .body(containsString("data-template=\"purchase_approved_to_kommo_lead\""));
        given().when().get("/integracoes/hotmart/pipedrive").then().statusCode(404);
        given().when().get("/integracoes/hotmart/hotmart").then().statusCode(404);
    }

    @Test
    void connectorPageShowsItsTriggersActionsAndIntegrations() {
        String hotmart = page("/conectores/hotmart", "pt-BR");
        assertShowsCatalog(hotmart, connectors.descriptor("hotmart").orElseThrow(), UiLocale.PT_BR);
        assertEquals(11, count(hotmart, "data-trigger=\"hotmart\\."));
        assertTrue(hotmart.contains("Nenhuma ação por enquanto."));
        assertTrue(hotmart.contains("<a href=\"/integracoes/hotmart/kommo\">Integre Hotmart com Kommo</a>"));
        assertEquals(10, count(hotmart, "<li data-template=\""));

        String kommo = page("/conectores/kommo", "en");
        assertShowsCatalog(kommo, connectors.descriptor("kommo").orElseThrow(), UiLocale.EN);
        assertTrue(kommo.contains("Connects with the tool&#39;s own login (OAuth).") || kommo.contains("Connects with the tool's own login (OAuth)."),
                kommo);
        assertTrue(kommo.contains("<a href=\"/integracoes/hotmart/kommo\">Connect Hotmart with Kommo</a>"),
                "Kommo's page links the integration in the direction its templates run");

        given().when().get("/conectores/pipedrive").then().statusCode(404);
    }

    @Test
    void homePageLeadsToTheIntegrationTheConnectorsAndTheSuggestionForm() {
        given().header("Accept-Language", "pt-BR").when().get("/").then().statusCode(200)
                .body(containsString("Integre suas ferramentas sem escrever código"))
                .body(containsString("<a href=\"/integracoes/hotmart/kommo\">Integre Hotmart com Kommo</a>"))
                .body(containsString("12 gatilhos, 1 ação e 10 modelos prontos"))
                .body(containsString("href=\"/conectores/hotmart\""))
                .body(containsString("href=\"/conectores/kommo\""))
                .body(containsString("<a id=\"suggest\" href=\"/sugestao\">Não encontrou o seu caso de uso? Enviar sugestão.</a>"))
                .body(not(containsString("/integracoes/kommo/hotmart")));
    }

    private void assertShowsCatalog(String page, ConnectorDescriptor connector, Locale locale) {
        for (TriggerDefinition trigger : connector.triggers()) {
            String item = item(page, "data-trigger=\"" + connector.id() + "." + trigger.key() + "\"");
            assertTrue(item.contains(html(trigger.label().in(locale))), trigger.key());
            assertTrue(item.contains(html(trigger.description().in(locale))), trigger.key());
            for (Field output : trigger.outputs()) {
                assertTrue(item.contains("<li data-field=\"" + output.key() + "\">" + html(output.label().in(locale))),
                        trigger.key() + " / " + output.key());
            }
        }
        for (ActionDefinition action : connector.actions()) {
            String item = item(page, "data-action=\"" + connector.id() + "." + action.key() + "\"");
            assertTrue(item.contains(html(action.label().in(locale))), action.key());
            for (Field input : action.inputs()) {
                String label = "<li data-field=\"" + input.key() + "\">" + html(input.label().in(locale));
                assertTrue(item.contains(label + (input.required() ? " <span class=\"required\">" : "</li>")),
                        action.key() + " / " + input.key());
            }
        }
    }

    private static String page(String path, String language) {
        return given().header("Accept-Language", language).when().get(path).then().statusCode(200).extract().asString();
    }

    /** The list item that carries {@code attribute}, up to its end. */
    private static String item(String page, String attribute) {
        int start = page.indexOf(attribute);
        assertTrue(start >= 0, "the page shows " + attribute);
        int end = page.indexOf("</details>", start);
        return page.substring(start, end);
    }

    private static int count(String page, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(page);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    /** Occurrences of {@code text} between the first {@code from} and the next {@code to}. */
    private static int count(String page, String text, String from, String to) {
        int start = page.indexOf(from);
        String section = page.substring(start, page.indexOf(to, start));
        return section.split(Pattern.quote(text), -1).length - 1;
    }

    /** As Qute escapes text. */
    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
