package app.ponte.kommo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Writing and reading {@code custom_fields_values} (contract §5.3, validation codes of §4). */
class CustomFieldValidationTest {
    static KommoSimulator sim;
    static SimClient c;
    long canal;
    long instagram;
    long site;
    long visita;
    long valor;
    long cpf;

    @BeforeAll
    static void start() {
        sim = KommoSimulator.start(KommoSimulator.Options.defaults());
        c = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        c.setUp();
        JsonNode fields = c.control("POST", "/accounts/acme/seed", "{\"custom_fields\":{\"leads\":["
                + "{\"name\":\"Canal\",\"type\":\"select\",\"enums\":[\"Instagram\",\"Site\"]},"
                + "{\"name\":\"Visita técnica\",\"type\":\"date\"},{\"name\":\"Valor\",\"type\":\"numeric\"}],"
                + "\"contacts\":[{\"name\":\"CPF\",\"type\":\"text\"}]}}").path("custom_fields");
        canal = fields.path("leads").get(0).path("id").asLong();
        instagram = fields.path("leads").get(0).path("enums").get(0).path("id").asLong();
        site = fields.path("leads").get(0).path("enums").get(1).path("id").asLong();
        visita = fields.path("leads").get(1).path("id").asLong();
        valor = fields.path("leads").get(2).path("id").asLong();
        cpf = fields.path("contacts").get(0).path("id").asLong();
    }

    private static SimClient.Res lead(String cfv) {
        return c.api("POST", "/leads", "[{\"name\":\"L\",\"custom_fields_values\":" + cfv + "}]");
    }

    private static SimClient.Res contact(String cfv) {
        return c.api("POST", "/contacts", "[{\"name\":\"C\",\"custom_fields_values\":" + cfv + "}]");
    }

    private static JsonNode field(JsonNode entity, String code) {
        for (JsonNode f : entity.path("custom_fields_values")) {
            if (code.equals(f.path("field_code").asText(null)) || code.equals(f.path("field_name").asText())) {
                return f;
            }
        }
        return null;
    }

    @Test
    void phoneAndEmailDefaultToWorkAndAreReadBackInTheReadShape() {
        long id = c.create("contacts", "{\"name\":\"Ana\",\"custom_fields_values\":["
                + "{\"field_code\":\"PHONE\",\"values\":[{\"value\":\"+55 11 1111-2222\"},{\"value\":\"11 93333-4444\",\"enum_code\":\"MOB\"}]},"
                + "{\"field_code\":\"EMAIL\",\"values\":[{\"value\":\"ana@x.com\",\"enum_code\":\"PRIV\"}]}]}");
        JsonNode got = c.api("GET", "/contacts/" + id, null).json();
        JsonNode phone = field(got, "PHONE");
        assertEquals("multitext", phone.path("field_type").asText());
        assertTrue(phone.path("field_id").asLong() > 0);
        assertTrue(phone.hasNonNull("field_name"));
        assertEquals("WORK", phone.path("values").get(0).path("enum_code").asText());
        assertEquals("+55 11 1111-2222", phone.path("values").get(0).path("value").asText());
        assertEquals("MOB", phone.path("values").get(1).path("enum_code").asText());
        assertTrue(phone.path("values").get(1).path("enum_id").asLong() > 0);
        assertEquals("PRIV", field(got, "EMAIL").path("values").get(0).path("enum_code").asText());
    }

    @Test
    void anEntityWithoutValuesReadsNull() {
        long id = c.create("contacts", "{\"name\":\"Sem campos\"}");
        assertTrue(c.api("GET", "/contacts/" + id, null).json().path("custom_fields_values").isNull());
    }

    @Test
    void selectTakesAnEnumIdOrItsValueAndStoresTheChoice() {
        long id = c.create("leads", "{\"custom_fields_values\":[{\"field_id\":" + canal + ",\"values\":[{\"enum_id\":" + site + "}]}]}");
        JsonNode value = field(c.api("GET", "/leads/" + id, null).json(), "Canal").path("values").get(0);
        assertEquals("Site", value.path("value").asText());
        assertEquals(site, value.path("enum_id").asLong());
        long byValue = c.create("leads", "{\"custom_fields_values\":[{\"field_id\":" + canal + ",\"values\":[{\"value\":\"Instagram\"}]}]}");
        assertEquals(instagram, field(c.api("GET", "/leads/" + byValue, null).json(), "Canal").path("values").get(0).path("enum_id").asLong());
    }

    @Test
    void unknownFieldIdOrCodeIsNotSupportedChoiceAndNothingIsCreated() {
        assertEquals(List.of("0", "NotSupportedChoice", "custom_fields_values.0.field_id"),
                SimClient.onlyError(lead("[{\"field_id\":999,\"values\":[{\"value\":\"x\"}]}]")));
        assertEquals(List.of("0", "NotSupportedChoice", "custom_fields_values.0.field_code"),
                SimClient.onlyError(contact("[{\"field_code\":\"NOPE\",\"values\":[{\"value\":\"x\"}]}]")));
        assertEquals(List.of("0", "NotSupportedChoice", "custom_fields_values.0.field_id"),
                SimClient.onlyError(contact("[{\"field_id\":" + canal + ",\"values\":[{\"enum_id\":" + site + "}]}]")),
                "a lead field is unknown on a contact");
        assertEquals(204, c.api("GET", "/leads", null).status());
        assertEquals(204, c.api("GET", "/contacts", null).status());
    }

    @Test
    void aWrongEnumIsNotSupportedChoice() {
        assertEquals(List.of("0", "NotSupportedChoice", "custom_fields_values.0.values.0"),
                SimClient.onlyError(lead("[{\"field_id\":" + canal + ",\"values\":[{\"enum_id\":" + (site + 1000) + "}]}]")));
        assertEquals(List.of("0", "NotSupportedChoice", "custom_fields_values.0.values.0"),
                SimClient.onlyError(lead("[{\"field_id\":" + canal + ",\"values\":[{\"value\":\"TikTok\"}]}]")));
        assertEquals(List.of("0", "NotSupportedChoice", "custom_fields_values.0.values.1"),
                SimClient.onlyError(contact("[{\"field_code\":\"PHONE\",\"values\":[{\"value\":\"1\"},{\"value\":\"2\",\"enum_code\":\"PAGER\"}]}]")));
        assertEquals(List.of("0", "NotSupportedChoice", "custom_fields_values.0.values.0"),
                SimClient.onlyError(contact("[{\"field_code\":\"EMAIL\",\"values\":[{\"value\":\"a@b.c\",\"enum_id\":1}]}]")));
    }

    @Test
    void aValueOfTheWrongJsonTypeIsInvalidType() {
        assertEquals(List.of("0", "InvalidType", "custom_fields_values.0.values.0"),
                SimClient.onlyError(lead("[{\"field_id\":" + valor + ",\"values\":[{\"value\":\"muito\"}]}]")));
        assertEquals(List.of("0", "InvalidType", "custom_fields_values.0.values.0"),
                SimClient.onlyError(lead("[{\"field_id\":" + visita + ",\"values\":[{\"value\":\"amanhã\"}]}]")));
        assertEquals(List.of("0", "InvalidType", "custom_fields_values.0.values.0"),
                SimClient.onlyError(contact("[{\"field_id\":" + cpf + ",\"values\":[{\"value\":{\"n\":1}}]}]")));
        assertEquals(List.of("0", "InvalidType", "custom_fields_values.0.values"),
                SimClient.onlyError(contact("[{\"field_id\":" + cpf + ",\"values\":\"123\"}]")));
        assertEquals(List.of("0", "InvalidType", "custom_fields_values"), SimClient.onlyError(contact("{\"field_id\":" + cpf + "}")));
    }

    @Test
    void aMissingValueIsNotBlank() {
        assertEquals(List.of("0", "NotBlank", "custom_fields_values.0.values.0"),
                SimClient.onlyError(contact("[{\"field_id\":" + cpf + ",\"values\":[{}]}]")));
        assertEquals(List.of("0", "NotBlank", "custom_fields_values.0.values.0"),
                SimClient.onlyError(contact("[{\"field_code\":\"PHONE\",\"values\":[{\"enum_code\":\"MOB\"}]}]")));
    }

    @Test
    void numericAndDateValuesAreStored() {
        long id = c.create("leads", "{\"custom_fields_values\":[{\"field_id\":" + valor + ",\"values\":[{\"value\":12.5}]},"
                + "{\"field_id\":" + visita + ",\"values\":[{\"value\":1769040000}]}]}");
        JsonNode got = c.api("GET", "/leads/" + id, null).json();
        assertEquals("12.5", field(got, "Valor").path("values").get(0).path("value").asText());
        assertEquals(1769040000L, field(got, "Visita técnica").path("values").get(0).path("value").asLong());
    }

    @Test
    void aListedFieldReplacesItsValuesNullClearsItAndUnlistedFieldsKeepTheirs() {
        long id = c.create("contacts", "{\"name\":\"Ana\",\"custom_fields_values\":["
                + "{\"field_code\":\"PHONE\",\"values\":[{\"value\":\"111\"},{\"value\":\"222\"}]},"
                + "{\"field_id\":" + cpf + ",\"values\":[{\"value\":\"123.456.789-00\"}]}]}");
        assertEquals(200, c.api("PATCH", "/contacts/" + id, "{\"custom_fields_values\":[{\"field_code\":\"PHONE\",\"values\":[{\"value\":\"333\"}]}]}").status());
        JsonNode got = c.api("GET", "/contacts/" + id, null).json();
        JsonNode phones = field(got, "PHONE").path("values");
        assertEquals(1, phones.size(), "the listed field is replaced");
        assertEquals("333", phones.get(0).path("value").asText());
        assertEquals("123.456.789-00", field(got, "CPF").path("values").get(0).path("value").asText(), "CPF kept");
        assertEquals(200, c.api("PATCH", "/contacts/" + id, "{\"custom_fields_values\":[{\"field_code\":\"PHONE\",\"values\":null}]}").status());
        got = c.api("GET", "/contacts/" + id, null).json();
        assertEquals(null, field(got, "PHONE"), "values:null clears the field");
        assertTrue(field(got, "CPF") != null);
    }

    @Test
    void aFailedCustomFieldUpdateLeavesTheOldValues() {
        long id = c.create("contacts", "{\"name\":\"Ana\",\"custom_fields_values\":[{\"field_code\":\"PHONE\",\"values\":[{\"value\":\"111\"}]}]}");
        var r = c.api("PATCH", "/contacts", "[{\"id\":" + id + ",\"request_id\":\"p\",\"custom_fields_values\":[{\"field_code\":\"PHONE\",\"values\":[{\"value\":\"999\",\"enum_code\":\"NOPE\"}]}]}]");
        assertEquals(List.of("p", "NotSupportedChoice", "custom_fields_values.0.values.0"), SimClient.onlyError(r));
        assertEquals("111", field(c.api("GET", "/contacts/" + id, null).json(), "PHONE").path("values").get(0).path("value").asText());
    }

    @Test
    void complexLeadsRefuseMoreThan40ValuesPerEntity() {
        StringBuilder cfv = new StringBuilder("[");
        for (int i = 0; i < 41; i++) {
            cfv.append(i == 0 ? "" : ",").append("{\"field_id\":").append(valor).append(",\"values\":[{\"value\":").append(i).append("}]}");
        }
        var r = c.api("POST", "/leads/complex", "[{\"name\":\"L\",\"custom_fields_values\":" + cfv + "]}]");
        assertEquals(400, r.status(), r.body());
        assertEquals(204, c.api("GET", "/leads", null).status());
    }
}
