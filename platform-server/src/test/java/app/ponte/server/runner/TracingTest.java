package app.ponte.server.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.server.connection.ConnectionStore;
import app.ponte.server.connection.OAuthClients;
import app.ponte.server.connector.ConnectorService;
import app.ponte.server.testing.RunnerWorkspace;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One Hotmart delivery is one trace: the ingress request (server span), the outbox relay's Kafka
 * publish and the run that executes it later on a runner thread (both continue the request through
 * {@code inbound_event.trace_parent}), and the run's calls to Kommo (client spans) — and no span
 * carries the webhook token, the hottok, the buyer's e-mail or a query string.
 */
@QuarkusTest
class TracingTest {

    private static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("ponte.run.id");
    private static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
    private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");

    @Inject
    ConnectorService connectors;

    @Inject
    OAuthClients clients;

    @Inject
    ConnectionStore store;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void oneHotmartDeliveryIsOneTraceFromTheWebhookToTheKommoCalls() {
        RunnerWorkspace w = RunnerWorkspace.create("Tereza", connectors, clients, store);
        w.activate("purchase_approved_to_kommo_lead");
        String approved = RunnerWorkspace.asAnotherBuyer(RunnerWorkspace.fixture("PURCHASE_APPROVED.json"), 71);

        w.deliver(approved);
        JsonPath page = w.awaitRuns("", RunnerWorkspace.settled(1));
        assertEquals("SUCCEEDED", page.getString("items[0].status"), page.prettify());
        String runId = page.getString("items[0].id");

        SpanData run = await(() -> spans.getFinishedSpanItems().stream().filter(s -> runId.equals(s.getAttributes().get(RUN_ID)))
                .findFirst(), "the run's span");
        String traceId = run.getTraceId();
        List<SpanData> trace = await(() -> {
            List<SpanData> all = inTrace(traceId);
            return all.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER) ? Optional.of(all) : Optional.empty();
        }, "the ingress span in the run's trace");

        SpanData ingress = trace.stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        String where = String.valueOf(ingress.getAttributes().get(ROUTE)) + " " + ingress.getName();
        assertTrue(where.contains("/hooks/"), "the server span is the webhook request: " + describe(trace));
        assertEquals(SpanKind.CONSUMER, run.getKind());
        assertTrue(trace.stream().anyMatch(s -> s.getKind() == SpanKind.PRODUCER && isDescendant(s, ingress, trace)),
                "the outbox relay's Kafka publish joins the request's trace: " + describe(trace));
        assertTrue(isDescendant(run, ingress, trace), "the run continues the request's trace: " + describe(trace));
        List<SpanData> kommo = trace.stream().filter(s -> s.getKind() == SpanKind.CLIENT && s.getParentSpanId().equals(run.getSpanId()))
                .toList();
        assertTrue(kommo.stream().anyMatch(s -> "POST".equals(s.getName()) && s.getAttributes().get(PATH).startsWith("/api/v4/leads")),
                "the lead's creation at Kommo is a client span of the run: " + describe(trace));
        assertTrue(kommo.stream().allMatch(s -> s.getAttributes().get(AttributeKey.longKey("http.response.status_code")) != null),
                describe(kommo));

        String token = w.hook().substring(w.hook().lastIndexOf('/') + 1);
        for (SpanData span : trace) {
            String text = span.getName() + " " + span.getAttributes();
            assertFalse(text.contains(token), "no webhook token in " + text);
            assertFalse(text.contains(w.hottok()), "no hottok in " + text);
            assertFalse(text.contains("@example.com"), "no e-mail in " + text);
            assertFalse(text.contains("?"), "no query string in " + text);
        }
    }

    private List<SpanData> inTrace(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    private static boolean isDescendant(SpanData span, SpanData ancestor, List<SpanData> trace) {
        String parent = span.getParentSpanId();
        while (parent != null && !parent.isEmpty() && !parent.equals("0000000000000000")) {
            if (parent.equals(ancestor.getSpanId())) {
                return true;
            }
            String current = parent;
            parent = trace.stream().filter(s -> s.getSpanId().equals(current)).map(SpanData::getParentSpanId).findFirst().orElse(null);
        }
        return false;
    }

    private static String describe(List<SpanData> trace) {
        return trace.stream().map(s -> s.getKind() + " " + s.getName() + " " + s.getSpanId() + "<-" + s.getParentSpanId() + " "
                + s.getAttributes()).collect(Collectors.joining("\n  ", "\n  ", ""));
    }

    private static <T> T await(java.util.function.Supplier<Optional<T>> probe, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Optional<T> found = probe.get();
        while (found.isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + " was not exported");
            }
            RunnerWorkspace.sleep(100);
            found = probe.get();
        }
        return found.get();
    }
}
