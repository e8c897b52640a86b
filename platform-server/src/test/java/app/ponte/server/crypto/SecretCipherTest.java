package app.ponte.server.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String KEY_A = "a:" + Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_B = "b:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    private static SecretCipher cipher(String active, String... previous) {
        return new SecretCipher(new CryptoConfig() {
            @Override
            public String key() {
                return active;
            }

            @Override
            public Optional<List<String>> previousKeys() {
                return Optional.of(List.of(previous));
            }

            @Override
            public String reencryptEvery() {
                return "off";
            }
        });
    }

    @Test
    void roundTripsWithoutLeavingThePlaintextInTheCiphertext() {
        SecretCipher cipher = cipher(KEY_A);
        String sealed = cipher.encrypt("{\"access_token\":\"segredo\"}", "connection:t:c");

        assertTrue(sealed.startsWith("v1:a:"));
        assertFalse(sealed.contains("segredo"));
        assertEquals("{\"access_token\":\"segredo\"}", cipher.decrypt(sealed, "connection:t:c"));
    }

    @Test
    void usesAFreshIvForEveryEncryption() {
        SecretCipher cipher = cipher(KEY_A);
        assertNotEquals(cipher.encrypt("same", "x"), cipher.encrypt("same", "x"));
    }

    @Test
    void refusesACiphertextMovedToAnotherRow() {
        SecretCipher cipher = cipher(KEY_A);
        String sealed = cipher.encrypt("hottok", "connection:tenantA:c1");

        assertThrows(IllegalArgumentException.class, () -> cipher.decrypt(sealed, "connection:tenantB:c1"));
    }

    @Test
    void refusesATamperedCiphertext() {
        SecretCipher cipher = cipher(KEY_A);
        String sealed = cipher.encrypt("hottok", "x");
        String prefix = sealed.substring(0, sealed.lastIndexOf(':') + 1);
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(prefix.length()));
        bytes[bytes.length / 2] ^= 0x01;
        String tampered = prefix + Base64.getEncoder().encodeToString(bytes);

        assertThrows(IllegalArgumentException.class, () -> cipher.decrypt(tampered, "x"));
    }

    @Test
    void readsCiphertextsOfAPreviousKeyAfterRotation() {
        String old = cipher(KEY_A).encrypt("token", "x");
        SecretCipher rotated = cipher(KEY_B, KEY_A);

        assertEquals("token", rotated.decrypt(old, "x"));
        assertTrue(rotated.needsReencryption(old));
        assertTrue(rotated.encrypt("token", "x").startsWith("v1:b:"));
    }

    @Test
    void refusesCiphertextsOfAnUnknownKey() {
        String old = cipher(KEY_A).encrypt("token", "x");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> cipher(KEY_B).decrypt(old, "x"));
        assertEquals("ciphertext under unknown key id 'a'", error.getMessage());
    }

    @Test
    void explainsAMalformedKeySetting() {
        assertEquals("a Ponte encryption key reads <key id>:<base64 of 32 bytes>",
                assertThrows(IllegalArgumentException.class, () -> cipher("nokeyid")).getMessage());
        assertEquals("encryption key 'short' must be 32 bytes (AES-256), was 3",
                assertThrows(IllegalArgumentException.class, () -> cipher("short:AAAA")).getMessage());
    }
}
