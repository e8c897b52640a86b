package app.ponte.api.oauth;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a completed OAuth flow yields, for the platform to store as a connection.
 *
 * @param accountId   the vendor's account id (one connection per tenant and account)
 * @param displayName what the tenant sees, e.g. the account's name
 * @param attributes  non-secret values the connector needs later (e.g. Kommo's subdomain and API host)
 * @param secrets     tokens, stored encrypted
 */
public record ConnectedAccount(String accountId, String displayName, Map<String, String> attributes,
        Map<String, String> secrets, Optional<Instant> expiresAt) {

    public ConnectedAccount {
        Objects.requireNonNull(accountId);
        Objects.requireNonNull(displayName);
        attributes = Map.copyOf(attributes);
        secrets = Map.copyOf(secrets);
        Objects.requireNonNull(expiresAt);
    }

    @Override
    public String toString() {
        return "ConnectedAccount[" + accountId + ", " + displayName + ", secrets " + secrets.keySet() + "]";
    }
}
