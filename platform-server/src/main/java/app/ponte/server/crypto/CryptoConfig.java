package app.ponte.server.crypto;

import io.smallrye.config.ConfigMapping;
import java.util.List;

/**
 * Keys for encrypting credentials at rest ({@code PONTE_CRYPTO_KEY}, {@code PONTE_CRYPTO_PREVIOUS_KEYS}).
 * Each key is written {@code <key id>:<base64 of 32 random bytes>}; new secrets are encrypted with
 * {@link #key()}, and secrets written under a previous key stay readable until re-encrypted.
 */
@ConfigMapping(prefix = "ponte.crypto")
public interface CryptoConfig {

    /** The active key, e.g. {@code k2:q83v...=} (never logged). */
    String key();

    /** Keys that were active before (comma-separated), to read older ciphertexts after a rotation. */
    java.util.Optional<List<String>> previousKeys();

    /**
     * How often secrets still under a previous key are looked for and re-encrypted under the active
     * key ({@link SecretReencryption}); {@code off} disables the job.
     */
    @io.smallrye.config.WithDefault("10m")
    String reencryptEvery();
}
