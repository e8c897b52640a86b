package app.ponte.server.runner;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.ponte.server.connection.ConnectionStore;
import app.ponte.server.connection.OAuthClients;
import app.ponte.server.connector.ConnectorService;
import app.ponte.server.testing.RunnerWorkspace;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The names in deploy/grafana/exported-metrics.txt (which the Grafana dashboard may use, checked by
 * deploy/manifest-checks) are all in a real scrape of /q/metrics once the platform has run an event —
 * Ponte's own meters and the Kafka binder's consumer lag alike.
 */
@QuarkusTest
class ExportedMetricNamesTest {

    private static final Path LISTED = Path.of("../deploy/grafana/exported-metrics.txt");

    @Inject
    ConnectorService connectors;

    @Inject
    OAuthClients clients;

    @Inject
    ConnectionStore store;

    @Test
    void everyMetricNameTheDashboardMayUseIsExported() throws IOException {
        Set<String> listed = Arrays.stream(Files.readString(LISTED).split("\n")).map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(Collectors.toCollection(TreeSet::new));
        RunnerWorkspace w = RunnerWorkspace.create("Ursula", connectors, clients, store);
        w.activate("purchase_approved_to_kommo_lead");
        w.deliver(RunnerWorkspace.asAnotherBuyer(RunnerWorkspace.fixture("PURCHASE_APPROVED.json"), 72));
        w.awaitRuns("", RunnerWorkspace.settled(1));

        // Micrometer's Kafka binder looks for new client metrics (a partition's lag appears once it is
        // fetched from) every 60 s: wait for one such refresh
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        Set<String> scraped = scrape();
        while (!scraped.containsAll(listed) && Instant.now().isBefore(deadline)) {
            RunnerWorkspace.sleep(500);
            scraped = scrape();
        }
        Set<String> missing = new TreeSet<>(listed);
        missing.removeAll(scraped);
        Set<String> kafka = scraped.stream().filter(name -> name.startsWith("kafka_consumer_fetch"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), missing, "listed in " + LISTED + " but not exported; the Kafka consumer fetch metrics are " + kafka);
    }

    private static Set<String> scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toSet());
    }
}
