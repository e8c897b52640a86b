package app.ponte.server.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;

/** What the HTTP server instrumentation records about a request leaves Ponte without tokens, query strings or addresses. */
class SpanScrubberTest {

    @Test
    void replacesTheWebhookTokenAndDropsQueryStrings() {
        assertEquals("/hooks/hotmart/{token}", SpanScrubber.scrubPath("/hooks/hotmart/Zq3xV8yK0m2WkP4n7rT1sU6vY9aB5cD8eF0gH2jL4"));
        assertEquals("/hooks/kommo/{token}", SpanScrubber.scrubPath("/hooks/kommo/abc?x=1"));
        assertEquals("/oauth/kommo/callback", SpanScrubber.scrubPath("/oauth/kommo/callback?code=def&state=ghi&referer=x.kommo.com"));
        assertEquals("/api/v1/me", SpanScrubber.scrubPath("/api/v1/me"));
    }

    @Test
    void anExportedServerSpanCarriesNoTokenQueryOrClientAddress() {
        InMemorySpanExporter exported = InMemorySpanExporter.create();
        SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(new SpanScrubber())
                .addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
        provider.get("test").spanBuilder("GET").setSpanKind(SpanKind.SERVER)
                .setAttribute("url.path", "/hooks/hotmart/secret-token-123456789012")
                .setAttribute("url.query", "code=oauth-code&state=s")
                .setAttribute("client.address", "203.0.113.7")
                .setAttribute("http.request.method", "GET")
                .startSpan().end();
        Attributes attributes = exported.getFinishedSpanItems().get(0).getAttributes();
        provider.close();
        assertEquals("/hooks/hotmart/{token}", attributes.get(AttributeKey.stringKey("url.path")));
        assertEquals(SpanScrubber.REDACTED, attributes.get(AttributeKey.stringKey("url.query")));
        assertEquals(SpanScrubber.REDACTED, attributes.get(AttributeKey.stringKey("client.address")));
        assertEquals("GET", attributes.get(AttributeKey.stringKey("http.request.method")));
    }
}
