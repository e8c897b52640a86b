package app.ponte.kommo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code duplicate_control} config key and its emulation in {@code POST /leads/complex} (contract §2, §5.4). */
class DuplicateControlTest {
    static KommoSimulator sim;
    static SimClient c;

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
    }

    private static String complex(String leadName, int price, String contactFields) {
        return "[{\"name\":\"" + leadName + "\",\"price\":" + price + ",\"_embedded\":{\"contacts\":[{\"first_name\":\"Ana\","
                + "\"custom_fields_values\":[" + contactFields + "]}]}}]";
    }

    private static String email(String value) {
        return "{\"field_code\":\"EMAIL\",\"values\":[{\"value\":\"" + value + "\"}]}";
    }

    private static String phone(String value) {
        return "{\"field_code\":\"PHONE\",\"values\":[{\"value\":\"" + value + "\",\"enum_code\":\"MOB\"}]}";
    }

    private static JsonNode post(String body) {
        var r = c.api("POST", "/leads/complex", body);
        assertEquals(200, r.status(), r.body());
        return r.json().get(0);
    }

    @Test
    void duplicateControlIsOffByDefaultSoTheSameEmailCreatesANewContactAndLead() {
        assertFalse(c.control("GET", "/config", null).path("duplicate_control").asBoolean());
        JsonNode first = post(complex("Primeira", 100, email("ana@x.com")));
        JsonNode second = post(complex("Segunda", 200, email("ana@x.com")));
        assertNotEquals(first.path("contact_id").asLong(), second.path("contact_id").asLong());
        assertNotEquals(first.path("id").asLong(), second.path("id").asLong());
        assertFalse(second.path("merged").asBoolean());
    }

    @Test
    void sameEmailReusesTheContactAndMergesIntoItsOpenLead() {
        c.control("PUT", "/config", "{\"duplicate_control\":true}");
        JsonNode first = post(complex("Primeira", 100, email("ana@x.com")));
        JsonNode second = post(complex("Segunda", 250, email("  ANA@X.com ")));
        assertTrue(second.path("merged").asBoolean());
        assertEquals(first.path("id").asLong(), second.path("id").asLong(), "answers the open lead's id");
        assertEquals(first.path("contact_id").asLong(), second.path("contact_id").asLong());
        JsonNode lead = c.api("GET", "/leads/" + first.path("id").asLong(), null).json();
        assertEquals("Segunda", lead.path("name").asText(), "the open lead gets the new name");
        assertEquals(250, lead.path("price").asLong(), "and the new price");
        assertEquals(1, c.api("GET", "/leads", null).json().path("_embedded").path("leads").size());
        assertEquals(1, c.api("GET", "/contacts", null).json().path("_embedded").path("contacts").size());
    }

    @Test
    void samePhoneInAnotherFormatIsADuplicate() {
        c.control("PUT", "/config", "{\"duplicate_control\":true}");
        JsonNode first = post(complex("Primeira", 100, phone("+55 (11) 98765-4321")));
        JsonNode second = post(complex("Segunda", 100, phone("5511987654321")));
        assertTrue(second.path("merged").asBoolean());
        assertEquals(first.path("contact_id").asLong(), second.path("contact_id").asLong());
    }

    @Test
    void theEmailFieldMayBeNamedByFieldIdToo() {
        c.control("PUT", "/config", "{\"duplicate_control\":true}");
        long emailField = 0;
        for (JsonNode f : c.api("GET", "/contacts/custom_fields", null).json().path("_embedded").path("custom_fields")) {
            if ("EMAIL".equals(f.path("code").asText())) {
                emailField = f.path("id").asLong();
            }
        }
        JsonNode first = post(complex("Primeira", 100, email("ana@x.com")));
        JsonNode second = post(complex("Segunda", 100, "{\"field_id\":" + emailField + ",\"values\":[{\"value\":\"ana@x.com\"}]}"));
        assertEquals(first.path("contact_id").asLong(), second.path("contact_id").asLong());
        assertTrue(second.path("merged").asBoolean());
    }

    @Test
    void aDuplicateContactWhoseLeadIsClosedGetsANewLeadThatIsNotMerged() {
        c.control("PUT", "/config", "{\"duplicate_control\":true}");
        JsonNode first = post(complex("Primeira", 100, email("ana@x.com")));
        assertEquals(200, c.api("PATCH", "/leads/" + first.path("id").asLong(), "{\"status_id\":142}").status());
        JsonNode second = post(complex("Segunda", 100, email("ana@x.com")));
        assertFalse(second.path("merged").asBoolean());
        assertNotEquals(first.path("id").asLong(), second.path("id").asLong());
        assertEquals(first.path("contact_id").asLong(), second.path("contact_id").asLong(), "the contact is still reused");
        JsonNode contacts = c.api("GET", "/leads/" + second.path("id").asLong() + "?with=contacts", null).json()
                .path("_embedded").path("contacts");
        assertEquals(first.path("contact_id").asLong(), contacts.get(0).path("id").asLong());
    }

    @Test
    void aDuplicateContactWhoseLeadIsDeletedGetsANewLead() {
        c.control("PUT", "/config", "{\"duplicate_control\":true}");
        JsonNode first = post(complex("Primeira", 100, email("ana@x.com")));
        c.control("POST", "/accounts/acme/leads/" + first.path("id").asLong() + "/delete", null);
        JsonNode second = post(complex("Segunda", 100, email("ana@x.com")));
        assertFalse(second.path("merged").asBoolean());
        assertNotEquals(first.path("id").asLong(), second.path("id").asLong());
    }

    @Test
    void aMergedItemEmitsUpdateLeadAndACreatedOneAddLead() {
        c.control("PUT", "/config", "{\"duplicate_control\":true}");
        try (HookReceiver hook = new HookReceiver()) {
            c.subscribe(hook.url("/h"), "add_lead", "update_lead");
            JsonNode first = post(complex("Primeira", 100, email("ana@x.com")));
            post(complex("Segunda", 100, email("ana@x.com")));
            c.flush();
            assertEquals(2, hook.hits.size());
            Map<String, String> created = hook.hits.get(0).form();
            assertEquals(first.path("id").asText(), created.get("leads[add][0][id]"));
            assertFalse(created.containsKey("leads[update][0][id]"));
            Map<String, String> merged = hook.hits.get(1).form();
            assertEquals(first.path("id").asText(), merged.get("leads[update][0][id]"));
            assertEquals("Segunda", merged.get("leads[update][0][name]"));
            assertFalse(merged.containsKey("leads[add][0][id]"), "a merge creates no lead");
        }
    }
}
