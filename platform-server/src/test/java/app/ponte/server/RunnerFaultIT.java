package app.ponte.server;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.server.testing.HotmartLoad;
import app.ponte.server.testing.HotmartLoad.Delivery;
import app.ponte.server.testing.HotmartLoad.Sale;
import app.ponte.server.testing.LaunchedStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runner's fault tests (issue 6's acceptance) on the local stack's real servers, started from
 * the launcher's components: a few hundred Hotmart deliveries — distinct buyers, buyers who buy
 * again, repeated deliveries — while the platform is killed with SIGKILL and started again, or
 * while the Kafka broker is stopped and started again. Afterwards every delivery that was answered
 * 2xx has exactly one SUCCEEDED run per automation it matches ("Venda aprovada" and "Venda
 * criada"), and the Kommo account holds one contact and one lead per buyer, no more.
 *
 * <p>Small retry delays, a 5 s lease, no monthly run limit and no rate limit in the way (the
 * simulator's is off, Ponte's pacing high): what is measured is loss and duplication, not speed.
 * Nothing is timed; every wait polls with a generous deadline. Logs: target/runner-fault-it/logs.
 */
class RunnerFaultIT {

    private static final Path HOME = Path.of("target/runner-fault-it").toAbsolutePath();
    private static final Map<String, String> PLATFORM_SETTINGS = Map.of(
            "ponte.runner.first-retry-delay", "200ms",
            "ponte.runner.max-retry-delay", "3s",
            "ponte.runner.lease", "5s",
            "ponte.runner.relay-interval", "100ms",
            "ponte.runner.scheduler-interval", "200ms",
            "ponte.plans.default-plan", "unlimited",
            "ponte.rate-limit.per-account-per-second", "1000",
            // a killed instance's consumer leaves the group after 10 s instead of 45 s: only quicker
            "mp.messaging.incoming.trigger-events-in.session.timeout.ms", "10000");
    private static final String HOTTOK = "hottok-das-falhas-" + "f".repeat(20);
    private static final String APPROVED = "purchase_approved";
    private static final String CREATED = "purchase_created";
    private static final Set<String> FINAL = Set.of("SUCCEEDED", "FILTERED", "FAILED");
    private static final Duration SETTLE_PATIENCE = Duration.ofMinutes(8);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LaunchedStack stack;
    private static String workspace;
    private static URI hook;
    /** The automation id per trigger key. */
    private static final Map<String, String> AUTOMATIONS = new HashMap<>();

    @BeforeAll
    static void startTheStackWithAWorkspaceReadyForRuns() throws Exception {
        deleteRecursively(HOME);
        Instant started = Instant.now();
        stack = LaunchedStack.start(HOME, PLATFORM_SETTINGS);
        say("stack started in " + Duration.between(started, Instant.now()).toSeconds() + " s; logs in " + stack.logs());

        String kommo = stack.connectDemoKommoAccount();
        given().baseUri(stack.simulatorUrl().toString()).contentType("application/json").body("{\"rate_limit_per_second\":0}")
                .when().put("/__sim/config").then().statusCode(200);
        workspace = api().when().get("/api/v1/me").then().statusCode(200).extract().path("workspaces[0].id");
        JsonPath hotmart = api().contentType("application/json").body("{\"hottok\":\"" + HOTTOK + "\"}")
                .when().post(workspacePath("/connections/hotmart")).then().statusCode(201).extract().jsonPath();
        hook = stack.platformUrl().resolve(URI.create(hotmart.getString("webhookUrl")).getPath());
        for (String trigger : List.of(APPROVED, CREATED)) {
            String automation = api().contentType("application/json")
                    .body("{\"templateKey\":\"" + trigger + "_to_kommo_lead\",\"trigger\":{\"connectionId\":\""
                            + hotmart.getString("connection.id") + "\"},\"action\":{\"connectionId\":\"" + kommo + "\"}}")
                    .when().post(workspacePath("/automations")).then().statusCode(201).extract().path("id");
            api().when().post(workspacePath("/automations/" + automation + "/activate")).then().statusCode(200);
            AUTOMATIONS.put(trigger, automation);
        }
        say("workspace " + workspace + " ready in " + Duration.between(started, Instant.now()).toSeconds() + " s");
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aServerKilledMidLoadAndStartedAgainRunsEveryAcknowledgedDeliveryExactlyOnce() throws Exception {
        List<Sale> sales = HotmartLoad.sales("k", 150, 5);
        List<Delivery> deliveries = new ArrayList<>();
        Instant started = Instant.now();
        try (HotmartLoad load = new HotmartLoad(hook, HOTTOK, 8)) {
            List<CompletableFuture<Delivery>> posted = new ArrayList<>(sales.stream().map(load::post).toList());
            posted.addAll(redeliveries(sales).stream().map(load::post).toList());

            await("a third of the deliveries acknowledged and runs under way",
                    () -> load.acknowledged() >= sales.size() / 3 && openRuns() > 0);
            say("killing the platform (SIGKILL) after " + load.acknowledged() + " acknowledged deliveries; " + backlog());
            stack.platform().kill();
            say("killed; " + backlog());
            stack.platform().start();
            say("platform started again after " + load.acknowledged() + " acknowledged deliveries; " + backlog());

            posted.forEach(p -> deliveries.add(p.join()));
        }
        say(deliveries.size() + " deliveries acknowledged in " + Duration.between(started, Instant.now()).toSeconds() + " s, "
                + deliveries.stream().filter(d -> d.tries() > 1).count() + " of them only after being sent again");

        assertExactlyOnce(sales, started);
    }

    @Test
    void aKafkaBrokerStoppedMidLoadLosesNothingTheIngressAcknowledged() throws Exception {
        List<Sale> sales = HotmartLoad.sales("b", 150, 5);
        List<Sale> beforeOutage = sales.subList(0, 70);
        List<Sale> duringOutage = sales.subList(70, 170);
        List<Sale> afterOutage = sales.subList(170, sales.size());
        List<Delivery> deliveries = new ArrayList<>();
        Instant started = Instant.now();
        try (HotmartLoad load = new HotmartLoad(hook, HOTTOK, 8)) {
            List<CompletableFuture<Delivery>> posted = new ArrayList<>(beforeOutage.stream().map(load::post).toList());
            await("the first deliveries acknowledged and runs under way", () -> load.acknowledged() >= 35 && openRuns() > 0);
            say("stopping Kafka after " + load.acknowledged() + " acknowledged deliveries; " + backlog());
            stack.kafka().stop();
            assertFalse(stack.kafka().isRunning());
            say("Kafka stopped; " + backlog());

            // a trickle over about 35 s, longer than the relay's own Kafka timeouts (the producer's 20 s
            // delivery timeout, the relay's 30 s wait): relays fail meanwhile and only the outbox holds the events
            for (Sale sale : duringOutage) {
                posted.add(load.post(sale));
                Thread.sleep(350);
            }
            posted.forEach(p -> deliveries.add(p.join()));
            assertFalse(stack.kafka().isRunning(), "Kafka stayed away while these deliveries were answered");
            say(deliveries.size() + " deliveries acknowledged, the last " + duringOutage.size() + " while Kafka was away; " + backlog());

            stack.kafka().start();
            say("Kafka started again; " + backlog());
            List<CompletableFuture<Delivery>> rest = new ArrayList<>(afterOutage.stream().map(load::post).toList());
            rest.addAll(redeliveries(sales).stream().map(load::post).toList());
            rest.forEach(p -> deliveries.add(p.join()));
        }
        List<Delivery> refused = deliveries.stream().filter(d -> d.tries() > 1).toList();
        assertEquals(List.of(), refused.stream().map(d -> d.sale().eventId() + ": " + d.refusals()).toList(),
                "the ingress answered every delivery 2xx at once, Kafka or not (the PostgreSQL outbox holds them)");
        say(deliveries.size() + " deliveries acknowledged in " + Duration.between(started, Instant.now()).toSeconds() + " s");

        assertExactlyOnce(sales, started);
    }

    /** Every 7th sale delivered a second time (Hotmart repeats deliveries it is not sure about). */
    private static List<Sale> redeliveries(List<Sale> sales) {
        return Stream.iterate(0, i -> i < sales.size(), i -> i + 7).map(sales::get).toList();
    }

    /**
     * Waits until every sale's two trigger events have a finished run, then checks: one event and
     * one SUCCEEDED run per (automation, sale), every run of a buyer on the same Kommo lead, and at
     * Kommo one contact and one lead per buyer.
     */
    private static void assertExactlyOnce(List<Sale> sales, Instant started) throws Exception {
        Map<String, List<EventRun>> byKey = awaitSettled(sales);
        say("all runs finished " + Duration.between(started, Instant.now()).toSeconds() + " s after the first delivery");

        Map<String, Set<String>> leadsByBuyer = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Sale sale : sales) {
            for (Map.Entry<String, String> expected : Map.of(APPROVED, sale.eventId(), CREATED, sale.transaction()).entrySet()) {
                List<EventRun> runs = byKey.getOrDefault(expected.getKey() + "/" + expected.getValue(), List.of());
                List<EventRun> succeeded = runs.stream().filter(r -> "SUCCEEDED".equals(r.status())
                        && AUTOMATIONS.get(expected.getKey()).equals(r.automationId())).toList();
                if (runs.size() != 1 || succeeded.size() != 1) {
                    problems.add(expected + " of " + sale.email() + ": " + runs);
                } else {
                    leadsByBuyer.computeIfAbsent(sale.email(), k -> new java.util.TreeSet<>())
                            .add(String.valueOf(succeeded.get(0).leadId()));
                }
            }
        }
        assertEquals(List.of(), problems, "every acknowledged delivery: one event and one SUCCEEDED run per automation");
        long events = byKey.values().stream().mapToLong(List::size).sum();
        assertEquals(2L * sales.size(), events, "two events per sale, no more (the repeated deliveries made none)");
        Map<String, Set<String>> splitBuyers = leadsByBuyer.entrySet().stream().filter(e -> e.getValue().size() != 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(Map.of(), splitBuyers, "all runs of a buyer wrote the same Kommo lead");

        JsonNode kommo = JSON.readTree(given().baseUri(stack.simulatorUrl().toString())
                .when().get("/__sim/accounts/ponte-demo/state").then().statusCode(200).extract().asString());
        Set<String> buyers = sales.stream().map(Sale::email).collect(Collectors.toSet());
        Map<String, Long> contacts = new TreeMap<>();
        for (JsonNode contact : kommo.path("contacts")) {
            contact.path("custom_fields_values").findValuesAsText("value").stream().filter(buyers::contains).distinct()
                    .forEach(email -> contacts.merge(email, 1L, Long::sum));
        }
        Map<String, String> names = sales.stream().collect(Collectors.toMap(Sale::buyerName, Sale::email, (a, b) -> a));
        Map<String, List<String>> leadIds = new TreeMap<>();
        for (JsonNode lead : kommo.path("leads")) {
            String email = names.get(lead.path("name").asText());
            if (email != null && !lead.path("is_deleted").asBoolean(false)) {
                leadIds.computeIfAbsent(email, k -> new ArrayList<>()).add(lead.path("id").asText());
                List<String> tags = lead.path("_embedded").path("tags").findValuesAsText("name");
                assertTrue(tags.containsAll(List.of("Venda aprovada", "Venda criada")), lead.toString());
            }
        }
        List<String> kommoProblems = new ArrayList<>();
        for (String buyer : new java.util.TreeSet<>(buyers)) {
            long contactCount = contacts.getOrDefault(buyer, 0L);
            List<String> buyerLeads = leadIds.getOrDefault(buyer, List.of());
            Set<String> reported = leadsByBuyer.getOrDefault(buyer, Set.of());
            if (contactCount != 1 || buyerLeads.size() != 1 || !reported.equals(Set.copyOf(buyerLeads))) {
                kommoProblems.add(buyer + ": " + contactCount + " contacts, leads " + buyerLeads + ", the runs report leads " + reported);
            }
        }
        assertEquals(List.of(), kommoProblems, "at Kommo, one contact and one lead per buyer: the lead all its runs report");

        // the run history API agrees: nothing failed or left open, as many successes as in the database
        for (String status : List.of("FAILED", "QUEUED", "RUNNING", "RETRYING", "PARKED")) {
            assertEquals(0, (int) api().when().get(workspacePath("/runs?size=1&status=" + status)).then().statusCode(200)
                    .extract().path("total"), status + " runs in the history");
        }
        assertEquals(tenantRuns("SUCCEEDED"), ((Number) api().when().get(workspacePath("/runs?size=1&status=SUCCEEDED"))
                .then().statusCode(200).extract().path("total")).longValue(), "SUCCEEDED runs in the history");
    }

    /** The workspace's trigger events and their runs, by trigger and de-dup key, once the sales' runs are all final. */
    private static Map<String, List<EventRun>> awaitSettled(List<Sale> sales) throws Exception {
        Set<String> expected = sales.stream().flatMap(s -> Stream.of(APPROVED + "/" + s.eventId(), CREATED + "/" + s.transaction()))
                .collect(Collectors.toSet());
        Instant deadline = Instant.now().plus(SETTLE_PATIENCE);
        while (true) {
            Map<String, List<EventRun>> byKey = eventRuns(sales);
            long done = expected.stream().filter(key -> byKey.getOrDefault(key, List.of()).stream()
                    .anyMatch(r -> r.status() != null && FINAL.contains(r.status()))).count();
            boolean open = byKey.values().stream().flatMap(List::stream).anyMatch(r -> r.status() == null || !FINAL.contains(r.status()));
            if (done == expected.size() && !open) {
                return byKey;
            }
            if (Instant.now().isAfter(deadline)) {
                Map<String, Long> statuses = byKey.values().stream().flatMap(List::stream)
                        .collect(Collectors.groupingBy(r -> String.valueOf(r.status()), TreeMap::new, Collectors.counting()));
                List<String> missing = expected.stream().filter(key -> !byKey.containsKey(key)).sorted().limit(10).toList();
                throw new AssertionError("the runs did not settle within " + SETTLE_PATIENCE.toMinutes() + " min: " + done + " of "
                        + expected.size() + " events have a finished run; runs by status " + statuses + "; events never stored "
                        + "(first 10): " + missing + "; " + backlog() + "; logs in " + stack.logs());
            }
            Thread.sleep(1_000);
        }
    }

    /** A trigger event of the workspace and one of its runs (status null: no run). */
    private record EventRun(String triggerKey, String dedupKey, String automationId, String status, String leadId, int attempts) {
    }

    /** The events of the sales (by their de-dup keys: event ids and transactions), with their runs. */
    private static Map<String, List<EventRun>> eventRuns(List<Sale> sales) throws Exception {
        Map<String, List<EventRun>> byKey = new HashMap<>();
        try (Connection db = stack.database(); PreparedStatement query = db.prepareStatement("""
                SELECT e.trigger_key, e.dedup_key, r.automation_id, r.status, r.outputs, r.attempts
                  FROM inbound_event e LEFT JOIN run r ON r.inbound_event_id = e.id
                 WHERE e.tenant_id = ?::uuid AND e.dedup_key = ANY(?)""")) {
            query.setString(1, workspace);
            query.setArray(2, db.createArrayOf("varchar", sales.stream()
                    .flatMap(s -> Stream.of(s.eventId(), s.transaction())).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String outputs = rows.getString(5);
                    // typed values, as EventValuesCodec writes them: {"lead.id":{"t":"text","v":"123"}}
                    String leadId = outputs == null ? null : JSON.readTree(outputs).path("lead.id").path("v").asText(null);
                    EventRun run = new EventRun(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), leadId,
                            rows.getInt(6));
                    byKey.computeIfAbsent(run.triggerKey() + "/" + run.dedupKey(), k -> new ArrayList<>()).add(run);
                }
            }
        }
        byKey.values().forEach(runs -> runs.removeIf(r -> r.status() == null && runs.size() > 1));
        return byKey;
    }

    private static long tenantRuns(String status) throws Exception {
        try (Connection db = stack.database();
                PreparedStatement query = db.prepareStatement("SELECT count(*) FROM run WHERE tenant_id = ?::uuid AND status = ?")) {
            query.setString(1, workspace);
            query.setString(2, status);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static long openRuns() {
        try {
            return tenantRunsIn("('QUEUED', 'RUNNING', 'RETRYING')");
        } catch (Exception e) {
            return 0;
        }
    }

    private static long tenantRunsIn(String statuses) throws Exception {
        try (Connection db = stack.database(); PreparedStatement query = db.prepareStatement(
                "SELECT count(*) FROM run WHERE tenant_id = ?::uuid AND status IN " + statuses)) {
            query.setString(1, workspace);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Where the work stands, for the test's log: events not yet relayed to Kafka, runs by status. */
    private static String backlog() {
        try (Connection db = stack.database(); PreparedStatement query = db.prepareStatement("""
                SELECT 'unrelayed events', count(*) FROM inbound_event WHERE tenant_id = ?::uuid AND relayed_at IS NULL
                UNION ALL SELECT status, count(*) FROM run WHERE tenant_id = ?::uuid GROUP BY status""")) {
            query.setString(1, workspace);
            query.setString(2, workspace);
            Map<String, Long> counts = new TreeMap<>(Comparator.reverseOrder());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
            return counts.toString();
        } catch (Exception e) {
            return "(database not readable: " + e + ")";
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within 5 min: " + what + "; " + backlog());
            }
            Thread.sleep(50);
        }
    }

    private static RequestSpecification api() {
        try {
            return given().baseUri(stack.platformUrl().toString()).auth().oauth2(stack.apiToken());
        } catch (Exception e) {
            throw new IllegalStateException("no API token for the demo user", e);
        }
    }

    private static String workspacePath(String rest) {
        return "/api/v1/workspaces/" + workspace + rest;
    }

    private static void say(String message) {
        System.out.println("RunnerFaultIT: " + message);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
