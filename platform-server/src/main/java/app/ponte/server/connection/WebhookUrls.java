package app.ponte.server.connection;

import app.ponte.server.config.PonteConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;

/** A connection's webhook URL as vendors reach it: {@code <ponte.public-url>/hooks/<connector>/<token>}. */
@ApplicationScoped
public class WebhookUrls {

    private final PonteConfig config;

    WebhookUrls(PonteConfig config) {
        this.config = config;
    }

    public URI of(String connectorId, String token) {
        return URI.create(config.publicUrl().toString().replaceAll("/+$", "") + "/hooks/" + connectorId + "/" + token);
    }
}
