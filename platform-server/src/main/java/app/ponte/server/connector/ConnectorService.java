package app.ponte.server.connector;

import app.ponte.api.Connector;
import app.ponte.api.ConnectorCatalog;
import app.ponte.api.ConnectorDescriptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The connectors on the class path, discovered once at start-up. */
@ApplicationScoped
public class ConnectorService {

    private final ConnectorCatalog catalog = ConnectorCatalog.discover(Thread.currentThread().getContextClassLoader());

    public List<ConnectorDescriptor> descriptors() {
        return catalog.all().stream().map(Connector::descriptor).toList();
    }

    public Optional<ConnectorDescriptor> descriptor(String id) {
        return catalog.find(id).map(Connector::descriptor);
    }
}
