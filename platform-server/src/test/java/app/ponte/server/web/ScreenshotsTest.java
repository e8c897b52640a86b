package app.ponte.server.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.server.testing.Chromium;
import app.ponte.server.testing.OidcUsers;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Regenerates {@code docs/screenshots/}: the main pages in headless Chromium at 1280×900, along the
 * path of a new customer (the same flow as {@link AppBrowserTest}), so the run history has a real run.
 * Skipped unless {@code -Dscreenshots=true}; {@code docs/screenshots/regenerate.sh} runs it.
 * The folder can be changed with {@code -Dscreenshots.dir=} (not under {@code ponte.}: Quarkus refuses unknown properties of its {@code ponte} config mapping).
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "screenshots", matches = "true")
class ScreenshotsTest {

    private static final String HOTTOK = "hottok-das-capturas-" + "c".repeat(12);

    @TestHTTPResource("/")
    URL app;

    @OidcWireMock
    WireMockServer oidc;

    private Chromium chromium;
    private Path folder;

    @BeforeEach
    void startBrowser() throws IOException {
        folder = Path.of(System.getProperty("screenshots.dir", "../docs/screenshots"));
        Files.createDirectories(folder);
        chromium = Chromium.start(app);
        // the page's viewport itself (a window size would include the headless window's frame)
        chromium.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1, "mobile", false));
    }

    @AfterEach
    void stopBrowser() {
        chromium.close();
    }

    @Test
    void capturesTheMainPages() throws IOException {
        // public pages
        chromium.open("/?lang=pt-BR");
        capture("01-home");
        chromium.open("/integracoes/hotmart/kommo");
        capture("02-integracao-hotmart-kommo-pt-BR");
        chromium.open("/integracoes/hotmart/kommo?lang=en");
        waitFor(ExpectedConditions.textToBe(By.id("title"), "Connect Hotmart with Kommo"));
        capture("03-integration-hotmart-kommo-en");
        chromium.open("/conectores/hotmart?lang=pt-BR");
        capture("04-conector-hotmart");
        chromium.open("/sugestao");
        capture("05-sugestao");

        // a new customer: onboarding, connections, the template in the editor, a run
        String subdomain = AppBrowserTest.kommoAccount();
        chromium.open("/app");
        chromium.driver().get(OidcUsers.register(oidc, "Camila Rocha").callbackAfterSignIn(chromium.driver().getCurrentUrl()));
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("greeting")));
        capture("06-app-inicio");

        URI callback = AppBrowserTest.consentOfTheKommoAccount(chromium, app, "/app/connections/kommo/connect", subdomain);
        chromium.open(callback.getRawPath() + "?" + callback.getRawQuery());
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("connected")));

        chromium.driver().findElement(By.cssSelector("[data-step='hotmart'] a")).click();
        chromium.driver().findElement(By.id("hottok")).sendKeys(HOTTOK);
        chromium.driver().findElement(By.id("connect")).click();
        String webhookUrl = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("webhook-url"))).getAttribute("value");
        capture("07-conexao-hotmart-webhook");
        chromium.open("/app/connections");
        capture("08-conexoes");

        chromium.open("/app/automations/new?template=purchase_approved_to_kommo_lead");
        chromium.driver().findElement(By.id("create")).click();
        waitFor(ExpectedConditions.elementToBeClickable(By.id("input-lead.name")));
        chromium.driver().findElement(By.id("preview-button")).click();
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-sample='PURCHASE_APPROVED.json']")));
        capture("09-editor");
        scrollTo("preview");
        capture("10-editor-previa");
        scrollTo("filter");
        capture("10b-editor-filtro");
        chromium.driver().findElement(By.id("save-button")).click();
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("saved")));
        chromium.driver().findElement(By.id("activate")).click();
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("automation-status")));
        String editor = chromium.currentPath().replaceAll("\\?.*", "");
        if (!editor.endsWith("/edit")) {
            editor = editor + "/edit";
        }
        chromium.open(editor + "?sample=PURCHASE_APPROVED.json");
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-plan-sample='PURCHASE_APPROVED.json']")));
        scrollTo("plan");
        capture("11-editor-o-que-aconteceria-na-kommo");

        given().baseUri(app.toString()).header("X-HOTMART-HOTTOK", HOTTOK).contentType("application/json")
                .body(AppFormsTest.fixture("PURCHASE_APPROVED.json"))
                .when().post(URI.create(webhookUrl).getPath()).then().statusCode(200);
        chromium.open("/app/runs");
        chromium.await(Duration.ofSeconds(60),
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-run][data-status='SUCCEEDED']")));
        chromium.open("/app/automations");
        capture("12-automacoes");
        chromium.open("/app/runs");
        capture("13-execucoes");
        chromium.driver().findElement(By.cssSelector("[data-run][data-status='SUCCEEDED'] a")).click();
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("run-status")));
        capture("14-execucao-detalhe");
        chromium.open("/conectores/nao-existe");
        capture("15-pagina-nao-encontrada");
    }

    private void scrollTo(String id) {
        chromium.driver().executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }

    private void capture(String name) throws IOException {
        Path file = folder.resolve(name + ".png");
        Files.write(file, chromium.driver().getScreenshotAs(OutputType.BYTES));
        assertTrue(Files.size(file) > 0, file.toString());
    }

    private <T> T waitFor(Function<? super WebDriver, T> condition) {
        return chromium.await(Duration.ofSeconds(15), condition);
    }
}
