package app.ponte.kommo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /__sim/accounts/{sub}/dp-hook}: the digital-pipeline style webhook (contract §2, §6). */
class DigitalPipelineHookTest {
    static KommoSimulator sim;
    static SimClient c;
    long accountId;
    long lead;
    long pipeline;
    long firstStage;
    long secondStage;

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
        accountId = c.setUp().path("id").asLong();
        JsonNode p = c.api("GET", "/leads/pipelines", null).json().path("_embedded").path("pipelines").get(0);
        pipeline = p.path("id").asLong();
        firstStage = p.path("_embedded").path("statuses").get(1).path("id").asLong();
        secondStage = p.path("_embedded").path("statuses").get(2).path("id").asLong();
        lead = c.create("leads", "{\"name\":\"Venda\",\"price\":10}");
        assertEquals(200, c.api("PATCH", "/leads/" + lead, "{\"status_id\":" + secondStage + "}").status());
    }

    @Test
    void sendsOnlyTheMinimalStatusKeysAndTheAccountAsAForm() {
        try (HookReceiver hook = new HookReceiver()) {
            c.control("POST", "/accounts/acme/dp-hook", "{\"destination\":\"" + hook.url("/dp") + "\",\"lead_id\":" + lead + "}");
            c.flush();
            assertEquals(1, hook.hits.size());
            HookReceiver.Hit hit = hook.hits.get(0);
            assertEquals("/dp", hit.path());
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("leads[status][0][id]", String.valueOf(lead));
            expected.put("leads[status][0][pipeline_id]", String.valueOf(pipeline));
            expected.put("leads[status][0][status_id]", String.valueOf(secondStage));
            expected.put("leads[status][0][old_pipeline_id]", String.valueOf(pipeline));
            expected.put("leads[status][0][old_status_id]", String.valueOf(firstStage));
            expected.put("account[id]", String.valueOf(accountId));
            expected.put("account[subdomain]", "acme");
            assertEquals(expected, hit.form(), "exactly these keys, no name/price/custom fields");
            assertEquals("application/x-www-form-urlencoded", hit.headers().get("content-type"));
            assertEquals("amoCRM-Webhooks/3.0", hit.headers().get("user-agent"));
            assertTrue(hit.headers().get("x-amocrm-requestid").matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
                    hit.headers().get("x-amocrm-requestid"));
            assertTrue(hit.body().startsWith("leads%5Bstatus%5D%5B0%5D%5Bid%5D=" + lead + "&"), "PHP-style encoded keys");
        }
    }

    @Test
    void aFailingDestinationGetsFourRetriesOnTheDecidedScheduleWithTheSameRequestId() {
        try (HookReceiver hook = new HookReceiver()) {
            hook.answer = 500;
            c.control("POST", "/accounts/acme/dp-hook", "{\"destination\":\"" + hook.url("/dp") + "\",\"lead_id\":" + lead + "}");
            for (int i = 0; i < 4; i++) {
                c.flush(); // each flush waits for what is queued, then fires the pending retry at once
            }
            assertEquals(5, hook.hits.size(), "one attempt and four retries, then dropped");
            assertEquals(0, c.flush().path("pending_retries").asInt());
            JsonNode deliveries = c.control("GET", "/webhook-deliveries", null).path("deliveries");
            assertEquals(5, deliveries.size());
            List<Long> delays = List.of(60L, 300L, 900L, 1800L);
            for (int i = 0; i < 5; i++) {
                JsonNode d = deliveries.get(i);
                assertEquals(i + 1, d.path("attempt").asInt());
                assertEquals(500, d.path("response_status").asInt());
                assertEquals("invalid_status", d.path("outcome").asText());
                if (i < 4) {
                    assertEquals(delays.get(i), d.path("next_attempt_at").asLong() - d.path("time").asLong(), "delay of retry " + (i + 1));
                } else {
                    assertTrue(d.path("next_attempt_at").isNull(), "no fifth retry");
                }
            }
            long distinctIds = hook.hits.stream().map(h -> h.headers().get("x-amocrm-requestid")).distinct().count();
            assertEquals(1, distinctIds, "all attempts share X-Amocrm-Requestid");
            assertEquals(1, hook.hits.stream().map(HookReceiver.Hit::body).distinct().count(), "and the body");
        }
    }

    @Test
    void aRetryIsStartedWhenTheSimulatedClockReachesItsTime() {
        try (HookReceiver hook = new HookReceiver()) {
            hook.answer = 503;
            c.control("POST", "/accounts/acme/dp-hook", "{\"destination\":\"" + hook.url("/dp") + "\",\"lead_id\":" + lead + "}");
            c.flush(); // attempt 1 and, flushed at once, retry 1 (both 503); retry 2 is due 300 s after retry 1
            assertEquals(2, hook.hits.size());
            hook.answer = 200;
            c.control("POST", "/clock", "{\"advance_seconds\":299}");
            assertEquals(1, c.control("GET", "/webhook-deliveries", null).path("pending_retries").asInt(),
                    "not due before 300 s");
            c.control("POST", "/clock", "{\"advance_seconds\":2}");
            assertEquals(0, c.control("GET", "/webhook-deliveries", null).path("pending_retries").asInt(),
                    "moving the clock past the retry time starts it");
            JsonNode after = c.flush();
            assertEquals(3, hook.hits.size());
            assertEquals(0, after.path("pending_retries").asInt(), "the successful retry ends the delivery");
        }
    }

    @Test
    void unknownLeadOrMissingDestinationIs400() {
        assertEquals(400, c.call("POST", "/__sim/accounts/acme/dp-hook", "{\"destination\":\"http://127.0.0.1:1/x\",\"lead_id\":999}", null).status());
        assertEquals(400, c.call("POST", "/__sim/accounts/acme/dp-hook", "{\"lead_id\":" + lead + "}", null).status());
    }
}
