package app.ponte.server.runner;

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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The platform's HTTP client as one run attempt sees it: every call is passed on unchanged and
 * noted for the run history — method, path, status, duration. Query strings and bodies are never
 * noted (they carry e-mails and phones).
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
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

    RecordingHttpClient(HttpClient delegate, Meter meter) {
        this.delegate = delegate;
        this.meter = meter;
    }

    List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
        long start = System.nanoTime();
        int status = 0;
        try {
            HttpResponse<T> response = delegate.send(request, handler);
            status = response.statusCode();
            return response;
        } finally {
            note(request, status, start);
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        long start = System.nanoTime();
        return delegate.sendAsync(request, handler)
                .whenComplete((response, failure) -> note(request, response == null ? 0 : response.statusCode(), start));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        long start = System.nanoTime();
        return delegate.sendAsync(request, handler, pushPromiseHandler)
                .whenComplete((response, failure) -> note(request, response == null ? 0 : response.statusCode(), start));
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
