package app.ponte.kommo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Unknown path → 404 problem JSON, wrong method → 405 problem JSON (contract §4). */
class UnknownRouteTest {
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

    private static void assertProblem(SimClient.Res r, int status) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                r.headers().firstValue("Content-Type").orElse("(none)"));
        JsonNode body = r.json();
        assertEquals(status, body.path("status").asInt());
        assertEquals("https://httpstatus.es/" + status, body.path("type").asText());
        assertTrue(body.hasNonNull("title"));
        assertTrue(body.hasNonNull("detail"));
    }

    @Test
    void anUnknownApiPathIs404ProblemJson() {
        assertProblem(c.api("GET", "/tasks", null), 404);
        assertProblem(c.api("GET", "/leads/1/notes/x/y", null), 404);
        assertProblem(c.api("POST", "/nothing-here", "[]"), 404);
    }

    @Test
    void aPathOutsideTheApiIs404ProblemJsonToo() {
        assertProblem(c.call("GET", "/no/such/page", null, null), 404);
    }

    @Test
    void aWrongMethodOnAKnownPathIs405ProblemJson() {
        assertProblem(c.api("DELETE", "/leads", null), 405);
        assertProblem(c.api("PUT", "/contacts", "[]"), 405);
        assertProblem(c.api("POST", "/account", "{}"), 405);
        assertProblem(c.api("DELETE", "/companies/1", null), 405);
        assertProblem(c.api("PATCH", "/leads/pipelines/1", "{}"), 405);
        assertProblem(c.api("GET", "/leads/1/link", null), 405);
    }

    @Test
    void aWrongMethodStillNeedsAValidToken() {
        c.token = "unknown";
        assertEquals(401, c.api("DELETE", "/leads", null).status());
        assertEquals(401, c.api("GET", "/tasks", null).status());
    }
}
