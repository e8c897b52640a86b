package app.ponte.server.testing;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for browser tests: the distribution's {@code chromium} and
 * {@code chromedriver} (packages chromium and chromium-driver; other paths with
 * {@code -Dtest.chromium=} and {@code -Dtest.chromedriver=}), a fresh profile, and the
 * launch flags that keep it off the network (see INFRA notes). Pages ask for pt-BR first, as a
 * Brazilian visitor's browser does.
 */
public final class Chromium implements AutoCloseable {

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;

    private Chromium(ChromeDriver driver, Path profile, String baseUrl) {
        this.driver = driver;
        this.profile = profile;
        this.baseUrl = baseUrl;
    }

    /** @param app the application's base URL, e.g. the test's {@code @TestHTTPResource("/")} */
    public static Chromium start(URL app) {
        Path browser = Path.of(System.getProperty("test.chromium", "/usr/bin/chromium"));
        Path driverBinary = Path.of(System.getProperty("test.chromedriver", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(browser) || !Files.isExecutable(driverBinary)) {
            throw new IllegalStateException("Browser tests need " + browser + " and " + driverBinary
                    + ": apt-get install chromium chromium-driver (or set -Dtest.chromium and -Dtest.chromedriver)");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("ponte-chromium");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=pt-BR", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "pt-BR,pt"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driverBinary.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // findElement waits this long for an element to appear (a page that is still loading)
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        String base = app.toString().endsWith("/") ? app.toString().substring(0, app.toString().length() - 1) : app.toString();
        return new Chromium(driver, profile, base);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens a path of the application, e.g. {@code open("/integracoes/hotmart/kommo")}. */
    public void open(String path) {
        driver.get(baseUrl + path);
    }

    /**
     * Waits up to {@code timeout} for {@code condition}. An element read while htmx swaps the
     * fragment holding it (a polled {@code outerHTML} swap) is gone: the condition is tried again.
     */
    public <T> T await(Duration timeout, Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** The path (and query) of the page the browser shows, when it is one of the application's. */
    public String currentPath() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
