package app.ponte.server.web;

import app.ponte.server.crypto.CryptoConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ForbiddenException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * CSRF protection of the browser's forms: every form carries a token that only the signed-in
 * session can know, an HMAC of the session's identity (issuer, subject, sign-in time) under a key
 * derived from the platform's encryption key, so every server instance computes the same token.
 * (The session cookie is also SameSite=Lax.) Vendor webhooks and the bearer-token API carry no
 * session cookie and need none.
 */
@ApplicationScoped
public class FormTokens {

    /** The form field that carries the token. */
    public static final String FIELD = "csrf";

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
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(session(identity).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws ForbiddenException when the form's token is missing or not this session's */
    public void verify(SecurityIdentity identity, String submitted) {
        if (submitted == null || !MessageDigest.isEqual(token(identity).getBytes(StandardCharsets.US_ASCII),
                submitted.getBytes(StandardCharsets.US_ASCII))) {
            throw new ForbiddenException("the form's security token is missing or expired; reload the page and try again");
        }
    }

    private static String session(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            return token.getIssuer() + "|" + token.getSubject() + "|" + token.getIssuedAtTime();
        }
        return identity.getPrincipal().getName();
    }
}
