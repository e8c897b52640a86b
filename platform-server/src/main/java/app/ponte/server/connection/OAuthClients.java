package app.ponte.server.connection;

import app.ponte.api.oauth.OAuthClient;
import app.ponte.server.config.PonteConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Optional;

/**
 * The platform's OAuth client at each vendor, from {@code ponte.oauth.<connector>.*}: client id and
 * secret, the redirect URI (default {@code <public url>/oauth/<connector>/callback}) and an API base
 * override (a simulator's URL in tests and the local stack).
 */
@ApplicationScoped
public class OAuthClients {

    private final PonteConfig config;

    OAuthClients(PonteConfig config) {
        this.config = config;
    }

    /** Empty when the platform has no OAuth client for that connector (connecting it is then unavailable). */
    public Optional<OAuthClient> forConnector(String connectorId) {
        return Optional.ofNullable(config.oauth().get(connectorId))
                .filter(c -> !c.clientId().isBlank() && !c.clientSecret().isBlank())
                .map(c -> new OAuthClient(c.clientId(), c.clientSecret(),
                        c.redirectUri().orElse(URI.create(config.publicUrl().toString().replaceAll("/$", "")
                                + "/oauth/" + connectorId + "/callback")),
                        c.apiBaseOverride()));
    }
}
