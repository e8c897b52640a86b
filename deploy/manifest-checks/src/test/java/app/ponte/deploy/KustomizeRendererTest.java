package app.ponte.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The renderer that stands in for kustomize on machines without it. */
class KustomizeRendererTest {

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void rendersLikeKubectlKustomizeWhereKubectlIsInstalled(String overlay) throws Exception {
        Path dir = Repository.path("deploy/kubernetes/overlays/" + overlay);
        String kustomized = kubectlKustomize(dir);
        assumeTrue(kustomized != null, "kubectl is not installed here; the renderer's own tests still run");
        assertEquals(byKindAndName(Yaml.documents(kustomized)), byKindAndName(Kustomize.build(dir)));
    }

    @Test
    void patchesMergeContainersAndEnvByNameAndReplaceCustomResourceLists(@TempDir Path dir) throws IOException {
        write(dir, "base/kustomization.yaml", """
                resources: [app.yaml, pool.yaml]
                """);
        write(dir, "base/app.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  replicas: 2
                  template:
                    spec:
                      containers:
                        - name: app
                          image: ponte/platform-server:1.0
                          env: [{name: A, value: "1"}, {name: B, value: "2"}]
                        - name: sidecar
                          image: other:2.0
                """);
        write(dir, "base/pool.yaml", """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaNodePool
                metadata: {name: pool}
                spec:
                  roles: [controller, broker]
                  storage: {type: jbod, volumes: [{id: 0, size: 10Gi}, {id: 1, size: 10Gi}]}
                """);
        write(dir, "overlay/kustomization.yaml", """
                namespace: shop
                resources: [../base]
                images: [{name: ponte/platform-server, newName: registry.example.com/ponte, newTag: "2.0"}]
                patches: [{path: patch.yaml}]
                """);
        write(dir, "overlay/patch.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  replicas: null
                  template:
                    spec:
                      containers:
                        - name: app
                          env: [{name: B, value: "3"}, {name: C, value: "4"}]
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaNodePool
                metadata: {name: pool}
                spec:
                  storage: {volumes: [{id: 0, size: 1Gi}]}
                """);
        List<ObjectNode> rendered = Kustomize.build(dir.resolve("overlay"));
        ObjectNode app = rendered.get(0);
        assertEquals("shop", app.at("/metadata/namespace").asText());
        assertTrue(app.at("/spec/replicas").isMissingNode(), "null deletes");
        assertEquals("registry.example.com/ponte:2.0", app.at("/spec/template/spec/containers/0/image").asText());
        assertEquals("other:2.0", app.at("/spec/template/spec/containers/1/image").asText(), "other images untouched");
        assertEquals("[{\"name\":\"B\",\"value\":\"3\"},{\"name\":\"C\",\"value\":\"4\"},{\"name\":\"A\",\"value\":\"1\"}]",
                app.at("/spec/template/spec/containers/0/env").toString());
        ObjectNode pool = rendered.get(1);
        assertEquals("[{\"id\":0,\"size\":\"1Gi\"}]", pool.at("/spec/storage/volumes").toString(), "custom resources' lists are replaced");
        assertEquals("jbod", pool.at("/spec/storage/type").asText(), "maps still merge");
    }

    @Test
    void refusesWhatItDoesNotImplement(@TempDir Path dir) throws IOException {
        write(dir, "kustomization.yaml", """
                resources: [a.yaml]
                commonLabels: {team: ponte}
                """);
        write(dir, "a.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: a}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Kustomize.build(dir));
        assertTrue(e.getMessage().contains("[commonLabels]"), e.getMessage());
    }

    @Test
    void refusesFilesOutsideTheKustomizationRootAsKustomizeDoes(@TempDir Path dir) throws IOException {
        write(dir, "outside.json", "{}");
        write(dir, "k/kustomization.yaml", """
                configMapGenerator: [{name: realm, files: [../outside.json]}]
                generatorOptions: {disableNameSuffixHash: true}
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Kustomize.build(dir.resolve("k")));
        assertTrue(e.getMessage().contains("outside"), e.getMessage());
    }

    @Test
    void refusesHashedConfigMapNamesItCannotCompute(@TempDir Path dir) throws IOException {
        write(dir, "kustomization.yaml", "configMapGenerator: [{name: c, literals: [a=b]}]\n");
        assertThrows(IllegalArgumentException.class, () -> Kustomize.build(dir));
    }

    @Test
    void refusesPatchesWhoseTargetDoesNotExist(@TempDir Path dir) throws IOException {
        write(dir, "kustomization.yaml", "resources: [a.yaml]\npatches: [{path: p.yaml}]\n");
        write(dir, "a.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: a}\n");
        write(dir, "p.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: b}\nspec: {type: NodePort}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Kustomize.build(dir));
        assertTrue(e.getMessage().contains("Service/b"), e.getMessage());
    }

    static Map<String, ObjectNode> byKindAndName(List<ObjectNode> resources) {
        Map<String, ObjectNode> map = new TreeMap<>();
        for (ObjectNode resource : resources) {
            String key = resource.path("apiVersion").asText() + " " + resource.path("kind").asText() + " "
                    + resource.path("metadata").path("name").asText();
            if (map.put(key, resource) != null) {
                throw new IllegalArgumentException("two resources are " + key);
            }
        }
        return map;
    }

    /** The output of {@code kubectl kustomize dir}, or null where kubectl is not installed. */
    private static String kubectlKustomize(Path dir) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false).start();
        } catch (IOException notInstalled) {
            return null;
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), "kubectl kustomize failed: " + err);
        return out;
    }

    private static void write(Path dir, String file, String text) throws IOException {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }
}
