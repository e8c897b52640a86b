package app.ponte.server.connection;

/** Whether a connection can be used. */
public enum ConnectionStatus {
    OK,
    /** the vendor refused the credentials (revoked, expired refresh token): the tenant must reconnect; runs wait */
    NEEDS_RECONNECT,
    /** the tenant disconnected it */
    DISCONNECTED
}
