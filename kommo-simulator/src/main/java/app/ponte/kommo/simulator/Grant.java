package app.ponte.kommo.simulator;

/**
 * An issued token (access, refresh or long-lived), stored under the SHA-256 of its value so the state
 * file and dumps never hold a usable token. Mutable only in its revocation flags, under the state lock.
 */
public final class Grant {
    public static final String ACCESS = "access";
    public static final String REFRESH = "refresh";
    public static final String LONG_LIVED = "long_lived";

    public String hash;
    public String kind;
    public String clientId;
    public long accountId;
    public long userId;
    public long issuedAt;
    public long expiresAt;
    public boolean revoked;
    /** For tokens issued by a refresh: the hash of the refresh token presented (grace mode bookkeeping). */
    public String parentHash;
    /** For refresh tokens: the hash of the access token issued together with it. */
    public String pairHash;

    public Grant() {
    }

    Grant(String hash, String kind, String clientId, long accountId, long userId, long issuedAt, long expiresAt,
          String parentHash) {
        this.hash = hash;
        this.kind = kind;
        this.clientId = clientId;
        this.accountId = accountId;
        this.userId = userId;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
        this.parentHash = parentHash;
    }
}
