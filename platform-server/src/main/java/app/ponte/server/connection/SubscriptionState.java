package app.ponte.server.connection;

/** Where a connection's webhook subscription at the vendor stands. */
public enum SubscriptionState {
    /** the vendor accepted the registration; the platform keeps the handle to remove it */
    REGISTERED,
    /** the vendor refused it (plan, permissions): the tenant registers the URL by hand */
    REFUSED,
    /** the vendor could not be reached, or the connection needs reconnecting: tried again at the next activation */
    FAILED
}
