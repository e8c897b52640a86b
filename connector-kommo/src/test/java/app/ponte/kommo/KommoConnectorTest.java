package app.ponte.kommo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import app.ponte.api.ConnectorCatalog;
import org.junit.jupiter.api.Test;

class KommoConnectorTest {

    @Test
    void isDiscoveredThroughTheServiceLoader() {
        ConnectorCatalog catalog = ConnectorCatalog.discover(getClass().getClassLoader());

        assertInstanceOf(KommoConnector.class, catalog.find("kommo").orElseThrow());
        assertEquals("Kommo", catalog.find("kommo").orElseThrow().descriptor().name());
    }

    @Test
    void connectsWithOAuthWhoseRefreshTokensRotate() {
        var auth = assertInstanceOf(app.ponte.api.AuthSpec.OAuth2AuthorizationCode.class, new KommoConnector().descriptor().auth());
        assertEquals(true, auth.rotatesRefreshTokens());
    }
}
