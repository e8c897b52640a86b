package app.ponte.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a kustomization as {@code kustomize build} does, for the subset of Kustomize that
 * {@code deploy/kubernetes} uses; kustomize itself is not on the build machines (it is neither on
 * Maven Central nor in Debian's packages for this kind of machine).
 *
 * <p>Supported: {@code resources} (files inside the kustomization's directory, or directories
 * holding a kustomization, such as {@code ../../base}), {@code configMapGenerator} ({@code files}
 * and {@code literals}, behaviour {@code create}) with {@code generatorOptions.disableNameSuffixHash:
 * true}, {@code patches} given by {@code path} whose documents name their target by kind and name
 * (strategic merge: maps merge, {@code null} deletes, lists of containers, env, volumes, volume
 * mounts and ports merge by their key on built-in kinds and are replaced otherwise, as kustomize
 * does for custom resources without a schema), {@code namespace} and {@code images}. Anything else
 * is refused with an error instead of being silently ignored, so the renderer cannot drift from
 * kustomize unnoticed; {@code KustomizeRendererTest} also compares it with {@code kubectl kustomize}
 * wherever kubectl is installed.
 */
final class Kustomize {

    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "resources", "namespace", "images", "patches",
            "configMapGenerator", "generatorOptions");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "CustomResourceDefinition", "ClusterRole",
            "ClusterRoleBinding", "PersistentVolume", "StorageClass", "IngressClass", "PriorityClass");
    private static final Map<String, String> MERGE_KEYS = Map.of("containers", "name", "initContainers", "name", "env", "name",
            "volumes", "name", "imagePullSecrets", "name", "volumeMounts", "mountPath");

    private Kustomize() {
    }

    /** The resources {@code kustomize build dir} prints, in the order they were accumulated. */
    static List<ObjectNode> build(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        ObjectNode kustomization = Yaml.single(root.resolve("kustomization.yaml"));
        Set<String> unsupported = new LinkedHashSet<>();
        kustomization.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                unsupported.add(f);
            }
        });
        if (!unsupported.isEmpty()) {
            throw new IllegalArgumentException(root + "/kustomization.yaml uses " + unsupported
                    + ", which this renderer does not implement (supported: " + FIELDS + ")");
        }
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path target = root.resolve(entry.asText()).normalize();
            if (Files.isDirectory(target)) {
                resources.addAll(build(target));
            } else {
                resources.addAll(Yaml.documents(inside(root, entry.asText())));
            }
        }
        resources.addAll(configMaps(root, kustomization));
        for (JsonNode patch : kustomization.path("patches")) {
            Iterator<String> keys = patch.fieldNames();
            while (keys.hasNext()) {
                String key = keys.next();
                if (!key.equals("path")) {
                    throw new IllegalArgumentException("patches[]." + key + " is not implemented (only 'path', targets named in the patch)");
                }
            }
            for (ObjectNode document : Yaml.documents(inside(root, patch.path("path").asText()))) {
                ObjectNode target = find(resources, document);
                merge(target, document, isBuiltIn(target));
            }
        }
        if (kustomization.hasNonNull("namespace")) {
            String namespace = kustomization.get("namespace").asText();
            for (ObjectNode resource : resources) {
                if (!CLUSTER_SCOPED.contains(resource.path("kind").asText())) {
                    ((ObjectNode) resource.with("metadata")).put("namespace", namespace);
                }
            }
        }
        for (JsonNode image : kustomization.path("images")) {
            for (ObjectNode resource : resources) {
                setImages(resource, image);
            }
        }
        return resources;
    }

    private static List<ObjectNode> configMaps(Path root, ObjectNode kustomization) {
        JsonNode generators = kustomization.path("configMapGenerator");
        if (generators.isEmpty()) {
            return List.of();
        }
        JsonNode options = kustomization.path("generatorOptions");
        if (!options.path("disableNameSuffixHash").asBoolean(false) || options.size() != 1) {
            throw new IllegalArgumentException("configMapGenerator needs generatorOptions with only disableNameSuffixHash: true"
                    + " (this renderer does not compute kustomize's content hash)");
        }
        List<ObjectNode> generated = new ArrayList<>();
        for (JsonNode generator : generators) {
            generator.fieldNames().forEachRemaining(f -> {
                if (!Set.of("name", "files", "literals", "behavior").contains(f)) {
                    throw new IllegalArgumentException("configMapGenerator[]." + f + " is not implemented");
                }
            });
            if (!generator.path("behavior").asText("create").equals("create")) {
                throw new IllegalArgumentException("configMapGenerator behavior " + generator.get("behavior") + " is not implemented");
            }
            ObjectNode configMap = Yaml.JSON.createObjectNode();
            configMap.put("apiVersion", "v1").put("kind", "ConfigMap");
            configMap.putObject("metadata").put("name", generator.path("name").asText());
            ObjectNode data = configMap.putObject("data");
            for (JsonNode file : generator.path("files")) {
                String spec = file.asText();
                int eq = spec.indexOf('=');
                String path = eq < 0 ? spec : spec.substring(eq + 1);
                String key = eq < 0 ? Path.of(path).getFileName().toString() : spec.substring(0, eq);
                try {
                    data.put(key, Files.readString(inside(root, path)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            for (JsonNode literal : generator.path("literals")) {
                String spec = literal.asText();
                int eq = spec.indexOf('=');
                data.put(spec.substring(0, eq), spec.substring(eq + 1));
            }
            generated.add(configMap);
        }
        return generated;
    }

    /** Kustomize's default load restrictor: files must lie inside the kustomization's directory. */
    private static Path inside(Path root, String relative) {
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException(relative + " is outside " + root + " (kustomize refuses files outside the kustomization root)");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " does not exist");
        }
        return file;
    }

    private static ObjectNode find(List<ObjectNode> resources, ObjectNode patch) {
        String kind = patch.path("kind").asText();
        String name = patch.path("metadata").path("name").asText();
        List<ObjectNode> matches = resources.stream()
                .filter(r -> r.path("kind").asText().equals(kind) && r.path("metadata").path("name").asText().equals(name)
                        && group(r).equals(group(patch)))
                .toList();
        if (matches.size() != 1) {
            throw new IllegalArgumentException("a patch targets " + kind + "/" + name + ", which matches " + matches.size() + " resources");
        }
        return matches.get(0);
    }

    static String group(JsonNode resource) {
        String apiVersion = resource.path("apiVersion").asText();
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** Kinds of Kubernetes itself, whose lists merge by key; custom resources' lists are replaced. */
    static boolean isBuiltIn(JsonNode resource) {
        String group = group(resource);
        return !group.contains(".") || group.endsWith(".k8s.io");
    }

    private static void merge(ObjectNode target, ObjectNode patch, boolean strategic) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.startsWith("$")) {
                throw new IllegalArgumentException("patch directive " + name + " is not implemented");
            }
            JsonNode current = target.get(name);
            if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject() && current != null && current.isObject()) {
                merge((ObjectNode) current, (ObjectNode) value, strategic);
            } else if (value.isArray() && current != null && current.isArray() && strategic && mergeKey(name, value) != null) {
                target.set(name, mergeList((ArrayNode) current, (ArrayNode) value, mergeKey(name, value), strategic));
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }

    private static String mergeKey(String field, JsonNode items) {
        if (field.equals("ports")) {
            return items.path(0).has("containerPort") ? "containerPort" : "port";
        }
        return MERGE_KEYS.get(field);
    }

    /** Patched items first, in the patch's order, then the target's other items: kustomize's order. */
    private static ArrayNode mergeList(ArrayNode current, ArrayNode patch, String key, boolean strategic) {
        ArrayNode merged = Yaml.JSON.createArrayNode();
        Set<String> patched = new LinkedHashSet<>();
        for (JsonNode item : patch) {
            String id = item.path(key).asText();
            patched.add(id);
            JsonNode existing = null;
            for (JsonNode candidate : current) {
                if (candidate.path(key).asText().equals(id)) {
                    existing = candidate;
                }
            }
            if (existing == null) {
                merged.add(item.deepCopy());
            } else {
                ObjectNode copy = existing.deepCopy();
                merge(copy, (ObjectNode) item, strategic);
                merged.add(copy);
            }
        }
        for (JsonNode item : current) {
            if (!patched.contains(item.path(key).asText())) {
                merged.add(item);
            }
        }
        return merged;
    }

    /** The images transformer: every containers[].image / initContainers[].image named like the entry. */
    private static void setImages(JsonNode node, JsonNode image) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if ((field.getKey().equals("containers") || field.getKey().equals("initContainers")) && field.getValue().isArray()) {
                    for (JsonNode container : field.getValue()) {
                        retag((ObjectNode) container, image);
                    }
                } else {
                    setImages(field.getValue(), image);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> setImages(child, image));
        }
    }

    private static void retag(ObjectNode container, JsonNode image) {
        String current = container.path("image").asText();
        int at = current.indexOf('@');
        int colon = current.lastIndexOf(':');
        String name = at >= 0 ? current.substring(0, at) : colon > current.lastIndexOf('/') ? current.substring(0, colon) : current;
        if (!name.equals(image.path("name").asText())) {
            return;
        }
        String tag = at >= 0 ? current.substring(at) : colon > current.lastIndexOf('/') ? current.substring(colon) : "";
        String newName = image.path("newName").asText(name);
        if (image.hasNonNull("digest")) {
            tag = "@" + image.get("digest").asText();
        } else if (image.hasNonNull("newTag")) {
            tag = ":" + image.get("newTag").asText();
        }
        container.put("image", newName + tag);
    }
}
