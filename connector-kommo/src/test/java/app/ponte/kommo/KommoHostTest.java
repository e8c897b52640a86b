package app.ponte.kommo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.ponte.api.ConnectorException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SSRF: a connection's stored account host decides where the access token is sent. Only Kommo's
 * own hosts ({@code *.kommo.com}, {@code *.amocrm.com}, {@code *.amocrm.ru}) are ever called; any
 * other host makes the connection "needs reconnect" before a request is made.
 */
class KommoHostTest {

    private String override;

    @BeforeEach
    void withoutTheSimulatorsOverride() {
        override = System.clearProperty(KommoSettings.API_BASE_OVERRIDE);
    }

    @AfterEach
    void restoreTheOverride() {
        if (override != null) {
            System.setProperty(KommoSettings.API_BASE_OVERRIDE, override);
        }
    }

    @Test
    void callsOnlyKommoHosts() throws ConnectorException {
        assertEquals("https://loja.kommo.com", KommoClient.baseUrl(Map.of("host", "Loja.Kommo.com ")));
        assertEquals("https://loja.amocrm.ru", KommoClient.baseUrl(Map.of("host", "loja.amocrm.ru")));
        assertEquals("https://loja.kommo.com", KommoClient.baseUrl(Map.of("subdomain", "loja")));
    }

    @Test
    void refusesAnyOtherHostBeforeSendingTheToken() {
        for (Map<String, String> attributes : java.util.List.of(Map.of("host", "evil.example.net"),
                Map.of("host", "kommo.com.evil.example.net"), Map.of("host", "evilkommo.com"),
                Map.of("host", "169.254.169.254"), Map.of("host", "evil.example.net/x.kommo.com"),
                Map.of("host", "evil.example.net#.kommo.com"), Map.of("subdomain", "evil.example.net/"),
                Map.<String, String>of())) {
            ConnectorException refused = assertThrows(ConnectorException.class, () -> KommoClient.baseUrl(attributes),
                    attributes.toString());
            assertEquals("NEEDS_RECONNECT", refused.failure().kind().name(), attributes.toString());
        }
    }
}
