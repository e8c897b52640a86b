package app.ponte.server.connection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.http.HttpClient;
import java.time.Duration;

/** The HTTP client connectors call vendors with: connect timeout, no redirects, no cookies. */
@ApplicationScoped
public class ConnectorHttp {

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Produces
    @ApplicationScoped
    HttpClient httpClient() {
        return client;
    }
}
