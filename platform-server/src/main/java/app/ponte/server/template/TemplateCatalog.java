package app.ponte.server.template;

import app.ponte.api.ConnectorDescriptor;
import app.ponte.api.action.ActionDefinition;
import app.ponte.api.trigger.TriggerDefinition;
import app.ponte.mapping.Mapping;
import app.ponte.mapping.MappingProblem;
import app.ponte.mapping.MappingValidator;
import app.ponte.server.connector.ConnectorService;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The automation templates: every {@code *.json} under {@code automation-templates/} on the class
 * path, read once at start-up. Adding a template is adding a file. A template whose trigger or
 * action does not exist, or whose mapping does not validate against their catalogs, stops the
 * start-up with a message naming the file: a broken template must never reach a tenant.
 */
@Startup
@ApplicationScoped
public class TemplateCatalog {

    static final String DIRECTORY = "automation-templates";

    private final List<AutomationTemplate> templates;

    TemplateCatalog(ConnectorService connectors, ObjectMapper json) {
        List<AutomationTemplate> loaded = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Map.Entry<String, byte[]> file : files().entrySet()) {
            AutomationTemplate template;
            try {
                template = json.readValue(file.getValue(), AutomationTemplate.class);
            } catch (IOException e) {
                throw new IllegalStateException("template " + file.getKey() + " is not valid JSON: " + e.getMessage(), e);
            }
            if (!keys.add(template.key())) {
                throw new IllegalStateException("template " + file.getKey() + " repeats the key " + template.key());
            }
            check(file.getKey(), template, connectors);
            loaded.add(template);
        }
        loaded.sort(Comparator.comparingInt(AutomationTemplate::order).thenComparing(AutomationTemplate::key));
        this.templates = List.copyOf(loaded);
    }

    public List<AutomationTemplate> all() {
        return templates;
    }

    public Optional<AutomationTemplate> find(String key) {
        return templates.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    private static void check(String file, AutomationTemplate template, ConnectorService connectors) {
        TriggerDefinition trigger = connectors.descriptor(template.trigger().connector())
                .flatMap(c -> c.trigger(template.trigger().key()))
                .orElseThrow(() -> new IllegalStateException("template " + file + " names an unknown trigger " + template.trigger()));
        ActionDefinition action = connectors.descriptor(template.action().connector())
                .flatMap((ConnectorDescriptor c) -> c.action(template.action().key()))
                .orElseThrow(() -> new IllegalStateException("template " + file + " names an unknown action " + template.action()));
        List<MappingProblem> problems = MappingValidator.validate(Mapping.of(template.mapping()), action, trigger);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("template " + file + " has an invalid mapping: " + problems);
        }
    }

    /** File name → content of every JSON file in the templates directory, from a directory or a jar. */
    private static Map<String, byte[]> files() {
        URL url = Thread.currentThread().getContextClassLoader().getResource(DIRECTORY);
        if (url == null) {
            return Map.of();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return read(jar.getPath(DIRECTORY));
                }
            }
            return read(Path.of(uri));
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read " + DIRECTORY + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, byte[]> read(Path directory) throws IOException {
        Map<String, byte[]> files = new java.util.TreeMap<>();
        try (Stream<Path> list = Files.list(directory)) {
            for (Path file : list.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    files.put(file.getFileName().toString(), in.readAllBytes());
                }
            }
        }
        return files;
    }
}
