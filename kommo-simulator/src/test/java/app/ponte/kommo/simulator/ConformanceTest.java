package app.ponte.kommo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The conformance checks of contract §8. */
class ConformanceTest {
    static KommoSimulator sim;
    static SimClient c;

    @BeforeAll
    static void start() {
        sim = KommoSimulator.start(KommoSimulator.Options.defaults());
        c = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        c.setUp();
    }

    @Test
    void eightRequestsWithinASecondGetExactlyOne429() {
        c.control("PUT", "/config", "{\"rate_limit_per_second\":7}");
        int rejected = 0;
        String body = null;
        for (int i = 0; i < 8; i++) {
            var r = c.api("GET", "/account", null);
            if (r.status() == 429) {
                rejected++;
                body = r.body();
            }
        }
        assertEquals(1, rejected);
        JsonNode json = Json.parse(body);
        assertEquals("Too Many Requests", json.path("title").asText());
        assertEquals("https://httpstatus.es/429", json.path("type").asText());
        assertEquals(1, json.path("retry_after").asInt());
    }

    @Test
    void sevenRequestsPerSecondSustainedForFiveSecondsAreNeverRejected() throws Exception {
        c.control("PUT", "/config", "{\"rate_limit_per_second\":7}");
        // at least 150 ms between one answer and the next request: never more than 7 in any second, however
        // late a loaded machine runs the loop (a fixed schedule would send late requests in a burst)
        for (int i = 0; i < 35; i++) {
            if (i > 0) {
                Thread.sleep(150);
            }
            assertEquals(200, c.api("GET", "/account", null).status(), "request " + i);
        }
    }

    @Test
    void exchangingACodeTwiceIsRevokedAndReusingARefreshTokenIsRevoked() {
        String code = c.code();
        JsonNode first = c.tokens(code);
        assertTrue(first.path("access_token").asText().length() >= 40);
        JsonNode second = c.tokens(code);
        assertEquals(400, second.path("status").asInt());
        assertEquals("Authorization code has been revoked", second.path("hint").asText());
        String refresh = first.path("refresh_token").asText();
        assertEquals(200, c.refresh(refresh).status());
        var again = c.refresh(refresh);
        assertEquals(401, again.status());
        assertEquals("Token has been revoked", again.json().path("hint").asText());
    }

    @Test
    void advancingTheClockByTheAccessTtlExpiresTheAccessTokenButNotTheRefreshToken() {
        JsonNode pair = c.tokens(c.code());
        c.token = pair.path("access_token").asText();
        assertEquals(200, c.api("GET", "/account", null).status());
        c.control("POST", "/clock", "{\"advance_seconds\":86400}");
        var expired = c.api("GET", "/account", null);
        assertEquals(401, expired.status());
        assertTrue(expired.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        var refreshed = c.refresh(pair.path("refresh_token").asText());
        assertEquals(200, refreshed.status());
        c.token = refreshed.json().path("access_token").asText();
        assertEquals(200, c.api("GET", "/account", null).status());
    }

    @Test
    void complexLeadLinksNewContactAndCompany() {
        var r = c.api("POST", "/leads/complex", "[{\"name\":\"Venda\",\"price\":100,\"_embedded\":{\"contacts\":[{\"first_name\":\"Ana\",\"last_name\":\"Souza\"}],\"companies\":[{\"name\":\"Acme Ltda\"}]}}]");
        assertEquals(200, r.status(), r.body());
        JsonNode item = r.json().get(0);
        assertFalse(item.path("merged").asBoolean());
        long lead = item.path("id").asLong();
        long contact = item.path("contact_id").asLong();
        long company = item.path("company_id").asLong();
        JsonNode got = c.api("GET", "/leads/" + lead + "?with=contacts", null).json();
        assertEquals(contact, got.path("_embedded").path("contacts").get(0).path("id").asLong());
        assertTrue(got.path("_embedded").path("contacts").get(0).path("is_main").asBoolean());
        assertEquals(company, got.path("_embedded").path("companies").get(0).path("id").asLong());
        JsonNode person = c.api("GET", "/contacts/" + contact, null).json();
        assertEquals("Ana Souza", person.path("name").asText());
        assertEquals(company, person.path("_embedded").path("companies").get(0).path("id").asLong());
    }

    @Test
    void movingALeadPostsTheStatusWebhookRetriesAndDisablesAfter101InvalidAnswers() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        int[] answer = {200};
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(answer[0], -1);
            ex.close();
        });
        receiver.start();
        try {
            String dest = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            assertEquals(200, c.api("POST", "/webhooks", "{\"destination\":\"" + dest + "\",\"settings\":[\"status_lead\"]}").status());
            JsonNode pipeline = c.api("GET", "/leads/pipelines", null).json().path("_embedded").path("pipelines").get(0);
            JsonNode statuses = pipeline.path("_embedded").path("statuses");
            long first = statuses.get(1).path("id").asLong();
            long second = statuses.get(2).path("id").asLong();
            long lead = c.api("POST", "/leads", "[{\"name\":\"Orçamento janelas - Bloco B\",\"price\":5600}]").json()
                    .path("_embedded").path("leads").get(0).path("id").asLong();
            assertEquals(200, c.api("PATCH", "/leads/" + lead, "{\"status_id\":" + second + "}").status());
            waitFor(() -> bodies.size() == 1);
            String body = bodies.get(0);
            assertTrue(body.startsWith("account%5Bsubdomain%5D=acme&account%5Bid%5D="), body);
            assertTrue(body.contains("&leads%5Bstatus%5D%5B0%5D%5Bid%5D=" + lead + "&leads%5Bstatus%5D%5B0%5D%5Bname%5D=Or%C3%A7amento+janelas+-+Bloco+B&leads%5Bstatus%5D%5B0%5D%5Bstatus_id%5D=" + second + "&leads%5Bstatus%5D%5B0%5D%5Bold_status_id%5D=" + first + "&leads%5Bstatus%5D%5B0%5D%5Bprice%5D=5600"), body);
            assertFalse(body.contains("leads%5Bupdate%5D"), "only subscribed events are sent");

            answer[0] = 500;
            c.api("PATCH", "/leads/" + lead, "{\"status_id\":" + first + "}");
            waitFor(() -> bodies.size() == 2);
            c.control("POST", "/webhooks/flush", null);
            assertEquals(3, bodies.size(), "the failed delivery is retried");
            assertEquals(bodies.get(1), bodies.get(2));

            for (int i = 0; i < 99; i++) {
                c.control("POST", "/accounts/acme/leads/" + lead + "/move", "{\"status_id\":" + (i % 2 == 0 ? second : first) + "}");
            }
            waitFor(() -> bodies.size() == 102);
            waitFor(() -> c.api("GET", "/webhooks", null).json().path("_embedded").path("webhooks").get(0)
                    .path("disabled").asBoolean());
            JsonNode deliveries = c.control("GET", "/webhook-deliveries", null).path("deliveries");
            assertEquals(102, deliveries.size());
            assertEquals(101, deliveries.findValues("outcome").stream().filter(o -> o.asText().equals("invalid_status")).count());
            c.control("POST", "/accounts/acme/leads/" + lead + "/move", "{\"status_id\":" + second + "}");
            c.control("POST", "/webhooks/flush", null);
            Thread.sleep(100);
            assertEquals(102, bodies.size(), "a disabled webhook receives nothing");
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void emptySearchIs204AndQueryFollowsTheDecidedSemantics() {
        assertEquals(204, c.api("GET", "/contacts?query=nobody", null).status());
        c.api("POST", "/contacts", "[{\"name\":\"Joana\",\"custom_fields_values\":[{\"field_code\":\"EMAIL\",\"values\":[{\"value\":\"joana@x.com.br\"}]}]},"
                + "{\"name\":\"Plain\",\"custom_fields_values\":[{\"field_code\":\"PHONE\",\"values\":[{\"value\":\"11987654321\"}]}]},"
                + "{\"name\":\"Formatted\",\"custom_fields_values\":[{\"field_code\":\"PHONE\",\"values\":[{\"value\":\"+55 11 98765-4321\",\"enum_code\":\"MOB\"}]}]}]");
        JsonNode byMail = c.api("GET", "/contacts?query=ana@x.com", null).json().path("_embedded").path("contacts");
        assertEquals("Joana", byMail.get(0).path("name").asText());
        JsonNode longPhone = c.api("GET", "/contacts?query=5511987654321", null).json().path("_embedded").path("contacts");
        assertEquals(1, longPhone.size());
        assertEquals("Formatted", longPhone.get(0).path("name").asText());
        JsonNode shortPhone = c.api("GET", "/contacts?query=11987654321", null).json().path("_embedded").path("contacts");
        assertEquals(2, shortPhone.size());
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.currentTimeMillis() + 5000;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < end) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean(), "condition not met in time");
    }
}
