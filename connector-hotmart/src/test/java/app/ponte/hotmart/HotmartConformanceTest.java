package app.ponte.hotmart;

import app.ponte.api.Connector;
import app.ponte.api.context.Credentials;
import app.ponte.testkit.ConnectorConformance;

class HotmartConformanceTest extends ConnectorConformance {

    @Override
    protected Connector connector() {
        return new HotmartConnector();
    }

    @Override
    protected Credentials sampleCredentials() {
        return Deliveries.CREDENTIALS;
    }
}
