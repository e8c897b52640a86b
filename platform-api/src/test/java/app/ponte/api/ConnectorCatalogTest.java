package app.ponte.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectorCatalogTest {

    private static Connector connector(String id, String name) {
        ConnectorDescriptor descriptor = ConnectorDescriptor.builder(id, name, "Descrição de " + name,
                ConnectorDescriptor.Category.CRM, AuthSpec.oauth2(true)).build();
        return () -> descriptor;
    }

    @Test
    void listsConnectorsSortedByName() {
        ConnectorCatalog catalog = ConnectorCatalog.of(List.of(connector("zeta", "Zeta"), connector("alfa", "alfa")));

        assertEquals(List.of("alfa", "zeta"), catalog.all().stream().map(c -> c.descriptor().id()).toList());
        assertTrue(catalog.find("zeta").isPresent());
        assertTrue(catalog.find("missing").isEmpty());
    }

    @Test
    void rejectsTwoConnectorsWithTheSameId() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> ConnectorCatalog.of(List.of(connector("kommo", "Kommo"), connector("kommo", "Kommo 2"))));
        assertTrue(error.getMessage().contains("'kommo'"));
    }

    @Test
    void rejectsIdsThatAreNotSnakeCase() {
        assertThrows(IllegalArgumentException.class, () -> connector("Kommo", "Kommo"));
        assertThrows(IllegalArgumentException.class, () -> connector("kommo-crm", "Kommo"));
        assertThrows(IllegalArgumentException.class, () -> connector("", "Kommo"));
    }

    @Test
    void rejectsBlankWebhookSecretLabels() {
        assertThrows(IllegalArgumentException.class, () -> AuthSpec.webhookSecret("X-HOTMART-HOTTOK", " "));
    }

    @Test
    void discoversNothingWhenNoConnectorIsOnTheClassPath() {
        assertTrue(ConnectorCatalog.discover(getClass().getClassLoader()).all().isEmpty());
    }
}
