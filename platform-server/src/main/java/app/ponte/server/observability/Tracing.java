package app.ponte.server.observability;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The trace context's way across Ponte's asynchronous hops: the ingress stores the W3C
 * {@code traceparent} of its request with the event ({@code inbound_event.trace_parent}); the outbox
 * relay and the runner pick it up again, hours later if need be, on other threads or instances.
 * Tracing is off unless the operator switches it on (docs/operations.md): then every method here
 * sees no span, stores null and extracts an empty context.
 */
@ApplicationScoped
public class Tracing {

    public static final String INSTRUMENTATION = "app.ponte.server";

    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final OpenTelemetry otel;

    Tracing(OpenTelemetry otel) {
        this.otel = otel;
    }

    public Tracer tracer() {
        return otel.getTracer(INSTRUMENTATION);
    }

    /** The current span's {@code traceparent} (W3C), or null without a sampled span. */
    public String currentParent() {
        Map<String, String> carrier = new HashMap<>();
        otel.getPropagators().getTextMapPropagator().inject(Context.current(), carrier, (map, key, value) -> map.put(key, value));
        return carrier.get("traceparent");
    }

    /** The context a stored {@code traceparent} names; the root context when there is none. */
    public Context parent(String traceParent) {
        if (traceParent == null || traceParent.isBlank()) {
            return Context.root();
        }
        return otel.getPropagators().getTextMapPropagator().extract(Context.root(), Map.of("traceparent", traceParent), FROM_MAP);
    }

    /** The headers that carry the current context to a vendor (traceparent, and tracestate when set). */
    public List<Map.Entry<String, String>> outgoingHeaders() {
        Map<String, String> carrier = new HashMap<>();
        otel.getPropagators().getTextMapPropagator().inject(Context.current(), carrier, (map, key, value) -> map.put(key, value));
        carrier.keySet().retainAll(List.of("traceparent", "tracestate"));
        return List.copyOf(carrier.entrySet());
    }
}
