package app.ponte.server.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** Ponte's own settings ({@code ponte.*} in application.properties, or {@code PONTE_*} variables). */
@ConfigMapping(prefix = "ponte")
public interface PonteConfig {

    Tenancy tenancy();

    Runner runner();

    Ingress ingress();

    Plans plans();

    /** Where browsers and vendors reach this platform (OAuth callbacks, webhook URLs), without a trailing slash. */
    @WithDefault("http://localhost:8080")
    java.net.URI publicUrl();

    /**
     * The platform's OAuth client at each vendor, by connector id: {@code ponte.oauth.kommo.client-id}, ….
     * A connector without an entry cannot be connected by OAuth on this installation.
     */
    java.util.Map<String, OAuthClientConfig> oauth();

    interface OAuthClientConfig {

        /** The platform's client id at the vendor (Kommo: the integration's id). */
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

    /** The webhook ingress's commits ({@code IngressBatches}). */
    interface Ingress {

        /** Threads committing deliveries; each commits all the deliveries waiting when it is free, in one transaction. */
        @WithDefault("2")
        int writers();

        /** At most about this many events in one transaction. */
        @WithDefault("256")
        int batchEvents();

        /** A delivery not committed within this is answered 503 (the vendor retries; should it commit after all, the retry is a repeat). */
        @WithDefault("10s")
        java.time.Duration commitTimeout();
    }

    /** The runner: relay of ingress events to Kafka, run execution, retries. */
    interface Runner {

        /** Off: events are still received and stored, but neither relayed to Kafka nor executed (e.g. to measure ingest alone). */
        @WithDefault("true")
        boolean enabled();

        /** Tries of a run whose failures are retryable (429, 5xx, timeouts), the first included. */
        @WithDefault("8")
        int maxAttempts();

        /** Wait before the second try; each later wait is {@link #retryMultiplier()} times longer, up to {@link #maxRetryDelay()}. */
        @WithDefault("1m")
        java.time.Duration firstRetryDelay();

        /** Each wait before a retry is this many times the previous one. */
        @WithDefault("3")
        double retryMultiplier();

        /** The longest wait between two tries. */
        @WithDefault("3h")
        java.time.Duration maxRetryDelay();

        /** Random spread of each wait (0.2 = up to 20 % shorter or longer), so retries of many runs do not arrive together. */
        @WithDefault("0.2")
        double retryJitter();

        /** How long a worker holds a run it executes; a run whose worker died is taken again after this. */
        @WithDefault("2m")
        java.time.Duration lease();

        /**
         * Runs executed at once in this instance (they mostly wait on vendors). A run waiting for its account's pace or turn
         * lends its place to another meanwhile; the instance has twice as many threads as places.
         */
        @WithDefault("64")
        int workers();

        /**
         * At most this many of one workspace's subjects are executed at once in this instance; its other
         * subjects wait their turn, visited in rotation with the other workspaces', so one workspace's
         * backlog cannot take every worker.
         */
        @WithDefault("8")
        int workersPerWorkspace();

        /** How often the outbox of received events is relayed to Kafka (ingress also wakes the relay). */
        @WithDefault("200ms")
        java.time.Duration relayInterval();

        /** Events relayed to Kafka per transaction. */
        @WithDefault("500")
        int relayBatch();

        /** How often due retries, runs nobody woke and expired leases are looked for. */
        @WithDefault("500ms")
        java.time.Duration schedulerInterval();

        /** Loop guard: an event about something Ponte itself wrote this recently (e.g. the Kommo lead it just updated) is skipped. */
        @WithDefault("2m")
        java.time.Duration ownWriteWindow();

        /** Loop guard: more runs than this for one subject within a minute stop with an error (a cycle Ponte could not recognise). */
        @WithDefault("30")
        int subjectRunsPerMinute();

        /** Runs, their events and attempts are kept this long, then purged (daily). */
        @WithDefault("90d")
        java.time.Duration retention();

        /** When the retention purge runs (Quartz-style cron). */
        @WithDefault("0 17 3 * * ?")
        String retentionCron();
    }

    /** Plans and their monthly run limits; a workspace without a plan is on {@link #defaultPlan()}. */
    interface Plans {

        /** The plan of a workspace that has none. */
        @WithDefault("free")
        String defaultPlan();

        /** Runs per month by plan name; a negative number means no limit. */
        java.util.Map<String, Long> monthlyRuns();
    }
}
