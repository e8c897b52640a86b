package app.ponte.server.ingress;

import app.ponte.api.field.FieldValues;
import app.ponte.api.field.Value;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
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

    /** Jackson's defaults, as a JSON tree prints itself: the stored format does not follow the application's mapper settings. */
    private static final JsonFactory STREAMING = new JsonFactory();

    private final ObjectMapper json;

    public EventValuesCodec(ObjectMapper json) {
        this.json = json;
    }

    /** Streams the JSON out (no tree in between): this runs for every event a webhook delivers. */
    public String write(FieldValues values) {
        StringWriter out = new StringWriter(64 + 64 * values.asMap().size());
        try (JsonGenerator generator = STREAMING.createGenerator(out)) {
            generator.writeStartObject();
            for (Map.Entry<String, Value> entry : values.asMap().entrySet()) {
                generator.writeObjectFieldStart(entry.getKey());
                write(generator, entry.getValue());
                generator.writeEndObject();
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write event values as JSON", e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator generator, Value value) throws IOException {
        if (value instanceof Value.Text text) {
            generator.writeStringField("t", "text");
            generator.writeStringField("v", text.value());
        } else if (value instanceof Value.Decimal decimal) {
            generator.writeStringField("t", "decimal");
            generator.writeStringField("v", decimal.value().toPlainString());
        } else if (value instanceof Value.Money money) {
            generator.writeStringField("t", "money");
            generator.writeStringField("v", money.amount().toPlainString());
            if (money.currency() != null) {
                generator.writeStringField("c", money.currency());
            }
        } else if (value instanceof Value.Timestamp timestamp) {
            generator.writeStringField("t", "timestamp");
            generator.writeStringField("v", timestamp.instant().toString());
        } else if (value instanceof Value.Bool bool) {
            generator.writeStringField("t", "bool");
            generator.writeBooleanField("v", bool.value());
        } else {
            generator.writeStringField("t", "empty");
        }
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
