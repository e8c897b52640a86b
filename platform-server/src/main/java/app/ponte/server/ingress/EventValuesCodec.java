package app.ponte.server.ingress;

import app.ponte.api.field.FieldValues;
import app.ponte.api.field.Value;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes an event's typed values as JSON and reads them back unchanged: money and numbers as
 * exact decimal strings, instants as ISO-8601, each value tagged with its kind.
 * {@code {"buyer.name":{"t":"text","v":"Ana"},"purchase.price.value":{"t":"money","v":"497.00","c":"BRL"}}}
 */
public final class EventValuesCodec {

    private final ObjectMapper json;

    public EventValuesCodec(ObjectMapper json) {
        this.json = json;
    }

    public String write(FieldValues values) {
        ObjectNode root = json.createObjectNode();
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

    public FieldValues read(String text) {
        try {
            FieldValues.Builder values = FieldValues.builder();
            for (Iterator<Map.Entry<String, JsonNode>> fields = json.readTree(text).fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode node = field.getValue();
                values.put(field.getKey(), switch (node.path("t").asText()) {
                    case "text" -> new Value.Text(node.path("v").asText());
                    case "decimal" -> new Value.Decimal(new BigDecimal(node.path("v").asText()));
                    case "money" -> new Value.Money(new BigDecimal(node.path("v").asText()), node.hasNonNull("c") ? node.get("c").asText() : null);
                    case "timestamp" -> new Value.Timestamp(Instant.parse(node.path("v").asText()));
                    case "bool" -> new Value.Bool(node.path("v").asBoolean());
                    default -> Value.empty();
                });
            }
            return values.build();
        } catch (IOException e) {
            throw new IllegalStateException("stored event values are not JSON", e);
        }
    }
}
