package app.ponte.server.testing;

import app.ponte.kommo.simulator.KommoSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A Kommo simulator for the run (in this JVM, on a free port) with a demo account and the
 * platform's test integration; the platform's Kommo OAuth client points at it.
 */
public class KommoSimulatorResource implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "ponte-test-client";
    public static final String CLIENT_SECRET = "ponte-test-secret";
    public static final String REDIRECT_URI = "http://localhost:8080/oauth/kommo/callback";
    private static final String BASE_URL = "test-servers.kommo-simulator";

    private static KommoSimulator simulator;

    public static synchronized String baseUrl() {
        String url = System.getProperty(BASE_URL);
        if (url == null) {
            simulator = KommoSimulator.start(KommoSimulator.Options.defaults().withDemo(true)
                    .withDemoIntegration(CLIENT_ID, CLIENT_SECRET, REDIRECT_URI));
            Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "stop-kommo-simulator"));
            url = simulator.baseUrl();
            System.setProperty(BASE_URL, url);
            // The platform's tests pace fast (ponte.rate-limit.per-account-per-second in %test): the
            // simulator's 7 requests/s and its IP block would make them about Kommo's limit, which the
            // connector's own tests (KommoPacingTest) and the simulator's prove; tests that need a 429
            // inject it (POST /__sim/faults).
            configure(url, "{\"rate_limit_per_second\":0}");
        }
        return url;
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "ponte.oauth.kommo.client-id", CLIENT_ID,
                "ponte.oauth.kommo.client-secret", CLIENT_SECRET,
                "ponte.oauth.kommo.redirect-uri", REDIRECT_URI,
                "ponte.oauth.kommo.api-base-override", baseUrl());
    }

    @Override
    public void stop() {
        // shared by every test class of the run; stopped when the JVM exits
    }

    private static void configure(String baseUrl, String json) {
        try {
            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + "/__sim/config"))
                            .header("Content-Type", "application/json")
                            .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("the simulator refused its configuration: " + answer.body());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
