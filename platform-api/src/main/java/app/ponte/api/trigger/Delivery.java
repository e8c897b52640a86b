package app.ponte.api.trigger;

/** How a trigger's events reach the platform. */
public enum Delivery {
    /** the vendor calls the connection's webhook URL */
    WEBHOOK,
    /** the platform asks the vendor periodically (same event shape as a webhook) */
    POLLING
}
