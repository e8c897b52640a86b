package app.ponte.server.suggestion;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits of the public suggestion form ({@code ponte.suggestions.*}). */
@ConfigMapping(prefix = "ponte.suggestions")
public interface SuggestionConfig {

    /** Suggestions one IP address may send per {@link #perIpPeriod()}; the rest are refused with 429. */
    @WithDefault("5")
    int perIpLimit();

    /** The period over which suggestions per IP address are counted. */
    @WithDefault("1h")
    Duration perIpPeriod();
}
