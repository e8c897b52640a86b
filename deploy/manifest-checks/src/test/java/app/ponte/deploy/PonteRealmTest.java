package app.ponte.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * "Criar conta" on the home page sends visitors to Keycloak's own registration page: the {@code ponte}
 * realm (locally and its Kubernetes copy) must let people register with their e-mail, speak pt-BR
 * first, and call itself Ponte on its login and registration pages.
 */
class PonteRealmTest {

    @ParameterizedTest
    @ValueSource(strings = {RealmCopyTest.LOCAL, RealmCopyTest.COPY})
    void realmLetsVisitorsRegisterThemselvesWithTheirEmail(String file) throws IOException {
        JsonNode realm = Yaml.JSON.readTree(Repository.read(file));
        assertEquals("ponte", realm.path("realm").asText());
        assertTrue(realm.path("enabled").asBoolean(), "enabled");
        assertTrue(realm.path("registrationAllowed").asBoolean(), "self-registration");
        assertTrue(realm.path("registrationEmailAsUsername").asBoolean(), "the e-mail is the user name");
        assertTrue(realm.path("loginWithEmailAllowed").asBoolean(), "sign in with the e-mail");
        assertFalse(realm.path("duplicateEmailsAllowed").asBoolean(), "one account per e-mail");
    }

    @ParameterizedTest
    @ValueSource(strings = {RealmCopyTest.LOCAL, RealmCopyTest.COPY})
    void realmsPagesAreNamedPonteAndSpeakPortugueseFirst(String file) throws IOException {
        JsonNode realm = Yaml.JSON.readTree(Repository.read(file));
        assertEquals("Ponte", realm.path("displayName").asText());
        assertTrue(realm.path("displayNameHtml").asText().contains("Ponte"), realm.path("displayNameHtml").asText());
        assertTrue(realm.path("internationalizationEnabled").asBoolean(), "internationalization");
        assertEquals("pt-BR", realm.path("defaultLocale").asText());
        List<String> locales = new ArrayList<>();
        realm.path("supportedLocales").forEach(l -> locales.add(l.asText()));
        assertTrue(locales.contains("pt-BR") && locales.contains("en"), locales.toString());
    }

    @Test
    void aNewAccountComesBackToTheAppThroughTheBrowserLoginClient() throws IOException {
        JsonNode realm = Yaml.JSON.readTree(Repository.read(RealmCopyTest.LOCAL));
        JsonNode platform = null;
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals("ponte-platform")) {
                platform = client;
            }
        }
        assertTrue(platform != null, "the platform's client");
        assertEquals("Ponte", platform.path("name").asText());
        assertTrue(platform.path("enabled").asBoolean() && platform.path("standardFlowEnabled").asBoolean(), "authorization code flow");
        assertEquals("/app", platform.path("baseUrl").asText(), "the first login lands in the app (onboarding)");
    }
}
