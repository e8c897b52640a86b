package app.ponte.server.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** Ponte's own settings ({@code ponte.*} in application.properties, or {@code PONTE_*} variables). */
@ConfigMapping(prefix = "ponte")
public interface PonteConfig {

    Tenancy tenancy();

    interface Tenancy {

        /** Time zone of a new workspace; date renderings such as DD/MM/AAAA use the workspace's zone. */
        @WithDefault("America/Sao_Paulo")
        ZoneId defaultTimeZone();

        /** Name of the workspace created at a user's first sign-in; {0} is the user's first name. */
        @WithDefault("Espaço de {0}")
        String defaultWorkspaceName();
    }
}
