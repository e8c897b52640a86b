package app.ponte.api;

import java.util.Objects;

/** How a tenant connects an account of a connector. */
public sealed interface AuthSpec {

    /**
     * The vendor signs or marks its webhook calls with a shared secret that the tenant copies from
     * the vendor's settings (Hotmart's hottok). The secret is stored encrypted and never shown again.
     *
     * @param headerName the request header that carries the secret
     * @param label      what the vendor calls it, shown next to the input
     */
    record WebhookSecret(String headerName, String label) implements AuthSpec {
        public WebhookSecret {
            ConnectorDescriptor.requireText(headerName, "webhook secret header");
            ConnectorDescriptor.requireText(label, "webhook secret label");
        }
    }

    /**
     * OAuth 2.0 authorization code grant. Access tokens expire and are refreshed with a refresh token
     * that the vendor may rotate on every use.
     *
     * @param rotatesRefreshTokens whether each refresh returns a new refresh token that replaces the old
     */
    record OAuth2AuthorizationCode(boolean rotatesRefreshTokens) implements AuthSpec {
    }

    static AuthSpec webhookSecret(String headerName, String label) {
        return new WebhookSecret(Objects.requireNonNull(headerName), Objects.requireNonNull(label));
    }

    static AuthSpec oauth2(boolean rotatesRefreshTokens) {
        return new OAuth2AuthorizationCode(rotatesRefreshTokens);
    }
}
