package app.ponte.kommo;

import app.ponte.api.ConnectorException;
import app.ponte.api.action.Failure;
import app.ponte.api.field.FieldValues;
import app.ponte.api.field.Value;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The custom-field input convention of "Criar ou atualizar lead": an input key
 * {@code lead_custom_fields.field_<id>} (or {@code contact_custom_fields.field_<id>}) carries the value
 * of the account's custom field {@code <id>}. Values are written by the field's Kommo type: select,
 * radio and multiselect by the option's text (case-insensitive), date fields from a timestamp or
 * {@code dd/MM/yyyy} / {@code yyyy-MM-dd} text, checkbox from a boolean or "true"/"false", others as text.
 */
final class CustomFieldValues {

    private static final DateTimeFormatter BR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private CustomFieldValues() {
    }

    /** The mapped values for {@code prefix}, by field id, in input order; empty values skipped. */
    static Map<Long, Value> mapped(FieldValues inputs, String prefix) {
        Map<Long, Value> out = new LinkedHashMap<>();
        String start = prefix + ".field_";
        inputs.asMap().forEach((key, value) -> {
            if (key.startsWith(start) && key.substring(start.length()).matches("\\d{1,18}") && !value.isEmpty()) {
                out.put(Long.parseLong(key.substring(start.length())), value);
            }
        });
        return out;
    }

    /** Kommo's {@code custom_fields_values} for the mapped values; reads the field definitions once. */
    static ArrayNode write(KommoClient kommo, String entity, Map<Long, Value> mapped) throws ConnectorException {
        ArrayNode out = KommoClient.JSON.createArrayNode();
        if (mapped.isEmpty()) {
            return out;
        }
        Map<Long, JsonNode> definitions = new HashMap<>();
        for (JsonNode field : kommo.get("/api/v4/" + entity + "/custom_fields", Map.of("limit", 250))
                .path("_embedded").path("custom_fields")) {
            definitions.put(field.path("id").asLong(), field);
        }
        for (Map.Entry<Long, Value> entry : mapped.entrySet()) {
            JsonNode field = definitions.get(entry.getKey());
            if (field == null) {
                throw new ConnectorException(Failure.permanent("O campo personalizado " + entry.getKey()
                        + " não existe mais na conta Kommo (" + entity + ")."));
            }
            ObjectNode item = out.addObject().put("field_id", entry.getKey());
            item.putArray("values").add(value(field, entry.getValue()));
        }
        return out;
    }

    private static ObjectNode value(JsonNode field, Value value) throws ConnectorException {
        String type = field.path("type").asText("text");
        ObjectNode out = KommoClient.JSON.createObjectNode();
        switch (type) {
            case "select", "radiobutton", "multiselect" -> {
                for (JsonNode option : field.path("enums")) {
                    if (option.path("value").asText().trim().equalsIgnoreCase(value.text().trim())) {
                        return out.put("enum_id", option.path("id").asLong());
                    }
                }
                throw new ConnectorException(Failure.permanent("O valor mapeado não é uma opção do campo \""
                        + field.path("name").asText() + "\" da Kommo."));
            }
            case "date", "date_time", "birthday" -> {
                return out.put("value", epochSeconds(field, value));
            }
            case "checkbox" -> {
                return out.put("value", value instanceof Value.Bool b ? b.value() : Boolean.parseBoolean(value.text().trim()));
            }
            case "numeric" -> {
                return out.put("value", value.text());
            }
            default -> {
                return out.put("value", value.text());
            }
        }
    }

    private static long epochSeconds(JsonNode field, Value value) throws ConnectorException {
        if (value instanceof Value.Timestamp t) {
            return t.instant().getEpochSecond();
        }
        String text = value.text().trim();
        try {
            LocalDate date = text.contains("/") ? LocalDate.parse(text, BR_DATE) : LocalDate.parse(text.substring(0, Math.min(10, text.length())));
            return date.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        } catch (DateTimeParseException e) {
            throw new ConnectorException(Failure.permanent("O campo \"" + field.path("name").asText()
                    + "\" da Kommo espera uma data (dd/MM/aaaa)."));
        }
    }
}
