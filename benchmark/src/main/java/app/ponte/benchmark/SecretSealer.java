package app.ponte.benchmark;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts connection secrets exactly as the platform's {@code SecretCipher} does, so rows seeded
 * directly in the database read back in the platform: AES-256-GCM, 12-byte IV, 128-bit tag,
 * {@code v1:<key id>:<base64(IV | ciphertext | tag)>}, bound to the row by the associated data
 * {@code connection:<tenant id>:<connection id>}.
 */
final class SecretSealer {

    private final SecureRandom random = new SecureRandom();
    private final String keyId;
    private final SecretKeySpec key;

    /** @param spec the platform's key, {@code <key id>:<base64 of 32 bytes>} (crypto.key in .ponte/secrets.properties) */
    SecretSealer(String spec) {
        int colon = spec.indexOf(':');
        byte[] bytes = Base64.getDecoder().decode(spec.substring(colon + 1).trim());
        if (colon < 1 || bytes.length != 32) {
            throw new IllegalArgumentException("the crypto key must read <key id>:<base64 of 32 bytes>");
        }
        this.keyId = spec.substring(0, colon).trim();
        this.key = new SecretKeySpec(bytes, "AES");
    }

    String keyId() {
        return keyId;
    }

    String seal(String plaintext, String tenantId, String connectionId) {
        byte[] iv = new byte[12];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(("connection:" + tenantId + ":" + connectionId).getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return "v1:" + keyId + ":" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }
}
