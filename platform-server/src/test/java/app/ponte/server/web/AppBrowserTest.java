package app.ponte.server.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.server.testing.Chromium;
import app.ponte.server.testing.KommoSimulatorResource;
import app.ponte.server.testing.OidcUsers;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A new customer's first automation in a real, headless Chromium, against the real servers and the
 * Kommo simulator: sign-up, onboarding, "Conectar Kommo" through OAuth, "Conectar Hotmart", the
 * template wizard and mapping editor, activation, a Hotmart sale on the webhook URL shown, and the
 * run with its Kommo lead; and a tenant who cannot open another's automation.
 *
 * <p>The platform's registered Kommo redirect URI and its public URL are the installation's
 * ({@code localhost:8080}) while the test application listens on a free port, and something else
 * may answer on port 8080 of the machine: the browser must never follow the simulator's redirect
 * there. The round trip to the consent page (which the simulator decides at once, without a page)
 * is therefore made by the test's HTTP client with the browser's cookies, as the other connect-flow
 * tests do; the binding cookie it sets goes back into the browser, which then opens the callback on
 * the test application and finishes the flow itself (state, binding cookie, session).
 */
@QuarkusTest
class AppBrowserTest {

    private static final String HOTTOK = "hottok-do-navegador-" + "n".repeat(12);
    private static final String INSTALLATION = "http://localhost:8080";

    @TestHTTPResource("/")
    URL app;

    @OidcWireMock
    WireMockServer oidc;

    private Chromium chromium;

    @BeforeEach
    void startBrowser() {
        chromium = Chromium.start(app);
    }

    @AfterEach
    void stopBrowser() {
        chromium.close();
    }

    @Test
    void aNewCustomersFirstHotmartSaleBecomesAKommoLead() {
        String subdomain = kommoAccount();
        signIn(OidcUsers.register(oidc, "Camila Rocha"));

        // onboarding: nothing done yet
        WebElement onboarding = chromium.driver().findElement(By.id("onboarding"));
        for (String step : List.of("hotmart", "kommo", "template")) {
            assertEquals("false", onboarding.findElement(By.cssSelector("[data-step='" + step + "']")).getAttribute("data-done"), step);
        }

        // Conectar Kommo: OAuth at the simulator, where the customer picks their account
        WebElement connectKommo = onboarding.findElement(By.cssSelector("[data-step='kommo'] a"));
        assertEquals(app.toString().replaceAll("/$", "") + "/app/connections/kommo/connect", connectKommo.getAttribute("href"));
        URI callback = consentOfTheKommoAccount(chromium, app, "/app/connections/kommo/connect", subdomain);
        chromium.open(callback.getRawPath() + "?" + callback.getRawQuery());
        WebElement connected = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("connected")));
        assertTrue(connected.getText().startsWith("Kommo — "), connected.getText());
        assertEquals("true", chromium.driver().findElement(By.cssSelector("[data-step='kommo']")).getAttribute("data-done"));

        // Conectar Hotmart: the hottok, then the webhook URL to paste and the wait for the first event
        chromium.driver().findElement(By.cssSelector("[data-step='hotmart'] a")).click();
        chromium.driver().findElement(By.id("hottok")).sendKeys(HOTTOK);
        chromium.driver().findElement(By.id("connect")).click();
        String webhookUrl = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("webhook-url"))).getAttribute("value");
        assertTrue(webhookUrl.startsWith(INSTALLATION + "/hooks/hotmart/"), webhookUrl);
        assertEquals("Aguardando o primeiro evento…", chromium.driver().findElement(By.id("event-status")).getText());
        String connectionPage = chromium.currentPath();

        // the template, from the onboarding's last step
        chromium.open("/app");
        chromium.driver().findElement(By.cssSelector("[data-step='template'] a")).click();
        chromium.driver().findElement(By.cssSelector("[data-template='purchase_approved_to_kommo_lead'] a")).click();
        assertEquals("A cada venda aprovada na Hotmart, criar ou atualizar lead na Kommo",
                chromium.driver().findElement(By.id("template-title")).getText());
        chromium.driver().findElement(By.id("create")).click();

        // the lead's name: the buyer's first name, with a chip and a transform
        WebElement leadName = waitFor(ExpectedConditions.elementToBeClickable(By.id("input-lead.name")));
        assertEquals("{{buyer.name}}", leadName.getAttribute("value"));
        leadName.clear();
        leadName.click();
        chromium.driver().findElement(By.id("chip-search")).sendKeys("comprador: nome");
        WebElement chip = chromium.driver().findElement(By.cssSelector(".chip[data-field='buyer.name']"));
        assertTrue(chip.isDisplayed());
        assertTrue(!chromium.driver().findElement(By.cssSelector(".chip[data-field='product.name']")).isDisplayed(),
                "the search narrows the chips");
        chip.click();
        assertEquals("{{buyer.name}}", leadName.getAttribute("value"));
        new Select(chromium.driver().findElement(By.id("transform"))).selectByValue("first_name");
        chromium.driver().findElement(By.id("apply-transform")).click();
        assertEquals("{{buyer.name | first_name}}", leadName.getAttribute("value"));

        chromium.driver().findElement(By.id("preview-button")).click();
        WebElement sample = waitFor(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-sample='PURCHASE_APPROVED.json']")));
        assertEquals("Marina", sample.findElement(By.cssSelector("[data-input='lead.name'] .value")).getText());
        assertEquals("true", sample.getAttribute("data-passes-filter"));
        assertEquals("{{buyer.name | first_name}}", chromium.driver().findElement(By.id("input-lead.name")).getAttribute("value"));

        chromium.driver().findElement(By.id("save-button")).click();
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("saved")));
        chromium.driver().findElement(By.id("activate")).click();
        assertEquals("Ativa", waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("automation-status"))).getText());

        // a sale on the URL shown: the connection's page notices it by itself
        chromium.open(connectionPage);
        given().baseUri(chromium.driver().getCurrentUrl().replaceAll("(https?://[^/]+).*", "$1"))
                .header("X-HOTMART-HOTTOK", HOTTOK).contentType("application/json")
                .body(AppFormsTest.fixture("PURCHASE_APPROVED.json"))
                .when().post(URI.create(webhookUrl).getPath()).then().statusCode(200);
        waitFor(ExpectedConditions.attributeToBe(By.id("event-status"), "data-received", "true"));
        assertTrue(chromium.driver().findElement(By.id("event-status")).getText().startsWith("✓ Evento recebido"));

        // the run history shows it succeeded, with the Kommo lead
        chromium.driver().findElement(By.linkText("Execuções")).click();
        WebElement run = chromium.await(Duration.ofSeconds(60),
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-run][data-status='SUCCEEDED']")));
        String leadText = run.findElement(By.className("lead-id")).getText();
        run.findElement(By.tagName("a")).click();
        assertEquals("Sucesso", waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("run-status"))).getText());
        String leadId = chromium.driver().findElement(By.cssSelector("#outputs [data-key='lead.id'] .value")).getText();
        assertEquals("lead " + leadId + " na Kommo", leadText);
        assertEquals("Marina", chromium.driver().findElement(By.cssSelector("#inputs [data-key='lead.name'] .value")).getText());
        assertTrue(chromium.driver().findElements(By.cssSelector(".attempt[data-outcome='SUCCEEDED'] .calls tr")).size() > 1,
                "the attempt lists its Kommo calls");

        JsonPath kommo = given().baseUri(KommoSimulatorResource.baseUrl()).when().get("/__sim/accounts/" + subdomain + "/state")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(leadId), kommo.getList("leads.id").stream().map(String::valueOf).toList(), kommo.prettify());
        assertEquals("Marina", kommo.getString("leads[0].name"));
    }

    @Test
    void aTenantCannotOpenAnotherTenantsAutomation() {
        signIn(OidcUsers.register(oidc, "Dona Primeira"));
        chromium.open("/app/automations/new?template=purchase_approved_to_kommo_lead");
        chromium.driver().findElement(By.id("create")).click();
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("input-lead.name")));
        String automation = chromium.currentPath().replace("/edit", "");
        chromium.open(automation);
        assertEquals("Rascunho", chromium.driver().findElement(By.id("automation-status")).getText());
        chromium.driver().manage().deleteAllCookies();

        signIn(OidcUsers.register(oidc, "Dona Segunda"));
        chromium.open(automation);
        assertEquals("Página não encontrada", chromium.driver().findElement(By.id("not-found")).getText());
        assertTrue(chromium.driver().findElements(By.id("automation-status")).isEmpty());
        chromium.open(automation + "/edit");
        assertEquals("Página não encontrada", chromium.driver().findElement(By.id("not-found")).getText());
        given().baseUri(app.toString()).redirects().follow(false).when().get(automation).then().statusCode(302);
    }

    @Test
    void alertEmailsAreSwitchedOffAndTheirLanguageChosenInThePreferences() {
        signIn(OidcUsers.register(oidc, "Dona Preferida"));
        chromium.driver().findElement(By.linkText("Preferências")).click();
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("preferences")));
        WebElement emails = chromium.driver().findElement(By.id("failureEmails"));
        assertTrue(emails.isSelected(), "alerts are on until switched off");
        assertEquals("pt-BR", new Select(chromium.driver().findElement(By.id("locale"))).getFirstSelectedOption().getAttribute("value"));

        emails.click();
        new Select(chromium.driver().findElement(By.id("locale"))).selectByValue("en");
        chromium.driver().findElement(By.id("save-preferences")).click();
        assertEquals("Preferências salvas.", waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("preferences-saved"))).getText());

        chromium.open("/app/preferences");
        assertFalse(chromium.driver().findElement(By.id("failureEmails")).isSelected());
        assertEquals("en", new Select(chromium.driver().findElement(By.id("locale"))).getFirstSelectedOption().getAttribute("value"));
        assertTrue(chromium.driver().findElements(By.id("preferences-saved")).isEmpty(), "the notice is shown once, after saving");
    }

    /**
     * "Conectar Kommo" for the browser's session up to the consent of {@code subdomain}'s admin: the
     * app's redirect (its state and the binding cookie, which goes back into the browser) and the
     * simulator's answer; returns the callback the simulator sends the browser to.
     */
    static URI consentOfTheKommoAccount(Chromium chromium, URL app, String connectPath, String subdomain) {
        var browserCookies = new java.util.HashMap<String, String>();
        chromium.driver().manage().getCookies().forEach(c -> browserCookies.put(c.getName(), c.getValue()));
        io.restassured.response.Response start = given().baseUri(app.toString()).cookies(browserCookies).redirects().follow(false)
                .when().get(connectPath);
        assertEquals(303, start.statusCode(), start.asString());
        String consent = start.header("Location");
        assertTrue(consent.startsWith(KommoSimulatorResource.baseUrl() + "/oauth?") && consent.contains("state="), consent);
        io.restassured.http.Cookie binding = start.detailedCookie("ponte_oauth");
        chromium.driver().manage().addCookie(new org.openqa.selenium.Cookie(binding.getName(), binding.getValue(), binding.getPath()));
        return URI.create(given().redirects().follow(false).urlEncodingEnabled(false).when()
                .get(consent + "&sim_account=" + subdomain).then().statusCode(302).extract().header("Location"));
    }

    /** Opens the app, lets it send the browser to the identity provider and signs in there as {@code user}. */
    private void signIn(OidcUsers.User user) {
        chromium.open("/app");
        String authorize = chromium.driver().getCurrentUrl();
        assertTrue(authorize.contains("/realms/quarkus"), authorize);
        chromium.driver().get(user.callbackAfterSignIn(authorize));
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("greeting")));
    }

    /** A Kommo account of the customer's own at the simulator, with them as its admin. */
    static String kommoAccount() {
        String subdomain = "navegador" + UUID.randomUUID().toString().substring(0, 8);
        given().baseUri(KommoSimulatorResource.baseUrl()).contentType("application/json")
                .body(Map.of("subdomain", subdomain, "users", List.of(Map.of("id", 7_700_001, "name", "Camila", "is_admin", true))))
                .when().post("/__sim/accounts").then().statusCode(200);
        return subdomain;
    }

    private <T> T waitFor(Function<? super WebDriver, T> condition) {
        return chromium.await(Duration.ofSeconds(15), condition);
    }
}
