package app.ponte.hotmart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import app.ponte.api.ConnectorCatalog;
import org.junit.jupiter.api.Test;

class HotmartConnectorTest {

    @Test
    void isDiscoveredThroughTheServiceLoader() {
        ConnectorCatalog catalog = ConnectorCatalog.discover(getClass().getClassLoader());

        assertInstanceOf(HotmartConnector.class, catalog.find("hotmart").orElseThrow());
        assertEquals("Hotmart", catalog.find("hotmart").orElseThrow().descriptor().name());
    }

    @Test
    void authenticatesWebhooksWithTheHottokHeader() {
        var auth = assertInstanceOf(app.ponte.api.AuthSpec.WebhookSecret.class, new HotmartConnector().descriptor().auth());
        assertEquals("X-HOTMART-HOTTOK", auth.headerName());
    }
}
