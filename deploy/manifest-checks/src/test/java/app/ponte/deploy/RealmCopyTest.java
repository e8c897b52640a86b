package app.ponte.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Kustomize cannot read files outside its root, so the realm Keycloak imports on Kubernetes (and in
 * compose) is a copy of the local stack's. It must stay the same realm: the copy is the local realm
 * with the local stack's {@code __...__} markers written as Keycloak's own {@code ${...}} environment
 * placeholders and without the demo user (demo@ponte.local / demo), which must not exist anywhere
 * but on a developer's machine.
 */
class RealmCopyTest {

    static final String LOCAL = "deploy/local/src/main/resources/keycloak/ponte-realm.json";
    static final String COPY = "deploy/kubernetes/base/keycloak/ponte-realm.json";

    @Test
    void kubernetesRealmIsTheLocalRealmWithPlaceholdersAndWithoutTheDemoUser() throws IOException {
        String local = Repository.read(LOCAL)
                .replace("__PONTE_URL__", "${PONTE_URL}")
                .replace("__PONTE_CLIENT_SECRET__", "${PONTE_OIDC_CLIENT_SECRET}");
        ObjectNode expected = (ObjectNode) Yaml.JSON.readTree(local);
        expected.remove("users");
        JsonNode copy = Yaml.JSON.readTree(Repository.read(COPY));
        if (!expected.equals(copy)) {
            Path fresh = Path.of("target/ponte-realm.json");
            Files.createDirectories(fresh.getParent());
            Files.writeString(fresh, Yaml.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(expected) + "\n");
        }
        assertEquals(expected, copy, COPY + " differs from " + LOCAL + "; the expected copy is in deploy/manifest-checks/target/ponte-realm.json");
        assertFalse(Repository.read(COPY).contains("__PONTE"), "no local-stack markers left");
    }
}
