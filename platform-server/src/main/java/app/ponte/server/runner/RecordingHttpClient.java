package app.ponte.server.runner;

import app.ponte.server.observability.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The platform's HTTP client as one run attempt sees it: every call is passed on, with the trace
 * context's {@code traceparent} header added, and noted for the run history — method, path, status,
 * duration — and as a client span of the run's trace with the same four facts. Query strings and
 * bodies are never noted (they carry e-mails and phones).
 */
final class RecordingHttpClient extends HttpClient {

    /** One external call of a run attempt; status 0 when no answer came (timeout, network). */
    record Call(String method, String host, String path, int status, long millis) {
    }

    /** Where each call is also counted (connector metrics). */
    interface Meter {
        void call(int status, long millis);
    }

    private final HttpClient delegate;
    private final Meter meter;
    private final Tracing tracing;
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

    RecordingHttpClient(HttpClient delegate, Meter meter, Tracing tracing) {
        this.delegate = delegate;
        this.meter = meter;
        this.tracing = tracing;
    }

    List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Span span = start(request);
        int status = 0;
        try (Scope scope = span.makeCurrent()) {
            HttpResponse<T> response = delegate.send(traced(request), handler);
            status = response.statusCode();
            return response;
        } finally {
            end(span, status);
            note(request, status, start);
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return sendAsync(request, handler, null);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        long start = System.nanoTime();
        Span span = start(request);
        CompletableFuture<HttpResponse<T>> sent;
        try (Scope scope = span.makeCurrent()) {
            sent = pushPromiseHandler == null ? delegate.sendAsync(traced(request), handler)
                    : delegate.sendAsync(traced(request), handler, pushPromiseHandler);
        }
        return sent.whenComplete((response, failure) -> {
            int status = response == null ? 0 : response.statusCode();
            end(span, status);
            note(request, status, start);
        });
    }

    /** A client span naming method, host and path only (no query string: it may carry e-mails or phones). */
    private Span start(HttpRequest request) {
        return tracing.tracer().spanBuilder(request.method()).setSpanKind(SpanKind.CLIENT)
                .setAttribute("http.request.method", request.method())
                .setAttribute("server.address", String.valueOf(request.uri().getHost()))
                .setAttribute("url.path", String.valueOf(request.uri().getRawPath()))
                .startSpan();
    }

    private static void end(Span span, int status) {
        if (status > 0) {
            span.setAttribute("http.response.status_code", (long) status);
        }
        if (status == 0 || status >= 400) {
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }

    /** The request with the current trace context's headers (the client span is current). */
    private HttpRequest traced(HttpRequest request) {
        List<Map.Entry<String, String>> headers = tracing.outgoingHeaders();
        if (headers.isEmpty()) {
            return request;
        }
        HttpRequest.Builder copy = HttpRequest.newBuilder(request, (name, value) -> true);
        headers.forEach(header -> copy.setHeader(header.getKey(), header.getValue()));
        return copy.build();
    }

    private void note(HttpRequest request, int status, long start) {
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        calls.add(new Call(request.method(), request.uri().getHost(), request.uri().getRawPath(), status, millis));
        meter.call(status, millis);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }
}
