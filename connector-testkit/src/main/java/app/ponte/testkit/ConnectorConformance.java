package app.ponte.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import app.ponte.api.Connector;
import app.ponte.api.ConnectorCatalog;
import app.ponte.api.ConnectorDescriptor;
import app.ponte.api.catalog.CatalogView;
import app.ponte.api.context.Credentials;
import app.ponte.api.field.Field;
import app.ponte.api.field.Value;
import app.ponte.api.trigger.SampleEvent;
import app.ponte.api.trigger.TriggerDefinition;
import app.ponte.api.trigger.TriggerEvent;
import app.ponte.api.webhook.WebhookOutcome;
import app.ponte.api.webhook.WebhookRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance test every connector runs: extend it in the connector's tests and name the
 * connector and the credentials its samples were recorded with.
 *
 * <ul>
 *   <li>the connector is discovered through {@link java.util.ServiceLoader};</li>
 *   <li>keys are stable snake_case and unique, labels exist in pt-BR and English, descriptions are present;</li>
 *   <li>every sample event of every trigger is received as at least one event of that trigger, and
 *       each value it carries is of its field's declared type, with no undeclared keys;</li>
 *   <li>fields that look like secrets are flagged as secrets;</li>
 *   <li>the catalog equals the committed snapshot {@code src/test/resources/catalog/<id>.json}; a
 *       removed or retyped field, a removed trigger or action, or a newly required input is a
 *       breaking change for saved automations and always fails. Run with
 *       {@code -Dponte.catalog.update=true} to write the snapshot after a non-breaking change.</li>
 * </ul>
 */
public abstract class ConnectorConformance {

    private static final Pattern SECRET_NAME = Pattern.compile("(^|[._])(token|secret|password|hottok|api_key)($|[._])");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The connector under test. */
    protected abstract Connector connector();

    /** The credentials the samples were recorded with (e.g. the hottok in their headers). */
    protected abstract Credentials sampleCredentials();

    protected Path snapshotFile() {
        return Path.of("src/test/resources/catalog", connector().descriptor().id() + ".json");
    }

    @TestFactory
    Stream<DynamicTest> conformance() {
        ConnectorDescriptor descriptor = connector().descriptor();
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(dynamicTest("is discovered through the ServiceLoader", () -> assertTrue(
                ConnectorCatalog.discover(getClass().getClassLoader()).find(descriptor.id()).isPresent(),
                "add " + connector().getClass().getName() + " to META-INF/services/app.ponte.api.Connector")));
        tests.add(dynamicTest("flags every secret-looking field as secret", () -> secretsAreFlagged(descriptor)));
        for (TriggerDefinition trigger : descriptor.triggers()) {
            tests.add(dynamicTest(trigger.key() + " ships at least one sample", () -> assertFalse(trigger.samples().isEmpty())));
            for (SampleEvent sample : trigger.samples()) {
                tests.add(dynamicTest(trigger.key() + " parses sample " + sample.name(), () -> sampleParses(descriptor, trigger, sample)));
            }
        }
        tests.add(dynamicTest("matches the committed catalog snapshot", () -> matchesSnapshot(descriptor)));
        return tests.stream();
    }

    private void sampleParses(ConnectorDescriptor descriptor, TriggerDefinition trigger, SampleEvent sample) {
        WebhookOutcome outcome = descriptor.webhooks().orElseThrow()
                .receive(WebhookRequest.post(sample.headers(), sample.body()), sampleCredentials());
        WebhookOutcome.Events events = assertInstanceOf(WebhookOutcome.Events.class, outcome, "sample " + sample.name());
        List<TriggerEvent> own = events.events().stream().filter(e -> e.triggerKey().equals(trigger.key())).toList();
        assertFalse(own.isEmpty(), "sample " + sample.name() + " yields no " + trigger.key() + " event");
        for (TriggerEvent event : own) {
            for (Map.Entry<String, Value> entry : event.values().asMap().entrySet()) {
                Field field = trigger.output(entry.getKey()).orElseThrow(
                        () -> new AssertionError(trigger.key() + " emits undeclared field " + entry.getKey()));
                assertTrue(field.type().accepts(entry.getValue()),
                        field.key() + " is " + field.type() + " but the sample yields " + entry.getValue().kind());
            }
        }
    }

    private static void secretsAreFlagged(ConnectorDescriptor descriptor) {
        Stream<Field> all = Stream.concat(
                descriptor.triggers().stream().flatMap(t -> Stream.concat(t.settings().stream(), t.outputs().stream())),
                descriptor.actions().stream().flatMap(a -> Stream.concat(a.inputs().stream(), a.outputs().stream())));
        all.filter(f -> SECRET_NAME.matcher(f.key()).find())
                .forEach(f -> assertTrue(f.secret(), f.key() + " looks like a secret: declare it asSecret()"));
    }

    private void matchesSnapshot(ConnectorDescriptor descriptor) throws IOException {
        String current = JSON.writeValueAsString(CatalogView.of(descriptor)) + "\n";
        Path file = snapshotFile();
        boolean update = Boolean.getBoolean("ponte.catalog.update");
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, current);
            fail("no catalog snapshot yet: wrote " + file + "; review it and commit it");
        }
        CatalogView committed = JSON.readValue(Files.readString(file), CatalogView.class);
        List<String> breaking = CatalogCompatibility.breakingChanges(committed, CatalogView.of(descriptor));
        assertTrue(breaking.isEmpty(), "breaking catalog changes (saved automations would fail): " + breaking);
        if (!current.equals(Files.readString(file))) {
            if (update) {
                Files.writeString(file, current);
            } else {
                fail("the catalog changed without breaking anything: run the tests with -Dponte.catalog.update=true "
                        + "to write " + file + ", then review and commit it");
            }
        }
        assertEquals(current, Files.readString(file));
    }
}
