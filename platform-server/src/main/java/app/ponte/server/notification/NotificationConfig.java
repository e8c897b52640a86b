package app.ponte.server.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * E-mail notifications ({@code ponte.notifications.*}). The SMTP server itself is Quarkus Mailer's
 * configuration ({@code quarkus.mailer.*}), set by the operator.
 */
@ConfigMapping(prefix = "ponte.notifications")
public interface NotificationConfig {

    /** Off: facts are still recorded in the notification outbox, but nothing is sent until it is switched on. */
    @WithDefault("true")
    boolean enabled();

    /** How often the outbox is read and its e-mails sent. */
    @WithDefault("30s")
    Duration sendInterval();

    /** At most one e-mail per user about one automation or connection within this window; later facts wait for the digest. */
    @WithDefault("1h")
    Duration quietPeriod();

    /** When the daily digest of held-back facts is sent (Quartz-style cron; {@code off} disables it). */
    @WithDefault("0 0 8 * * ?")
    String digestCron();

    /** Hotmart deliveries refused for a bad hottok on one connection within an hour before its owners hear of it. */
    @WithDefault("5")
    int hottokRefusals();

    /** Tries to send one notification before it is given up (one try per tick: 120 × 30 s rides out an hour of SMTP outage). */
    @WithDefault("120")
    int maxAttempts();

    /** Sent notifications and digest items are deleted after this long (at the digest's run). */
    @WithDefault("30d")
    Duration retention();
}
