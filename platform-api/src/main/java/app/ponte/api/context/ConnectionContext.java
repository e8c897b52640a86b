package app.ponte.api.context;

import java.net.http.HttpClient;
import java.util.UUID;

/**
 * What a connector receives when it acts on behalf of one tenant's connection: who, the
 * connection's credentials, and the platform services it may not build alone.
 */
public interface ConnectionContext {

    UUID tenantId();

    UUID connectionId();

    /** The connection's credentials, decrypted for this call only. */
    Credentials credentials();

    /** The platform's HTTP client (timeouts set, no cookies). Calls go through {@link #rateLimiter(String)}. */
    HttpClient http();

    /**
     * A rate limiter shared by every call to {@code account} across threads and server instances
     * (e.g. one per Kommo account).
     */
    RateLimiter rateLimiter(String account);

    /** A logger that never receives secrets or full personal data from the platform's side. */
    System.Logger logger();
}
