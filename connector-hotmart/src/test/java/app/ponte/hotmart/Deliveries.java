package app.ponte.hotmart;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import app.ponte.api.context.Credentials;
import app.ponte.api.trigger.TriggerEvent;
import app.ponte.api.webhook.WebhookOutcome;
import app.ponte.api.webhook.WebhookRequest;
import app.ponte.hotmart.triggers.Samples;
import app.ponte.testkit.InMemoryCredentials;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Sends fixtures (as they are, or edited) to the connector's receiver, as Hotmart would. */
final class Deliveries {

    static final Credentials CREDENTIALS = InMemoryCredentials.secrets(Map.of("hottok", Samples.SAMPLE_HOTTOK));
    private static final ObjectMapper JSON = new ObjectMapper();

    private Deliveries() {
    }

    static WebhookOutcome receive(Map<String, String> headers, String body) {
        return new HotmartConnector().descriptor().webhooks().orElseThrow().receive(WebhookRequest.post(headers, body), CREDENTIALS);
    }

    static WebhookOutcome receive(String body) {
        return receive(Samples.headers(), body);
    }

    static WebhookOutcome receiveFixture(String fixture) {
        return receive(Samples.read(fixture));
    }

    static List<TriggerEvent> events(String body) {
        return assertInstanceOf(WebhookOutcome.Events.class, receive(body)).events();
    }

    static TriggerEvent event(String body, String trigger) {
        return events(body).stream().filter(e -> e.triggerKey().equals(trigger)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + trigger + " event"));
    }

    /** The fixture's body after {@code edit} (e.g. a field removed or changed). */
    static String edited(String fixture, Consumer<ObjectNode> edit) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(Samples.read(fixture));
            edit.accept(root);
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode at(ObjectNode root, String... path) {
        ObjectNode node = root;
        for (String name : path) {
            node = (ObjectNode) node.get(name);
        }
        return node;
    }

    static Map<String, String> headers(String name, String value) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        if (name != null) {
            headers.put(name, value);
        }
        return headers;
    }
}
