package app.ponte.server.connection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The HTTP client connectors call vendors with: connect timeout, no redirects, no cookies, and
 * HTTP/1.1 with a pool of keep-alive connections. (With HTTP/2 every call to one host shares one
 * connection: the runner's threads then queued behind each other on it, at a few dozen calls per
 * second; docs/benchmarks.md.)
 */
@ApplicationScoped
public class ConnectorHttp {

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    @Produces
    @ApplicationScoped
    HttpClient httpClient() {
        return client;
    }
}
