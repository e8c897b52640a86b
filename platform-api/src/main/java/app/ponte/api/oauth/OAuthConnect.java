package app.ponte.api.oauth;

import app.ponte.api.ConnectorException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;

/**
 * The vendor-specific half of an OAuth 2.0 authorization code connect flow. The platform owns the
 * rest: a single-use {@code state} bound to the signed-in user's browser, the callback route,
 * encrypted storage of the result.
 */
public interface OAuthConnect {

    /** Where to send the browser to grant access. */
    URI consentUrl(OAuthClient client, String state);

    /**
     * Completes the flow from the callback's query parameters (the platform has checked
     * {@code state}). Validates whatever the vendor adds (e.g. that Kommo's {@code referer} is a
     * Kommo host) before any secret leaves the platform, exchanges the code and identifies the
     * account.
     *
     * @throws ConnectorException with a permanent failure when the tenant denied access or a
     *                            parameter is not acceptable; its message is shown to the tenant
     */
    ConnectedAccount complete(OAuthClient client, Map<String, String> callback, HttpClient http) throws ConnectorException;
}
