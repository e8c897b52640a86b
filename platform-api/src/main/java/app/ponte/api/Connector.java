package app.ponte.api;

/**
 * A connector: one module, one entry class that describes everything the connector offers.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader}: a connector module lists its
 * entry class in {@code META-INF/services/app.ponte.api.Connector}. Adding that module to the
 * server is the only step needed to add a connector.
 */
public interface Connector {

    /** What this connector is, how it authenticates, and (as the SDK grows) its triggers and actions. */
    ConnectorDescriptor descriptor();
}
