package app.ponte.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.api.ConnectorDescriptor;
import app.ponte.api.trigger.TriggerDefinition;
import app.ponte.server.connector.ConnectorService;
import app.ponte.server.template.AutomationTemplate;
import app.ponte.server.template.TemplateCatalog;
import app.ponte.server.testing.Chromium;
import app.ponte.server.testing.OidcOperator;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The public pages in a real, headless Chromium: what a visitor sees and does, in both languages. */
@QuarkusTest
class PublicPagesBrowserTest {

    @TestHTTPResource("/")
    URL app;

    @OidcWireMock
    WireMockServer oidc;

    @Inject
    ConnectorService connectors;

    @Inject
    TemplateCatalog templates;

    private Chromium chromium;

    @BeforeEach
    void startBrowser() {
        OidcOperator.register(oidc);
        chromium = Chromium.start(app);
    }

    @AfterEach
    void stopBrowser() {
        chromium.close();
    }

    @Test
    void integrationPageShowsTheHotmartTriggersTheKommoActionAndTheTemplatesInBothLanguages() {
        chromium.open("/integracoes/hotmart/kommo");
        assertIntegrationPage(UiLocale.PT_BR, "Integre Hotmart com Kommo", "Usar este modelo", "Gatilho", "Obrigatório");

        chromium.driver().findElement(By.linkText("EN")).click();
        waitFor(ExpectedConditions.textToBe(By.id("title"), "Connect Hotmart with Kommo"));
        assertIntegrationPage(UiLocale.EN, "Connect Hotmart with Kommo", "Use this template", "Trigger", "Required");

        // the choice is remembered on the next page
        chromium.open("/conectores/kommo");
        assertEquals("Kommo", chromium.driver().findElement(By.id("title")).getText());
        assertTrue(chromium.driver().findElement(By.tagName("html")).getAttribute("lang").equals("en"));
        chromium.driver().findElement(By.linkText("PT")).click();
        waitFor(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "pt-BR"));
        assertEquals("pt-BR", chromium.driver().findElement(By.tagName("html")).getAttribute("lang"));
    }

    @Test
    void aVisitorSendsASuggestionWithoutSigningInAndAnOperatorTriagesIt() {
        String useCase = "Quando um aluno pedir reembolso, avisar o vendedor no WhatsApp — " + UUID.randomUUID();
        chromium.open("/integracoes/hotmart/kommo");
        chromium.driver().findElement(By.cssSelector("#catalog a.suggest")).click();
        waitFor(ExpectedConditions.urlContains("/sugestao"));

        assertEquals("/sugestao?ferramenta=hotmart&ferramenta=kommo", chromium.currentPath());
        assertTrue(chromium.driver().findElement(By.id("connector-hotmart")).isSelected());
        assertTrue(chromium.driver().findElement(By.id("connector-kommo")).isSelected());
        assertTrue(!chromium.driver().findElement(By.id("website")).isDisplayed(), "people do not see the honeypot");

        type("name", "Marina Costa");
        type("email", "marina.costa@");
        type("other_tools", "WhatsApp");
        type("use_case", useCase);
        chromium.driver().findElement(By.id("send")).click();

        assertEquals("Informe um e-mail válido, como nome@exemplo.com.br.",
                chromium.driver().findElement(By.id("email-error")).getText());
        assertEquals("Marina Costa", chromium.driver().findElement(By.id("name")).getAttribute("value"));
        assertEquals(useCase, chromium.driver().findElement(By.id("use_case")).getAttribute("value"));
        assertTrue(chromium.driver().findElement(By.id("connector-kommo")).isSelected());
        type("email", "marina.costa@example.com.br");
        chromium.driver().findElement(By.id("send")).click();
        waitFor(ExpectedConditions.urlContains("/sugestao/obrigado"));

        assertEquals("/sugestao/obrigado", chromium.currentPath());
        assertEquals("Obrigado pela sugestão!", chromium.driver().findElement(By.id("thanks")).getText());

        signInAsOperator("/admin/sugestoes");
        WebElement suggestion = suggestionShowing(useCase);
        assertEquals("Marina Costa <marina.costa@example.com.br>", suggestion.findElement(By.className("sender")).getText());
        assertEquals("Hotmart, Kommo, WhatsApp", suggestion.findElement(By.className("tools")).getText());
        assertEquals("NEW", suggestion.getAttribute("data-status"));

        new Select(suggestion.findElement(By.tagName("select"))).selectByVisibleText("Em análise");
        suggestion.findElement(By.cssSelector("form.triage button")).click();
        waitFor(ExpectedConditions.stalenessOf(suggestion));

        WebElement triaged = suggestionShowing(useCase);
        assertEquals("REVIEWING", triaged.getAttribute("data-status"));
        assertEquals("Em análise", triaged.findElement(By.className("status")).getText());
    }

    private void assertIntegrationPage(Locale locale, String title, String useTemplate, String triggerBadge, String required) {
        assertEquals(title, chromium.driver().findElement(By.id("title")).getText());
        ConnectorDescriptor hotmart = connectors.descriptor("hotmart").orElseThrow();
        List<WebElement> triggers = chromium.driver().findElements(By.cssSelector("[data-trigger^='hotmart.']"));
        assertEquals(11, triggers.size());
        assertEquals(11, hotmart.triggers().size());
        for (int i = 0; i < triggers.size(); i++) {
            TriggerDefinition trigger = hotmart.triggers().get(i);
            WebElement item = triggers.get(i);
            assertEquals("hotmart." + trigger.key(), item.getAttribute("data-trigger"));
            assertEquals(trigger.label().in(locale), item.findElement(By.className("name")).getText());
            assertEquals(triggerBadge, item.findElement(By.className("badge")).getText());
        }
        // the field list opens on a click, with the catalog's labels
        WebElement approved = chromium.driver().findElement(By.cssSelector("[data-trigger='hotmart.purchase_approved']"));
        WebElement buyerEmail = approved.findElement(By.cssSelector("[data-field='buyer.email']"));
        assertTrue(!buyerEmail.isDisplayed());
        approved.findElement(By.tagName("summary")).click();
        assertEquals(hotmart.trigger("purchase_approved").orElseThrow().outputs().stream()
                .filter(f -> f.key().equals("buyer.email")).findFirst().orElseThrow().label().in(locale), buyerEmail.getText());

        List<WebElement> actions = chromium.driver().findElements(By.cssSelector("[data-action]"));
        assertEquals(1, actions.size());
        WebElement action = actions.get(0);
        assertEquals("kommo.create_or_update_lead", action.getAttribute("data-action"));
        action.findElement(By.tagName("summary")).click();
        assertEquals(connectors.descriptor("kommo").orElseThrow().action("create_or_update_lead").orElseThrow().inputs().stream()
                .filter(f -> f.key().equals("lead.name")).findFirst().orElseThrow().label().in(locale) + " " + required,
                action.findElement(By.cssSelector("[data-field='lead.name']")).getText());

        List<WebElement> shown = chromium.driver().findElements(By.cssSelector("[data-template]"));
        List<AutomationTemplate> expected = templates.all();
        assertEquals(10, shown.size());
        for (int i = 0; i < shown.size(); i++) {
            assertEquals(expected.get(i).title().in(locale), shown.get(i).findElement(By.tagName("h3")).getText());
            WebElement use = shown.get(i).findElement(By.linkText(useTemplate));
            assertTrue(use.getAttribute("href").endsWith("/app?template=" + expected.get(i).key()), use.getAttribute("href"));
        }
        assertEquals(3, chromium.driver().findElements(By.cssSelector("#how ol.steps > li")).size());
    }

    /** Opens {@code path}, lets the app send the browser to the identity provider, and signs in there as the operator. */
    private void signInAsOperator(String path) {
        chromium.open(path);
        String authorize = chromium.driver().getCurrentUrl();
        assertTrue(authorize.contains("/realms/quarkus"), authorize);
        chromium.driver().get(OidcOperator.callbackAfterSignIn(authorize));
        waitFor(ExpectedConditions.urlContains(path));
    }

    private <T> T waitFor(java.util.function.Function<? super org.openqa.selenium.WebDriver, T> condition) {
        return chromium.await(Duration.ofSeconds(10), condition);
    }

    private WebElement suggestionShowing(String useCase) {
        return chromium.driver().findElements(By.cssSelector("[data-suggestion]")).stream()
                .filter(s -> s.findElement(By.className("use-case")).getText().equals(useCase)).findFirst()
                .orElseThrow(() -> new AssertionError("the operator's page lists the suggestion: " + useCase));
    }

    private void type(String id, String text) {
        WebElement field = chromium.driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }
}
