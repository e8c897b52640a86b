package app.ponte.kommo;

import app.ponte.api.Connector;
import app.ponte.api.context.Credentials;
import app.ponte.testkit.ConnectorConformance;
import app.ponte.testkit.InMemoryCredentials;
import java.util.Map;

class KommoConformanceTest extends ConnectorConformance {

    @Override
    protected Connector connector() {
        return new KommoConnector();
    }

    /** The account the samples were recorded for (contract §6's example account). */
    @Override
    protected Credentials sampleCredentials() {
        return new InMemoryCredentials(Map.of(), Map.of("account_id", "29640015", "subdomain", "vidrariaboreal"), null);
    }
}
