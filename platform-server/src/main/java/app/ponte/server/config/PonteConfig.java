package app.ponte.server.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** Ponte's own settings ({@code ponte.*} in application.properties, or {@code PONTE_*} variables). */
@ConfigMapping(prefix = "ponte")
public interface PonteConfig {

    Tenancy tenancy();

    /** Where browsers and vendors reach this platform (OAuth callbacks, webhook URLs), without a trailing slash. */
    @WithDefault("http://localhost:8080")
    java.net.URI publicUrl();

    /**
     * The platform's OAuth client at each vendor, by connector id: {@code ponte.oauth.kommo.client-id}, ….
     * A connector without an entry cannot be connected by OAuth on this installation.
     */
    java.util.Map<String, OAuthClientConfig> oauth();

    interface OAuthClientConfig {

        String clientId();

        /** Never logged. */
        String clientSecret();

        /** Default: {@code <public url>/oauth/<connector>/callback}. */
        java.util.Optional<java.net.URI> redirectUri();

        /** Send every vendor call here instead of the vendor's hosts (a simulator in tests and the local stack). */
        java.util.Optional<java.net.URI> apiBaseOverride();
    }

    interface Tenancy {

        /** Time zone of a new workspace; date renderings such as DD/MM/AAAA use the workspace's zone. */
        @WithDefault("America/Sao_Paulo")
        ZoneId defaultTimeZone();

        /** Name of the workspace created at a user's first sign-in; {0} is the user's first name. */
        @WithDefault("Espaço de {0}")
        String defaultWorkspaceName();
    }
}
