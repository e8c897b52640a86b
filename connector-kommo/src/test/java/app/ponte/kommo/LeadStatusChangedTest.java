package app.ponte.kommo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.api.ConnectorException;
import app.ponte.api.action.Failure;
import app.ponte.api.field.FieldValues;
import app.ponte.api.field.Value;
import app.ponte.api.trigger.SubscriptionLifecycle;
import app.ponte.api.trigger.TriggerDefinition;
import app.ponte.api.trigger.TriggerEvent;
import app.ponte.api.webhook.WebhookOutcome;
import app.ponte.api.webhook.WebhookRequest;
import app.ponte.testkit.InMemoryCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LeadStatusChangedTest {

    private static final TriggerDefinition TRIGGER = new KommoConnector().descriptor().trigger(LeadStatusChanged.KEY).orElseThrow();
    private static final KommoWebhooks RECEIVER = new KommoWebhooks();
    private static final InMemoryCredentials BOREAL = new InMemoryCredentials(Map.of(),
            Map.of("account_id", "29640015", "subdomain", "vidrariaboreal"), null);
    private static SimFixture sim;
    private static int accounts;

    @BeforeAll
    static void startSimulator() {
        sim = new SimFixture();
        sim.reset("{\"rate_limit_per_second\":0}");
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    private static WebhookOutcome receive(String body, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Content-Type", "application/x-www-form-urlencoded");
        return RECEIVER.receive(WebhookRequest.post(all, body), BOREAL);
    }

    private static String sample(String name) {
        return TRIGGER.samples().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().body();
    }

    @Test
    void readsSeveralAddedLeadsWithAccentsInBodyOrderAndSkipsDeletions() {
        WebhookOutcome outcome = receive(sample("leads-added-with-accents.form"), Map.of());

        List<TriggerEvent> events = assertInstanceOf(WebhookOutcome.Events.class, outcome).events();
        assertEquals(2, events.size());
        assertEquals("João Conceição — Ações & Cia", events.get(0).values().get("lead.name").text());
        assertEquals("Márcia Åström", events.get(1).values().get("lead.name").text());
        assertEquals(List.of("18833610", "18833611"), events.stream().map(e -> e.values().get("lead.id").text()).toList());
        assertEquals("kommo:29640015:18833610:59120029:1769002000", events.get(0).dedupKey());
        assertEquals("kommo:29640015:18833610", events.get(0).subject());
        assertEquals("add_lead", events.get(0).eventType());
        assertEquals(Instant.ofEpochSecond(1769002000), events.get(0).occurredAt());
    }

    @Test
    void readsTheContractsStatusExampleWithItsValues() {
        TriggerEvent event = assertInstanceOf(WebhookOutcome.Events.class, receive(sample("lead-moved-to-stage.form"), Map.of()))
                .events().get(0);

        assertEquals("Orçamento janelas - Bloco B", event.values().get("lead.name").text());
        assertEquals("5600", event.values().get("lead.price").text());
        assertEquals("7004412", event.values().get("lead.pipeline_id").text());
        assertEquals("59120033", event.values().get("lead.status_id").text());
        assertEquals(Value.timestamp(Instant.ofEpochSecond(1768899000)), event.values().get("lead.created_at"));
        assertEquals("status_lead", event.eventType());
        assertEquals("kommo:29640015:18833501:59120033:1769001240", event.dedupKey());
    }

    @Test
    void aRedeliveredBodyYieldsTheSameDeduplicationKeys() {
        String body = sample("leads-added-with-accents.form");
        List<String> first = ((WebhookOutcome.Events) receive(body, Map.of())).events().stream().map(TriggerEvent::dedupKey).toList();
        List<String> again = ((WebhookOutcome.Events) receive(body, Map.of())).events().stream().map(TriggerEvent::dedupKey).toList();

        assertEquals(first, again);
    }

    @Test
    void acceptsLiteralBracketsAnyKeyOrderSparseIndicesAndOtherEntities() {
        String body = "leads[status][7][pipeline_id]=10&contacts[add][0][id]=5&leads[status][7][status_id]=20"
                + "&account[id]=29640015&leads[status][7][id]=99&leads[status][7][updated_at]=1769000000&task[x]=y";

        TriggerEvent event = assertInstanceOf(WebhookOutcome.Events.class, receive(body, Map.of())).events().get(0);

        assertEquals("kommo:29640015:99:20:1769000000", event.dedupKey());
    }

    @Test
    void aMinimalDigitalPipelinePayloadIsKeyedByKommosRequestId() {
        String body = "leads%5Bstatus%5D%5B0%5D%5Bid%5D=5&leads%5Bstatus%5D%5B0%5D%5Bpipeline_id%5D=10"
                + "&leads%5Bstatus%5D%5B0%5D%5Bstatus_id%5D=20&account%5Bid%5D=29640015&account%5Bsubdomain%5D=vidrariaboreal";

        TriggerEvent event = assertInstanceOf(WebhookOutcome.Events.class,
                receive(body, Map.of("X-Amocrm-Requestid", "3f1c"))).events().get(0);

        assertEquals("kommo:29640015:5:20:req-3f1c", event.dedupKey());
    }

    @Test
    void deletionsOnlyAreIgnored() {
        String body = "account%5Bid%5D=29640015&leads%5Bdelete%5D%5B0%5D%5Bid%5D=5&leads%5Bdelete%5D%5B0%5D%5Bstatus_id%5D=20"
                + "&leads%5Bdelete%5D%5B0%5D%5Bpipeline_id%5D=10";

        WebhookOutcome.Ignored ignored = assertInstanceOf(WebhookOutcome.Ignored.class, receive(body, Map.of()));
        assertEquals("delete_lead", ignored.eventType());
    }

    @Test
    void aBodyForAnotherKommoAccountIsIgnored() {
        String body = sample("lead-moved-to-stage.form").replace("account%5Bid%5D=29640015", "account%5Bid%5D=111");

        assertInstanceOf(WebhookOutcome.Ignored.class, receive(body, Map.of()));
    }

    @Test
    void unparsableBodiesAreMalformed() {
        assertInstanceOf(WebhookOutcome.Malformed.class, receive("{\"leads\":[]}", Map.of()));
        assertInstanceOf(WebhookOutcome.Malformed.class, receive("account%5Bid%5D=29640015&leads%ZZ=1", Map.of()));
        assertInstanceOf(WebhookOutcome.Malformed.class, receive("", Map.of()));
        assertInstanceOf(WebhookOutcome.Malformed.class, receive("account[id=1", Map.of()));
    }

    @Test
    void firesOnlyForTheChosenPipelineAndStage() {
        TriggerEvent event = ((WebhookOutcome.Events) receive(sample("lead-moved-to-stage.form"), Map.of())).events().get(0);

        assertTrue(TRIGGER.filter().matches(event, Map.of("pipeline_id", "7004412", "status_id", "59120033")));
        assertFalse(TRIGGER.filter().matches(event, Map.of("pipeline_id", "7004412", "status_id", "59120029")));
        assertFalse(TRIGGER.filter().matches(event, Map.of("pipeline_id", "1", "status_id", "59120033")));
    }

    @Test
    void enrichesTheTwelveFieldsFromTheLeadItsMainContactAndItsCompany() throws Exception {
        SimFixture.Account account = sim.account("enrich" + ++accounts, true);
        JsonNode ids = sim.seed(account.subdomain(), """
                {"companies":[{"name":"Vidraria Boreal"}],
                 "contacts":[{"first_name":"Márcia","last_name":"Åström"}],
                 "leads":[{"name":"Orçamento","price":5600,"score":12,"labor_cost":3600,"is_price_computed":true}]}""");
        long company = ids.path("companies").path(0).asLong();
        long contact = ids.path("contacts").path(0).asLong();
        long lead = ids.path("leads").path(0).asLong();
        sim.seed(account.subdomain(), """
                {"links":[{"entity_type":"leads","entity_id":%d,"to_entity_type":"contacts","to_entity_id":%d},
                          {"entity_type":"contacts","entity_id":%d,"to_entity_type":"companies","to_entity_id":%d}]}"""
                .formatted(lead, contact, contact, company));
        TriggerEvent event = event(account, lead);

        FieldValues values = TRIGGER.enricher().orElseThrow().enrich(event, new TestConnection(account.fresh(), new TestConnection.Limiters(1000)));

        assertEquals("Orçamento", values.get("lead.name").text());
        assertEquals("5600", values.get("lead.price").text());
        assertEquals(new Value.Bool(false), values.get("lead.is_deleted"));
        assertEquals("12", values.get("lead.score").text());
        assertEquals("3600", values.get("lead.labor_cost").text());
        assertEquals(new Value.Bool(true), values.get("lead.is_price_computed"));
        assertInstanceOf(Value.Timestamp.class, values.get("lead.created_at"));
        assertInstanceOf(Value.Timestamp.class, values.get("lead.updated_at"));
        assertEquals("Márcia Åström", values.get("lead.contact.name").text());
        assertEquals("Márcia", values.get("lead.contact.first_name").text());
        assertEquals("Åström", values.get("lead.contact.last_name").text());
        assertEquals("Vidraria Boreal", values.get("lead.contact.company_name").text());
    }

    @Test
    void aDeletedLeadIsReportedDeletedWithoutContactFields() throws Exception {
        SimFixture.Account account = sim.account("enrich" + ++accounts, true);
        long lead = sim.seed(account.subdomain(), "{\"leads\":[{\"name\":\"Apagado\"}]}").path("leads").path(0).asLong();
        sim.control("POST", "/accounts/" + account.subdomain() + "/leads/" + lead + "/delete", "{}");

        FieldValues values = TRIGGER.enricher().orElseThrow().enrich(event(account, lead),
                new TestConnection(account.fresh(), new TestConnection.Limiters(1000)));

        assertEquals(new Value.Bool(true), values.get("lead.is_deleted"));
        assertTrue(values.get("lead.contact.name").isEmpty());
    }

    private static TriggerEvent event(SimFixture.Account account, long lead) {
        String body = "account%5Bid%5D=" + account.id() + "&leads%5Bstatus%5D%5B0%5D%5Bid%5D=" + lead
                + "&leads%5Bstatus%5D%5B0%5D%5Bstatus_id%5D=" + account.stages().get(1)
                + "&leads%5Bstatus%5D%5B0%5D%5Bpipeline_id%5D=" + account.pipelineId()
                + "&leads%5Bstatus%5D%5B0%5D%5Bupdated_at%5D=1769000000";
        return ((WebhookOutcome.Events) RECEIVER.receive(WebhookRequest.post(Map.of(), body), account.fresh())).events().get(0);
    }

    @Test
    void subscribesAndUnsubscribesTheConnectionsUrlAndReceivesKommosDeliveries() throws Exception {
        SimFixture.Account account = sim.account("hooks" + ++accounts, true);
        LinkedBlockingQueue<String> bodies = new LinkedBlockingQueue<>();
        HttpServer ingress = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ingress.createContext("/hooks/kommo/", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        ingress.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + ingress.getAddress().getPort() + "/hooks/kommo/tok3n");
            TestConnection connection = new TestConnection(account.fresh(), new TestConnection.Limiters(1000));
            SubscriptionLifecycle lifecycle = TRIGGER.lifecycle().orElseThrow();

            SubscriptionLifecycle.Subscription subscription = lifecycle.subscribe(connection, url);
            JsonNode hooks = SimFixture.json(sim.call("GET", "/api/v4/webhooks", null, account.accessToken()).body());
            long lead = sim.seed(account.subdomain(), "{\"leads\":[{\"name\":\"Ação\"}]}").path("leads").path(0).asLong();
            sim.control("POST", "/accounts/" + account.subdomain() + "/leads/" + lead + "/move",
                    "{\"status_id\":" + account.stages().get(2) + "}");
            String delivered = bodies.poll(5, TimeUnit.SECONDS);
            lifecycle.unsubscribe(connection, subscription);

            assertEquals(url.toString(), hooks.path("_embedded").path("webhooks").path(0).path("destination").asText());
            assertEquals(List.of("status_lead", "add_lead").stream().sorted().toList(),
                    java.util.stream.StreamSupport.stream(hooks.path("_embedded").path("webhooks").path(0).path("settings").spliterator(), false)
                            .map(JsonNode::asText).sorted().toList());
            TriggerEvent event = assertInstanceOf(WebhookOutcome.Events.class,
                    RECEIVER.receive(WebhookRequest.post(Map.of(), delivered), account.fresh())).events().get(0);
            assertEquals("Ação", event.values().get("lead.name").text());
            assertTrue(TRIGGER.filter().matches(event, Map.of("pipeline_id", Long.toString(account.pipelineId()),
                    "status_id", Long.toString(account.stages().get(2)))));
            assertEquals(204, sim.call("GET", "/api/v4/webhooks", null, account.accessToken()).statusCode());
        } finally {
            ingress.stop(0);
        }
    }

    @Test
    void whenKommoRefusesTheSubscriptionTheTenantIsToldToRegisterTheUrlByHand() {
        SimFixture.Account account = sim.account("nonadmin" + ++accounts, false);
        TestConnection connection = new TestConnection(account.fresh(), new TestConnection.Limiters(1000));

        ConnectorException e = assertThrows(ConnectorException.class, () -> TRIGGER.lifecycle().orElseThrow()
                .subscribe(connection, URI.create("https://ponte.example/hooks/kommo/secret-token")));

        assertEquals(Failure.Kind.PERMANENT, e.failure().kind());
        assertTrue(e.getMessage().contains("à mão"), e.getMessage());
        assertFalse(e.getMessage().contains("secret-token"));
    }
}
