package app.ponte.kommo.simulator;

import app.ponte.kommo.simulator.Model.CustomField;
import app.ponte.kommo.simulator.Model.FieldEnum;
import app.ponte.kommo.simulator.Model.FieldValue;
import app.ponte.kommo.simulator.Model.FieldValues;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/** Reading and writing {@code custom_fields_values} (§5.3). */
final class CustomFieldValues {
    private CustomFieldValues() {
    }

    /**
     * Applies a write: each listed field replaces that field's values ({@code "values":null} clears it),
     * unlisted fields keep theirs. Problems go to {@code validation}.
     */
    static void apply(Account account, String entityType, Entity entity, JsonNode cfv, String rid, String prefix,
                      Validation validation) {
        if (cfv == null || cfv.isNull()) {
            return;
        }
        if (!cfv.isArray()) {
            validation.invalidType(rid, prefix);
            return;
        }
        for (int i = 0; i < cfv.size(); i++) {
            JsonNode item = cfv.get(i);
            String path = prefix + "." + i;
            CustomField def = definition(account, entityType, item);
            if (def == null) {
                validation.notSupportedChoice(rid, path + (item.has("field_code") ? ".field_code" : ".field_id"));
                continue;
            }
            JsonNode values = item.get("values");
            entity.customFields.removeIf(fv -> fv.fieldId() == def.id());
            if (values == null || values.isNull()) {
                continue;
            }
            if (!values.isArray()) {
                validation.invalidType(rid, path + ".values");
                continue;
            }
            List<FieldValue> parsed = new ArrayList<>();
            for (int m = 0; m < values.size(); m++) {
                Parsed v = value(def, values.get(m));
                if (v.value() == null) {
                    validation.add(rid, v.code(), path + ".values." + m, DETAILS.get(v.code()));
                } else {
                    parsed.add(v.value());
                }
            }
            if (!parsed.isEmpty()) {
                entity.customFields.add(new FieldValues(def.id(), parsed));
            }
        }
    }

    private static CustomField definition(Account account, String entityType, JsonNode item) {
        if (item == null || !item.isObject()) {
            return null;
        }
        Long id = Json.longOrNull(item, "field_id");
        String code = Json.text(item, "field_code");
        return account.fields(entityType).stream()
                .filter(d -> id != null ? d.id() == id : code != null && code.equalsIgnoreCase(d.code()))
                .findFirst().orElse(null);
    }

    private static final java.util.Map<String, String> DETAILS = java.util.Map.of(
            "NotSupportedChoice", "The value you selected is not a valid choice.",
            "InvalidType", "This value should be of type valid.",
            "NotBlank", "This value should not be blank.");

    /** A parsed value, or the validation code (§4) of why it is not one. */
    private record Parsed(FieldValue value, String code) {
        static Parsed ok(FieldValue value) {
            return new Parsed(value, null);
        }

        static Parsed error(String code) {
            return new Parsed(null, code);
        }
    }

    /**
     * Parses one value for a field. Unknown enum id/code → {@code NotSupportedChoice}; a required value missing →
     * {@code NotBlank}; a value of the wrong JSON type for the field → {@code InvalidType} (§4, §5.3).
     */
    private static Parsed value(CustomField def, JsonNode v) {
        if (v == null || !v.isObject()) {
            return Parsed.error("InvalidType");
        }
        JsonNode raw = v.get("value");
        if (def.hasEnums()) {
            boolean multitext = def.type().equals("multitext");
            if (multitext && raw != null && raw.isContainerNode()) {
                return Parsed.error("InvalidType");
            }
            FieldEnum choice = chooseEnum(def, v);
            if (choice == null) {
                return Parsed.error(multitext || v.has("enum_id") || v.has("enum_code") || raw != null
                        ? "NotSupportedChoice" : "NotBlank");
            }
            if (multitext && (raw == null || raw.isNull() || raw.asText().isBlank())) {
                return Parsed.error("NotBlank");
            }
            JsonNode value = multitext ? TextNode.valueOf(raw.asText()) : TextNode.valueOf(choice.value());
            return Parsed.ok(new FieldValue(value, choice.id(), multitext ? choice.value() : null));
        }
        if (raw == null || raw.isNull()) {
            return Parsed.error("NotBlank");
        }
        if (raw.isContainerNode()) {
            return Parsed.error("InvalidType");
        }
        FieldValue parsed = switch (def.type()) {
            case "numeric" -> raw.isNumber() || raw.asText().matches("-?\\d+(\\.\\d+)?")
                    ? new FieldValue(TextNode.valueOf(raw.asText()), null, null) : null;
            case "date", "date_time", "birthday" -> raw.canConvertToLong() && (raw.isNumber() || raw.asText().matches("\\d+"))
                    ? new FieldValue(LongNode.valueOf(raw.asLong()), null, null) : null;
            case "checkbox" -> raw.isBoolean() ? new FieldValue(BooleanNode.valueOf(raw.asBoolean()), null, null) : null;
            default -> new FieldValue(TextNode.valueOf(raw.asText()), null, null);
        };
        return parsed == null ? Parsed.error("InvalidType") : Parsed.ok(parsed);
    }

    private static FieldEnum chooseEnum(CustomField def, JsonNode v) {
        Long enumId = Json.longOrNull(v, "enum_id");
        String enumCode = Json.text(v, "enum_code");
        if (enumId != null) {
            return def.enums().stream().filter(e -> e.id() == enumId).findFirst().orElse(null);
        }
        if (def.type().equals("multitext")) {
            String code = enumCode == null ? "WORK" : enumCode;
            return def.enums().stream().filter(e -> e.value().equalsIgnoreCase(code)).findFirst().orElse(null);
        }
        String wanted = enumCode != null ? enumCode : Json.text(v, "value");
        return wanted == null ? null
                : def.enums().stream().filter(e -> e.value().equalsIgnoreCase(wanted)).findFirst().orElse(null);
    }

    /** The read shape; {@code null} when the entity has no values. */
    static JsonNode render(Account account, String entityType, Entity entity) {
        if (entity.customFields.isEmpty()) {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }
        ArrayNode out = Json.array();
        for (FieldValues fv : entity.customFields) {
            CustomField def = account.fields(entityType).stream().filter(d -> d.id() == fv.fieldId()).findFirst()
                    .orElse(null);
            if (def == null) {
                continue;
            }
            var node = out.addObject().put("field_id", def.id()).put("field_name", def.name())
                    .put("field_code", def.code()).put("field_type", def.type());
            ArrayNode values = node.putArray("values");
            for (FieldValue v : fv.values()) {
                var value = values.addObject();
                value.set("value", v.value());
                if (v.enumId() != null) {
                    value.put("enum_id", v.enumId());
                    if (v.enumCode() != null) {
                        value.put("enum_code", v.enumCode());
                    }
                }
            }
        }
        return out;
    }

    /** All string values of PHONE fields (for search and duplicate control). */
    static List<String> values(Account account, String entityType, Entity entity, String code) {
        List<String> out = new ArrayList<>();
        for (FieldValues fv : entity.customFields) {
            boolean matches = account.fields(entityType).stream()
                    .anyMatch(d -> d.id() == fv.fieldId() && (code == null || code.equals(d.code())));
            if (matches) {
                fv.values().forEach(v -> out.add(v.value() == null ? "" : v.value().asText()));
            }
        }
        return out;
    }
}
