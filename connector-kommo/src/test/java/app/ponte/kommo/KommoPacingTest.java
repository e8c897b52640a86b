package app.ponte.kommo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.api.action.ActionInput;
import app.ponte.api.action.ActionResult;
import app.ponte.api.action.RunReference;
import app.ponte.api.field.FieldValues;
import app.ponte.api.field.Value;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The per-account pacing against Kommo's real limits (7/s, block after repeated 429s), read from the simulator's log. */
class KommoPacingTest {

    private static final int RATE = 6;
    private static SimFixture sim;

    @BeforeAll
    static void startSimulatorWithKommosLimits() {
        sim = new SimFixture();
        sim.reset("{\"rate_limit_per_second\":7,\"block_after_429\":10,\"block_window_seconds\":10,\"block_seconds\":5}");
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @Test
    void aBurstOfThirtyActionsOnOneAccountStaysWithinSixRequestsPerSecondAndIsNeverBlocked() throws Exception {
        SimFixture.Account account = sim.account("pacing", true);
        TestConnection.Limiters limiters = new TestConnection.Limiters(RATE);
        long since = sim.lastSeq();
        ExecutorService pool = Executors.newFixedThreadPool(30);
        List<Future<ActionResult>> runs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            FieldValues input = FieldValues.of(Map.of(
                    "lead.name", Value.text("Venda " + i),
                    "lead.price", Value.money(new BigDecimal("97.00"), "BRL"),
                    "contact.email", Value.text("comprador" + i + "@example.com")));
            runs.add(pool.submit(() -> CreateOrUpdateLead.execute(new ActionInput(input),
                    new TestConnection(account.fresh(), limiters), new RunReference(UUID.randomUUID(), 1))));
        }
        for (Future<ActionResult> run : runs) {
            assertInstanceOf(ActionResult.Success.class, run.get());
        }
        pool.shutdown();

        List<JsonNode> log = sim.requests(since);
        Map<Long, Integer> perSecond = new TreeMap<>();
        for (JsonNode request : log) {
            assertTrue(request.path("status").asInt() < 400, "no 429 and no 403: " + request.path("status") + " "
                    + request.path("path").asText());
            perSecond.merge(request.path("time").asLong(), 1, Integer::sum);
        }
        assertEquals(60, log.size(), "one search and one complex create per action");
        assertTrue(perSecond.values().stream().allMatch(n -> n <= RATE), "requests per second: " + perSecond.values());
    }
}
