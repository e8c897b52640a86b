package app.ponte.server.connection;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Single-use {@code state} values of OAuth connect flows: unguessable, valid for 15 minutes, bound
 * to the user who started the flow and to their browser (a random value kept in a cookie). Only
 * SHA-256 hashes are stored.
 */
@ApplicationScoped
public class OAuthStates {

    static final Duration VALIDITY = Duration.ofMinutes(15);

    private final SecureRandom random = new SecureRandom();
    private final EntityManager em;

    OAuthStates(EntityManager em) {
        this.em = em;
    }

    /** A new flow: the state for the vendor and the value the browser keeps in a cookie. */
    public record Started(String state, String browserBinding) {
        @Override
        public String toString() {
            return "Started[***]";
        }
    }

    public Started start(UUID tenantId, UUID userId, String connectorId) {
        Started started = new Started(token(), token());
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("DELETE FROM oauth_state WHERE expires_at < now() - interval '1 day'").executeUpdate();
            em.createNativeQuery("INSERT INTO oauth_state (state_hash, tenant_id, user_id, connector_id, browser_hash, expires_at) "
                            + "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                    .setParameter(1, sha256(started.state())).setParameter(2, tenantId).setParameter(3, userId)
                    .setParameter(4, connectorId).setParameter(5, sha256(started.browserBinding()))
                    .setParameter(6, java.sql.Timestamp.from(Instant.now().plus(VALIDITY)))
                    .executeUpdate();
        });
        return started;
    }

    /**
     * Uses up a state: returns the tenant the flow was started for when the state is known, unused,
     * not expired, started by {@code userId} for {@code connectorId}, in the browser that presents
     * {@code browserBinding}. Any other case returns empty, and the state can never be used again.
     */
    public Optional<UUID> consume(String state, UUID userId, String connectorId, String browserBinding) {
        if (state == null || state.isBlank()) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("UPDATE oauth_state SET used_at = now() WHERE state_hash = ?1 AND used_at IS NULL "
                            + "RETURNING tenant_id, user_id, connector_id, browser_hash, expires_at")
                    .setParameter(1, sha256(state)).getResultList();
            if (rows.size() != 1) {
                return Optional.<UUID>empty();
            }
            Object[] row = rows.get(0);
            boolean valid = userId.equals(row[1]) && connectorId.equals(row[2])
                    && browserBinding != null && MessageDigest.isEqual(sha256(browserBinding).getBytes(StandardCharsets.US_ASCII),
                            ((String) row[3]).getBytes(StandardCharsets.US_ASCII))
                    && toInstant(row[4]).isAfter(Instant.now());
            return valid ? Optional.of((UUID) row[0]) : Optional.<UUID>empty();
        });
    }

    private static Instant toInstant(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return (Instant) value;
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
