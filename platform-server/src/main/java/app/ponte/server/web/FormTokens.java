package app.ponte.server.web;

import app.ponte.server.crypto.CryptoConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ForbiddenException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * CSRF protection of the browser's forms: every form carries a token that only the signed-in
 * session can know, an HMAC of the session's identity (issuer, subject, sign-in time) under a key
 * derived from the platform's encryption key, so every server instance computes the same token.
 * (The session cookie is also SameSite=Lax.) Vendor webhooks and the bearer-token API carry no
 * session cookie and need none.
 *
 * <p>Public forms (the suggestion form) have no session: the browser gets a random id in a
 * strict, HTTP-only cookie ({@link #BROWSER_COOKIE}) and the form carries the HMAC of that id. A
 * foreign site can neither read the cookie nor compute the token, and the browser does not even
 * send a strict cookie with a cross-site post.
 */
@ApplicationScoped
public class FormTokens {

    /** The form field that carries the token. */
    public static final String FIELD = "csrf";

    /** The cookie that carries an anonymous browser's id for {@link #anonymousToken}. */
    public static final String BROWSER_COOKIE = "ponte_form";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern BROWSER_ID = Pattern.compile("[A-Za-z0-9_-]{32}");

    private final SecretKeySpec key;

    FormTokens(CryptoConfig crypto) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(crypto.key().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            this.key = new SecretKeySpec(derive.doFinal("ponte form tokens v1".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String token(SecurityIdentity identity) {
        return hmac(session(identity));
    }

    /** A new random id for a browser without one (or with a malformed one). */
    public static String newBrowserId() {
        byte[] id = new byte[24];
        RANDOM.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    /** Whether the cookie's value is an id this class could have made (anything else is replaced). */
    public static boolean isBrowserId(String browserId) {
        return browserId != null && BROWSER_ID.matcher(browserId).matches();
    }

    /** The token of a public form shown to the browser with this id. */
    public String anonymousToken(String browserId) {
        if (!isBrowserId(browserId)) {
            throw new IllegalArgumentException("not a browser id");
        }
        return hmac("anonymous|" + browserId);
    }

    /** Whether a public form's token belongs to the browser whose cookie came with it. */
    public boolean isAnonymousTokenValid(String browserId, String submitted) {
        return isBrowserId(browserId) && submitted != null && MessageDigest.isEqual(
                anonymousToken(browserId).getBytes(StandardCharsets.US_ASCII), submitted.getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws ForbiddenException when the form's token is missing or not this session's */
    public void verify(SecurityIdentity identity, String submitted) {
        if (submitted == null || !MessageDigest.isEqual(token(identity).getBytes(StandardCharsets.US_ASCII),
                submitted.getBytes(StandardCharsets.US_ASCII))) {
            throw new ForbiddenException("the form's security token is missing or expired; reload the page and try again");
        }
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String session(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            return token.getIssuer() + "|" + token.getSubject() + "|" + token.getIssuedAtTime();
        }
        return identity.getPrincipal().getName();
    }
}
