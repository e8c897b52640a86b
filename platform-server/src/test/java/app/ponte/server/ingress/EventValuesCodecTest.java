package app.ponte.server.ingress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.ponte.api.context.Credentials;
import app.ponte.api.field.FieldValues;
import app.ponte.api.field.Value;
import app.ponte.api.trigger.TriggerEvent;
import app.ponte.api.webhook.WebhookOutcome;
import app.ponte.api.webhook.WebhookRequest;
import app.ponte.hotmart.HotmartConnector;
import app.ponte.hotmart.triggers.Samples;
import app.ponte.testkit.InMemoryCredentials;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stored event values: written as the JSON tree used to write them, byte for byte, and read back unchanged. */
class EventValuesCodecTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final EventValuesCodec codec = new EventValuesCodec(JSON);

    @ParameterizedTest
    @ValueSource(strings = {"PURCHASE_APPROVED.json", "PURCHASE_APPROVED.subscription-created.json", "PURCHASE_BILLET_PRINTED.json",
            "PURCHASE_REFUNDED.json", "PURCHASE_CANCELED.json", "SUBSCRIPTION_CANCELLATION.json"})
    void writesAHotmartDeliveryAsTheJsonTreeDid(String fixture) {
        List<TriggerEvent> events = events(fixture);
        assertFalse(events.isEmpty(), fixture);
        for (TriggerEvent event : events) {
            String written = codec.write(event.values());
            assertEquals(asTree(event.values()), written, event.triggerKey());
            assertEquals(event.values(), codec.read(written), event.triggerKey());
        }
    }

    @Test
    void writesEveryKindAndAwkwardTextAsTheJsonTreeDid() {
        FieldValues values = FieldValues.builder()
                .put("text", new Value.Text("Ana \"Zé\" \\ / </script> \u00e7\u00e3o \ud83d\ude00 \t\n\r\u0001\u001f\u007f\u2028"))
                .put("decimal", new Value.Decimal(new BigDecimal("-1234.500")))
                .put("money", new Value.Money(new BigDecimal("497.00"), "BRL"))
                .put("money.no_currency", new Value.Money(new BigDecimal("-0.10"), null))
                .put("when", new Value.Timestamp(Instant.parse("2024-03-01T12:34:56.789Z")))
                .put("yes", new Value.Bool(true))
                .put("no", new Value.Bool(false))
                .put("nothing", Value.empty())
                .put("chave com \"aspas\"", new Value.Text("x"))
                .build();

        String written = codec.write(values);

        assertEquals(asTree(values), written);
        assertEquals(values, codec.read(written));
        assertEquals("{}", codec.write(FieldValues.builder().build()));
    }

    /** How the codec wrote values before it streamed them: an ObjectNode, printed. */
    private static String asTree(FieldValues values) {
        ObjectNode root = JSON.createObjectNode();
        values.asMap().forEach((key, value) -> {
            ObjectNode node = root.putObject(key);
            if (value instanceof Value.Text text) {
                node.put("t", "text").put("v", text.value());
            } else if (value instanceof Value.Decimal decimal) {
                node.put("t", "decimal").put("v", decimal.value().toPlainString());
            } else if (value instanceof Value.Money money) {
                node.put("t", "money").put("v", money.amount().toPlainString());
                if (money.currency() != null) {
                    node.put("c", money.currency());
                }
            } else if (value instanceof Value.Timestamp timestamp) {
                node.put("t", "timestamp").put("v", timestamp.instant().toString());
            } else if (value instanceof Value.Bool bool) {
                node.put("t", "bool").put("v", bool.value());
            } else {
                node.put("t", "empty");
            }
        });
        return root.toString();
    }

    private static List<TriggerEvent> events(String fixture) {
        Credentials credentials = InMemoryCredentials.secrets(Map.of("hottok", Samples.SAMPLE_HOTTOK));
        WebhookOutcome outcome = new HotmartConnector().descriptor().webhooks().orElseThrow()
                .receive(WebhookRequest.post(Samples.headers(), Samples.read(fixture)), credentials);
        return ((WebhookOutcome.Events) outcome).events();
    }
}
