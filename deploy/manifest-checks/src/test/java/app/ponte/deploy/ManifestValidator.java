package app.ponte.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Validates Kubernetes resources offline.
 *
 * <ul>
 *   <li>Kinds of Kubernetes itself are read into fabric8's typed model (io.fabric8:kubernetes-model):
 *       a kind or apiVersion the model does not know, a value of the wrong type, a field the model
 *       does not have (collected by the model as an "additional property", e.g. a misspelt
 *       {@code readinesProbe}) or an unparsable quantity is an error.</li>
 *   <li>Custom resources are validated against the {@code openAPIV3Schema} of their CRD under
 *       {@code deploy/kubernetes/crds}, with fields the schema does not list refused (Kubernetes
 *       prunes them silently; {@code kubectl --validate=strict} refuses them).</li>
 * </ul>
 */
final class ManifestValidator {

    private final KubernetesSerialization serialization = new KubernetesSerialization();
    private final Map<String, JsonSchema> schemas = new HashMap<>();

    /** @param crdDirectory every {@code *.yaml} below it is read as CustomResourceDefinitions */
    ManifestValidator(Path crdDirectory) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        try (Stream<Path> files = Files.walk(crdDirectory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (ObjectNode crd : Yaml.documents(file)) {
                    String group = crd.path("spec").path("group").asText();
                    String kind = crd.path("spec").path("names").path("kind").asText();
                    for (JsonNode version : crd.path("spec").path("versions")) {
                        JsonNode schema = strict(version.path("schema").path("openAPIV3Schema").deepCopy());
                        schemas.put(group + "/" + version.path("name").asText() + " " + kind, factory.getSchema(schema));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every problem of one resource, each prefixed with the resource's kind and name (empty when valid). */
    List<String> validate(ObjectNode resource) {
        String id = resource.path("kind").asText() + "/" + resource.path("metadata").path("name").asText();
        List<String> problems = new ArrayList<>();
        Object model;
        try {
            model = serialization.unmarshal(resource.toString());
        } catch (RuntimeException e) {
            return List.of(id + ": not a valid Kubernetes resource: " + rootMessage(e));
        }
        if (Kustomize.isBuiltIn(resource)) {
            if (model instanceof GenericKubernetesResource) {
                problems.add(id + ": " + resource.path("apiVersion").asText() + " " + resource.path("kind").asText()
                        + " is not a kind of the Kubernetes model");
            }
        } else {
            JsonSchema schema = schemas.get(resource.path("apiVersion").asText() + " " + resource.path("kind").asText());
            if (schema == null) {
                problems.add(id + ": no CRD schema under deploy/kubernetes/crds for " + resource.path("apiVersion").asText());
            } else {
                for (ValidationMessage message : schema.validate(resource)) {
                    problems.add(id + ": " + message.getMessage());
                }
            }
        }
        unknownFields(model, "", problems, id);
        quantities(resource, "", problems, id);
        return problems;
    }

    /** The model keeps fields it does not know in additionalProperties: each one is a typo or a wrong level. */
    private static void unknownFields(Object node, String path, List<String> problems, String id) {
        if (node == null) {
            return;
        }
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                unknownFields(list.get(i), path + "[" + i + "]", problems, id);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, problems, id));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model") || node.getClass().isEnum()) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers()) || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                // a custom resource's spec is free-form for the model; its CRD schema checks it
                if (value instanceof Map<?, ?> extra && !extra.isEmpty() && !(node instanceof GenericKubernetesResource)) {
                    problems.add(id + ": unknown field(s) " + extra.keySet() + " at " + (path.isEmpty() ? "top level" : path.substring(1)));
                }
            } else {
                String name = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
                unknownFields(value, path + "." + name, problems, id);
            }
        }
    }

    /** Every requests/limits value must parse as a Kubernetes quantity. */
    private static void quantities(JsonNode node, String path, List<String> problems, String id) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if ((field.getKey().equals("requests") || field.getKey().equals("limits")) && path.endsWith("resources")) {
                    field.getValue().fields().forEachRemaining(q -> {
                        try {
                            Quantity.getAmountInBytes(new Quantity(q.getValue().asText()));
                        } catch (RuntimeException e) {
                            problems.add(id + ": " + path + "." + field.getKey() + "." + q.getKey() + " is not a quantity: " + q.getValue().asText());
                        }
                    });
                } else {
                    quantities(field.getValue(), path + "." + field.getKey(), problems, id);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                quantities(node.get(i), path + "[" + i + "]", problems, id);
            }
        }
    }

    /**
     * Objects that list their properties and neither declare additionalProperties nor preserve
     * unknown fields get {@code additionalProperties: false}: what Kubernetes would prune is an error.
     */
    static JsonNode strict(JsonNode schema) {
        if (schema.isObject()) {
            ObjectNode object = (ObjectNode) schema;
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
            object.elements().forEachRemaining(ManifestValidator::strict);
        } else if (schema.isArray()) {
            schema.elements().forEachRemaining(ManifestValidator::strict);
        }
        return schema;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
