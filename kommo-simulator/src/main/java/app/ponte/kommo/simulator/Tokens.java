package app.ponte.kommo.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Token minting and hashing. Tokens are stored and logged only as SHA-256 hashes. */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {
    }

    /** An opaque random token (64 url-safe chars). */
    public static String random() {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }

    /**
     * A JWT-shaped access token carrying {@code account_id}, {@code sub}, {@code aud}, {@code exp} and
     * {@code api_domain} (§3.2); the signature is random, the simulator only ever compares hashes.
     */
    public static String accessJwt(long accountId, long userId, String clientId, long issuedAt, long exp,
                                   String apiDomain) {
        String header = B64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
        var payload = Json.object().put("aud", clientId).put("jti", random().substring(0, 20)).put("iat", issuedAt)
                .put("nbf", issuedAt).put("exp", exp).put("sub", String.valueOf(userId)).put("account_id", accountId)
                .put("api_domain", apiDomain);
        payload.putArray("scopes").add("crm").add("notifications");
        return header + "." + B64.encodeToString(Json.write(payload).getBytes(StandardCharsets.UTF_8)) + "." + random();
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How secrets appear in logs and dumps: a short hash prefix that tests can match against the state dump. */
    public static String mask(String secret) {
        return secret == null || secret.isEmpty() ? secret : "sha256:" + hash(secret).substring(0, 16);
    }

    public static String hmacHex(String key, String message) {
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
