package app.ponte.api.oauth;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The platform's OAuth client at a vendor (one per connector, from configuration).
 *
 * @param redirectUri     the platform's callback, as registered at the vendor
 * @param apiBaseOverride where to send every call instead of the vendor's hosts (tests and the
 *                        local stack point it at a simulator); empty in production
 */
public record OAuthClient(String clientId, String clientSecret, URI redirectUri, Optional<URI> apiBaseOverride) {

    public OAuthClient {
        Objects.requireNonNull(clientId);
        Objects.requireNonNull(clientSecret);
        Objects.requireNonNull(redirectUri);
        Objects.requireNonNull(apiBaseOverride);
    }

    @Override
    public String toString() {
        return "OAuthClient[" + clientId + ", redirect " + redirectUri + ", secret ***]";
    }
}
