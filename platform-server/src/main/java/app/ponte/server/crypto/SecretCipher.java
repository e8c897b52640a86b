package app.ponte.server.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest with AES-256-GCM (the JDK's). A ciphertext reads
 * {@code v1:<key id>:<base64(12-byte IV | ciphertext | tag)>}; the key id lets old ciphertexts be
 * read after a key rotation. The associated data binds a ciphertext to the row it belongs to (e.g.
 * tenant and connection ids), so a ciphertext copied into another row does not decrypt.
 */
@ApplicationScoped
public class SecretCipher {

    private static final String FORMAT = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final String activeKeyId;
    private final Map<String, SecretKey> keys;

    SecretCipher(CryptoConfig config) {
        Map<String, SecretKey> parsed = new LinkedHashMap<>();
        Map.Entry<String, SecretKey> active = parse(config.key());
        parsed.put(active.getKey(), active.getValue());
        config.previousKeys().ifPresent(list -> list.stream().filter(s -> !s.isBlank()).map(SecretCipher::parse)
                .forEach(e -> parsed.putIfAbsent(e.getKey(), e.getValue())));
        this.activeKeyId = active.getKey();
        this.keys = Map.copyOf(parsed);
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public String encrypt(String plaintext, String associatedData) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return FORMAT + ":" + activeKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** @throws IllegalArgumentException when the ciphertext is damaged, from another row, or under an unknown key */
    public String decrypt(String ciphertext, String associatedData) {
        String[] parts = ciphertext.split(":", 3);
        if (parts.length != 3 || !FORMAT.equals(parts[0])) {
            throw new IllegalArgumentException("not a Ponte ciphertext");
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalArgumentException("ciphertext under unknown key id '" + parts[1] + "'");
        }
        byte[] in = Base64.getDecoder().decode(parts[2]);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("ciphertext does not authenticate (damaged or from another row)");
        }
    }

    /** Whether a ciphertext was written under a key other than the active one (and should be re-encrypted). */
    public boolean needsReencryption(String ciphertext) {
        String[] parts = ciphertext.split(":", 3);
        return parts.length != 3 || !activeKeyId.equals(parts[1]);
    }

    private static Map.Entry<String, SecretKey> parse(String spec) {
        int colon = spec.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("a Ponte encryption key reads <key id>:<base64 of 32 bytes>");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(spec.substring(colon + 1).trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encryption key '" + spec.substring(0, colon) + "' is not base64");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException("encryption key '" + spec.substring(0, colon) + "' must be 32 bytes (AES-256), was " + key.length);
        }
        return Map.entry(spec.substring(0, colon).trim(), new SecretKeySpec(key, "AES"));
    }
}
