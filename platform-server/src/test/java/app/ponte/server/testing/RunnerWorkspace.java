package app.ponte.server.testing;

import static io.restassured.RestAssured.given;

import app.ponte.server.connection.ConnectionStore;
import app.ponte.server.connection.OAuthClients;
import app.ponte.server.connector.ConnectorService;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A workspace ready for runs: its owner's token, a Hotmart connection (hottok and webhook path)
 * and a Kommo account of its own at the simulator — with the steps tests take on it: activate a
 * template, deliver a Hotmart fixture, wait for the run history to settle.
 */
public record RunnerWorkspace(String token, String id, String hottok, String hook, UUID hotmart, SimulatedKommo kommo) {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final List<String> FINAL = List.of("SUCCEEDED", "FILTERED", "FAILED");

    public static RunnerWorkspace create(String name, ConnectorService connectors, OAuthClients clients, ConnectionStore store) {
        String token = Tokens.bearer(UUID.randomUUID().toString(), name.toLowerCase() + "@example.com", name);
        String id = given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(200).extract().path("workspaces[0].id");
        String hottok = "hottok-" + name.toLowerCase() + "-" + "h".repeat(20);
        JsonPath hotmart = given().auth().oauth2(token).contentType("application/json").body("{\"hottok\":\"" + hottok + "\"}")
                .when().post("/api/v1/workspaces/" + id + "/connections/hotmart").then().statusCode(201).extract().jsonPath();
        SimulatedKommo kommo = SimulatedKommo.connect(connectors, clients, store, UUID.fromString(id));
        return new RunnerWorkspace(token, id, hottok, URI.create(hotmart.getString("webhookUrl")).getPath(),
                UUID.fromString(hotmart.getString("connection.id")), kommo);
    }

    public UUID uuid() {
        return UUID.fromString(id);
    }

    public String path(String rest) {
        return "/api/v1/workspaces/" + id + rest;
    }

    /** An automation from the template, on this workspace's connections, switched on; its id. */
    public String activate(String template) {
        String automation = given().auth().oauth2(token).contentType("application/json")
                .body("{\"templateKey\":\"" + template + "\",\"trigger\":{\"connectionId\":\"" + hotmart + "\"},"
                        + "\"action\":{\"connectionId\":\"" + kommo.connectionId() + "\"}}")
                .when().post(path("/automations")).then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).when().post(path("/automations/" + automation + "/activate")).then().statusCode(200);
        return automation;
    }

    public void deliver(String body) {
        given().header("X-HOTMART-HOTTOK", hottok).contentType("application/json").body(body).when().post(hook).then().statusCode(200);
    }

    public JsonPath runs(String query) {
        return given().auth().oauth2(token).when().get(path("/runs?size=100" + query)).then().statusCode(200).extract().jsonPath();
    }

    public JsonPath run(String runId) {
        return given().auth().oauth2(token).when().get(path("/runs/" + runId)).then().statusCode(200).extract().jsonPath();
    }

    /** Polls the run history until {@code done} holds (the runner is asynchronous by design). */
    public JsonPath awaitRuns(String query, Predicate<JsonPath> done) {
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonPath page = runs(query);
        while (!done.test(page)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("runs did not settle: " + page.prettify());
            }
            sleep(100);
            page = runs(query);
        }
        return page;
    }

    /** {@code count} runs, all finished. */
    public static Predicate<JsonPath> settled(int count) {
        return page -> page.getList("items").size() == count && page.getList("items.status", String.class).stream().allMatch(FINAL::contains);
    }

    public static String fixture(String name) {
        try (InputStream in = RunnerWorkspace.class.getResourceAsStream("/samples/hotmart/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("fixture " + name + " is missing", e);
        }
    }

    /** The fixture as another delivery of another buyer (new event id, e-mail, phone and transaction). */
    public static String asAnotherBuyer(String fixture, int n) {
        return fixture.replaceFirst("\"id\"\\s*:\\s*\"[^\"]+\"", "\"id\": \"" + UUID.randomUUID() + "\"")
                .replaceAll("\"email\"\\s*:\\s*\"([^\"@]+)@", "\"email\": \"$1+" + n + "@")
                .replaceAll("\"transaction\"\\s*:\\s*\"([^\"]+)\"", "\"transaction\": \"$1X" + n + "\"")
                .replaceAll("\"checkout_phone\"\\s*:\\s*\"\\d+\"", "\"checkout_phone\": \"9" + String.format("%08d", n) + "\"");
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
