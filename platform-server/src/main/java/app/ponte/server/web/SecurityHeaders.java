package app.ponte.server.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The Content-Security-Policy of every HTML page: scripts, styles, images and requests from Ponte
 * itself only (htmx comes from the WebJar on the same origin; the templates have no inline scripts,
 * styles or handlers, and htmx's own indicator style is turned off in the layout), no framing, no
 * plugins. {@code form-action} is left out: a form post may end in a redirect to the identity
 * provider, which Chromium would block.
 */
public class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    @ServerResponseFilter
    public void onHtml(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            response.getHeaders().putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
            response.getHeaders().putSingle("Referrer-Policy", "same-origin");
        }
    }
}
