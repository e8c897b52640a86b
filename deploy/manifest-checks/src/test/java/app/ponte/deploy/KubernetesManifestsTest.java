package app.ponte.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every overlay of deploy/kubernetes, rendered and validated, and what the platform needs from it. */
class KubernetesManifestsTest {

    private static ManifestValidator validator;

    @BeforeAll
    static void loadSchemas() {
        validator = new ManifestValidator(Repository.path("deploy/kubernetes/crds"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyRenderedResourceIsValid(String overlay) throws IOException {
        List<ObjectNode> resources = render(overlay);
        List<String> problems = new ArrayList<>();
        resources.forEach(r -> problems.addAll(validator.validate(r)));
        assertEquals(List.of(), problems);
        Files.createDirectories(Path.of("target/rendered"));
        Files.writeString(Path.of("target/rendered/" + overlay + ".yaml"), Yaml.write(resources));
        Set<String> kinds = new HashSet<>();
        resources.forEach(r -> kinds.add(r.path("kind").asText()));
        assertEquals(Set.of("Deployment", "Service", "Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget", "ConfigMap",
                "Kafka", "KafkaNodePool", "KafkaTopic", "Cluster"), kinds);
        assertTrue(resources.stream().allMatch(r -> r.at("/metadata/namespace").asText().equals(overlay.equals("local") ? "ponte-local" : "ponte")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void platformHasProbesResourcesAndRunsAsNonRoot(String overlay) {
        List<ObjectNode> resources = render(overlay);
        JsonNode pod = find(resources, "Deployment", "ponte").at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");
        assertEquals("http", container.at("/ports/0/name").asText());
        assertEquals(8080, container.at("/ports/0/containerPort").asInt(), "quarkus.http.port");
        assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
        assertEquals("/q/health/live", container.at("/startupProbe/httpGet/path").asText());
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            assertEquals("http", container.at("/" + probe + "/httpGet/port").asText(), probe + " on the named port");
        }
        for (String path : List.of("/requests/cpu", "/requests/memory", "/limits/memory")) {
            assertFalse(container.at("/resources" + path).asText().isBlank(), "resources" + path);
        }
        assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean());
        assertEquals(10001, pod.at("/securityContext/runAsUser").asInt(), "the uid of platform-server's Dockerfile.jvm");
        String image = container.at("/image").asText();
        assertTrue(image.matches(".+:[0-9][^:/]*") && !image.endsWith(":latest"), "pinned image: " + image);
        if (overlay.equals("production")) {
            assertEquals("registry.example.com/ponte/platform-server:0.1.0", image);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void servicesIngressAutoscalerAndBudgetSelectThePlatform(String overlay) {
        List<ObjectNode> resources = render(overlay);
        for (String app : List.of("ponte", "keycloak")) {
            ObjectNode deployment = find(resources, "Deployment", app);
            JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
            assertTrue(matches(deployment.at("/spec/selector/matchLabels"), podLabels), app + " Deployment selector");
            ObjectNode service = find(resources, "Service", app);
            assertTrue(matches(service.at("/spec/selector"), podLabels), app + " Service selector");
            String targetPort = service.at("/spec/ports/0/targetPort").asText();
            assertTrue(StreamSupport.stream(deployment.at("/spec/template/spec/containers/0/ports").spliterator(), false)
                    .anyMatch(p -> p.path("name").asText().equals(targetPort)), app + " Service targets a named container port");
            for (JsonNode rule : find(resources, "Ingress", app).at("/spec/rules")) {
                for (JsonNode path : rule.at("/http/paths")) {
                    assertEquals(app, path.at("/backend/service/name").asText());
                    assertEquals(service.at("/spec/ports/0/name").asText(), path.at("/backend/service/port/name").asText());
                }
            }
        }
        JsonNode platformLabels = find(resources, "Deployment", "ponte").at("/spec/template/metadata/labels");
        assertTrue(matches(find(resources, "PodDisruptionBudget", "ponte").at("/spec/selector/matchLabels"), platformLabels));
        JsonNode hpa = find(resources, "HorizontalPodAutoscaler", "ponte").at("/spec");
        assertEquals("Deployment", hpa.at("/scaleTargetRef/kind").asText());
        assertEquals("ponte", hpa.at("/scaleTargetRef/name").asText());
        int partitions = find(resources, "KafkaTopic", "ponte-trigger-events").at("/spec/partitions").asInt();
        assertTrue(hpa.at("/maxReplicas").asInt() <= partitions, "more consumers than partitions would sit idle");
        if (overlay.equals("production")) {
            assertTrue(hpa.at("/minReplicas").asInt() >= 3);
            assertFalse(find(resources, "Ingress", "ponte").at("/spec/tls").isEmpty(), "TLS in production");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void triggerTopicHasTwelvePartitionsOnTheKafkaClusterThePlatformUses(String overlay) {
        List<ObjectNode> resources = render(overlay);
        ObjectNode kafka = only(resources, "Kafka");
        String cluster = kafka.at("/metadata/name").asText();
        ObjectNode topic = find(resources, "KafkaTopic", "ponte-trigger-events");
        assertEquals("ponte.trigger-events", topic.at("/spec/topicName").asText());
        assertEquals(12, topic.at("/spec/partitions").asInt());
        assertEquals(cluster, topic.at("/metadata/labels/strimzi.io~1cluster").asText());
        ObjectNode pool = only(resources, "KafkaNodePool");
        assertEquals(cluster, pool.at("/metadata/labels/strimzi.io~1cluster").asText());
        assertTrue(StreamSupport.stream(pool.at("/spec/roles").spliterator(), false).map(JsonNode::asText).toList()
                .containsAll(List.of("controller", "broker")), "KRaft: the pool's nodes are controllers");
        int brokers = pool.at("/spec/replicas").asInt();
        int replicas = topic.at("/spec/replicas").asInt();
        int minIsr = topic.at("/spec/config/min.insync.replicas").asInt();
        assertTrue(replicas <= brokers && minIsr <= replicas, "replicas " + replicas + ", min ISR " + minIsr + ", brokers " + brokers);
        if (overlay.equals("production")) {
            assertTrue(brokers >= 3 && replicas == 3 && minIsr == 2, "survives one broker down with acks=all");
        }
        JsonNode listener = StreamSupport.stream(kafka.at("/spec/kafka/listeners").spliterator(), false)
                .filter(l -> l.path("name").asText().equals("plain")).findFirst().orElseThrow();
        assertEquals(cluster + "-kafka-bootstrap:" + listener.path("port").asInt(), env(resources, "ponte", "KAFKA_BOOTSTRAP_SERVERS").path("value").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void platformAndKeycloakUseTheirCloudNativePgClusters(String overlay) {
        List<ObjectNode> resources = render(overlay);
        for (String[] use : List.of(new String[] {"ponte", "ponte-db", "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD"},
                new String[] {"keycloak", "keycloak-db", "KC_DB_URL", "KC_DB_USERNAME", "KC_DB_PASSWORD"})) {
            ObjectNode cluster = find(resources, "Cluster", use[1]);
            String database = cluster.at("/spec/bootstrap/initdb/database").asText();
            assertEquals("jdbc:postgresql://" + use[1] + "-rw:5432/" + database, env(resources, use[0], use[2]).path("value").asText());
            assertEquals(use[1] + "-app", env(resources, use[0], use[3]).at("/valueFrom/secretKeyRef/name").asText());
            assertEquals("username", env(resources, use[0], use[3]).at("/valueFrom/secretKeyRef/key").asText());
            assertEquals("password", env(resources, use[0], use[4]).at("/valueFrom/secretKeyRef/key").asText());
        }
        int maxConnections = find(resources, "Cluster", "ponte-db").at("/spec/postgresql/parameters/max_connections").asInt();
        int pool = Integer.parseInt(applicationProperties().getProperty("quarkus.datasource.jdbc.max-size"));
        assertTrue(pool * find(resources, "HorizontalPodAutoscaler", "ponte").at("/spec/maxReplicas").asInt() < maxConnections,
                "every instance's connection pool fits in max_connections");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void environmentNamesConfigurationThePlatformReads(String overlay) {
        Set<String> known = new HashSet<>();
        for (String key : applicationProperties().stringPropertyNames()) {
            known.add(envName(key.replaceFirst("^%[a-z]+\\.", "")));
        }
        // Read by @ConfigMapping interfaces (PonteConfig, CryptoConfig) or by Quarkus without a line in
        // application.properties, or referenced as ${...} by base/ponte/application.properties; JAVA_OPTS by the
        // image's entry point and MALLOC_ARENA_MAX by glibc.
        known.addAll(List.of("PONTE_PUBLIC_URL", "PONTE_CRYPTO_KEY", "PONTE_CRYPTO_PREVIOUS_KEYS", "QUARKUS_DATASOURCE_PASSWORD",
                "PONTE_LOG_JSON", "JAVA_OPTS", "MALLOC_ARENA_MAX", "KOMMO_OAUTH_CLIENT_ID", "KOMMO_OAUTH_CLIENT_SECRET"));
        assertTrue(Repository.read("platform-server/src/main/java/app/ponte/server/config/PonteConfig.java").contains("java.net.URI publicUrl()"));
        assertTrue(Repository.read("platform-server/src/main/java/app/ponte/server/crypto/CryptoConfig.java").contains("previousKeys()"));
        assertTrue(Repository.read("platform-server/src/main/resources/application.properties").contains("${PONTE_LOG_JSON:true}"));
        String mounted = Repository.read("deploy/kubernetes/base/ponte/application.properties");
        assertTrue(mounted.contains("${KOMMO_OAUTH_CLIENT_ID}") && mounted.contains("${KOMMO_OAUTH_CLIENT_SECRET}"));

        for (JsonNode variable : find(render(overlay), "Deployment", "ponte").at("/spec/template/spec/containers/0/env")) {
            assertTrue(known.contains(variable.path("name").asText()), variable.path("name").asText() + " is read by nothing in platform-server");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void noSecretIsCommittedAndEverySecretUsedIsDocumented(String overlay) {
        List<ObjectNode> resources = render(overlay);
        assertTrue(resources.stream().noneMatch(r -> r.path("kind").asText().equals("Secret")), "Secrets are created by operators, not committed");
        String guide = Repository.read("docs/operations.md");
        Set<String> generatedByCloudNativePg = new HashSet<>();
        resources.stream().filter(r -> r.path("kind").asText().equals("Cluster"))
                .forEach(r -> generatedByCloudNativePg.add(r.at("/metadata/name").asText() + "-app"));
        List<String> undocumented = new ArrayList<>();
        secretKeyRefs(resources, (name, key) -> {
            if (!generatedByCloudNativePg.contains(name) && !documented(guide, name, key)) {
                undocumented.add(name + "/" + key);
            }
        });
        assertEquals(List.of(), undocumented, "docs/operations.md must show kubectl create secret for each");
        for (ObjectNode resource : resources) {
            for (JsonNode variable : resource.findValues("env")) {
                for (JsonNode entry : variable) {
                    String name = entry.path("name").asText().toUpperCase(Locale.ROOT);
                    if (name.matches(".*(PASSWORD|SECRET|CRYPTO_KEY).*")) {
                        assertTrue(entry.has("valueFrom"), name + " of " + resource.at("/metadata/name").asText() + " must come from a Secret");
                    }
                }
            }
        }
    }

    @Test
    void keycloakImportsTheRealmFromTheGeneratedConfigMap() {
        List<ObjectNode> resources = render("production");
        ObjectNode realm = find(resources, "ConfigMap", "keycloak-realm");
        assertEquals(Repository.read("deploy/kubernetes/base/keycloak/ponte-realm.json"), realm.at("/data/ponte-realm.json").asText());
        JsonNode pod = find(resources, "Deployment", "keycloak").at("/spec/template/spec");
        assertEquals("keycloak-realm", pod.at("/volumes/0/configMap/name").asText());
        assertEquals("/opt/keycloak/data/import", pod.at("/containers/0/volumeMounts/0/mountPath").asText());
        assertTrue(pod.at("/containers/0/args").toString().contains("--import-realm"));
        assertTrue(pod.at("/containers/0/image").asText().endsWith(":" + pomProperty("keycloak.version")), "same Keycloak as the local stack");
        for (String placeholder : List.of("PONTE_URL", "PONTE_OIDC_CLIENT_SECRET")) {
            assertFalse(env(resources, "keycloak", placeholder).isMissingNode(), "the realm's ${" + placeholder + "} is set");
        }
    }

    @Test
    void brokenManifestsAreRefused() {
        ObjectNode deployment = find(render("production"), "Deployment", "ponte").deepCopy();
        ObjectNode container = (ObjectNode) deployment.at("/spec/template/spec/containers/0");
        container.set("readinesProbe", container.remove("readinessProbe"));
        ((ObjectNode) container.get("resources").get("limits")).put("memory", "lots");
        List<String> problems = validator.validate(deployment);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("unknown field(s) [readinesProbe]"), problems.toString());
        assertTrue(problems.get(1).contains("limits.memory is not a quantity"), problems.toString());

        ObjectNode topic = find(render("production"), "KafkaTopic", "ponte-trigger-events").deepCopy();
        ((ObjectNode) topic.get("spec")).put("partitions", "twelve").put("partition", 12);
        List<String> topicProblems = validator.validate(topic);
        assertEquals(2, topicProblems.size(), topicProblems.toString());
        assertTrue(topicProblems.stream().anyMatch(p -> p.contains("partitions") && p.contains("integer")), topicProblems.toString());
        assertTrue(topicProblems.stream().anyMatch(p -> p.contains("partition")), topicProblems.toString());

        ObjectNode kafka = only(render("production"), "Kafka").deepCopy();
        ((ObjectNode) kafka.at("/spec/kafka")).remove("listeners");
        assertTrue(validator.validate(kafka).stream().anyMatch(p -> p.contains("listeners")), "listeners are required");

        ObjectNode database = find(render("production"), "Cluster", "ponte-db").deepCopy();
        ((ObjectNode) database.get("spec")).put("instances", 0).put("instance", 3);
        assertEquals(2, validator.validate(database).size(), validator.validate(database).toString());

        ObjectNode unknownKind = Yaml.JSON.createObjectNode().put("apiVersion", "apps/v1").put("kind", "Deploymnet");
        unknownKind.putObject("metadata").put("name", "x");
        assertFalse(validator.validate(unknownKind).isEmpty());
    }

    static List<ObjectNode> render(String overlay) {
        return Kustomize.build(Repository.path("deploy/kubernetes/overlays/" + overlay));
    }

    private static ObjectNode find(List<ObjectNode> resources, String kind, String name) {
        return resources.stream().filter(r -> r.path("kind").asText().equals(kind) && r.at("/metadata/name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    private static ObjectNode only(List<ObjectNode> resources, String kind) {
        List<ObjectNode> found = resources.stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
        assertEquals(1, found.size(), kind);
        return found.get(0);
    }

    private static JsonNode env(List<ObjectNode> resources, String deployment, String name) {
        for (JsonNode variable : find(resources, "Deployment", deployment).at("/spec/template/spec/containers/0/env")) {
            if (variable.path("name").asText().equals(name)) {
                return variable;
            }
        }
        return Yaml.JSON.missingNode();
    }

    private static boolean matches(JsonNode selector, JsonNode labels) {
        if (selector.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) selector::fields) {
            if (!labels.path(entry.getKey()).asText().equals(entry.getValue().asText())) {
                return false;
            }
        }
        return true;
    }

    private static void secretKeyRefs(List<ObjectNode> resources, java.util.function.BiConsumer<String, String> each) {
        for (ObjectNode resource : resources) {
            for (JsonNode ref : resource.findValues("secretKeyRef")) {
                each.accept(ref.path("name").asText(), ref.path("key").asText());
            }
        }
    }

    /** docs/operations.md holds {@code kubectl create secret generic NAME ... --from-literal=KEY=...} for each. */
    private static boolean documented(String guide, String name, String key) {
        Matcher command = Pattern.compile("kubectl (?:-n \\S+ )?create secret generic " + Pattern.quote(name) + "((?:[^\\n]*\\\\\\n)*[^\\n]*)").matcher(guide);
        while (command.find()) {
            if (command.group(1).contains("--from-literal=" + key + "=")) {
                return true;
            }
        }
        return false;
    }

    private static Properties applicationProperties() {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Repository.read("platform-server/src/main/resources/application.properties")));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return properties;
    }

    /** SmallRye Config's environment name of a property: non-alphanumerics become '_', upper case. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    static String pomProperty(String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(Repository.read("pom.xml"));
        assertTrue(m.find(), name + " in pom.xml");
        return m.group(1);
    }
}
