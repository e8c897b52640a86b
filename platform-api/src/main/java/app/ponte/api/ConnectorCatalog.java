package app.ponte.api;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The connectors available to the platform, keyed by their stable id. */
public final class ConnectorCatalog {

    private final Map<String, Connector> byId;

    private ConnectorCatalog(Collection<? extends Connector> connectors) {
        Map<String, Connector> map = new LinkedHashMap<>();
        for (Connector connector : connectors) {
            String id = connector.descriptor().id();
            Connector previous = map.putIfAbsent(id, connector);
            if (previous != null) {
                throw new IllegalStateException("Two connectors declare the id '" + id + "': "
                        + previous.getClass().getName() + " and " + connector.getClass().getName());
            }
        }
        this.byId = Map.copyOf(map);
    }

    /** Every connector on the class path of the given loader, found with {@link ServiceLoader}. */
    public static ConnectorCatalog discover(ClassLoader loader) {
        return of(ServiceLoader.load(Connector.class, loader).stream().map(ServiceLoader.Provider::get).toList());
    }

    public static ConnectorCatalog of(Collection<? extends Connector> connectors) {
        return new ConnectorCatalog(connectors);
    }

    public Optional<Connector> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Connectors sorted by display name. */
    public List<Connector> all() {
        return byId.values().stream()
                .sorted((a, b) -> a.descriptor().name().compareToIgnoreCase(b.descriptor().name()))
                .toList();
    }
}
