package app.ponte.kommo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code PATCH /api/v4/contacts|companies} and {@code PATCH …/{id}} (contract §5.5, §5.6, §4). */
class PartyPatchTest {
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

    @Test
    void patchingContactsInBulkAnswersIdsUpdatedAtAndRequestIdsAndStoresTheChange() {
        long ana = c.create("contacts", "{\"first_name\":\"Ana\",\"last_name\":\"Souza\"}");
        long bia = c.create("contacts", "{\"name\":\"Bia\"}");
        c.control("POST", "/clock", "{\"advance_seconds\":500}");
        long now = sim.now();
        var r = c.api("PATCH", "/contacts", "[{\"id\":" + ana + ",\"last_name\":\"Lima\",\"request_id\":\"a\"},"
                + "{\"id\":" + bia + ",\"responsible_user_id\":1002}]");
        assertEquals(200, r.status(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/hal+json"));
        JsonNode items = r.json().path("_embedded").path("contacts");
        assertEquals(2, items.size());
        assertEquals(ana, items.get(0).path("id").asLong());
        assertEquals("a", items.get(0).path("request_id").asText());
        assertEquals("1", items.get(1).path("request_id").asText(), "request_id defaults to the array index");
        assertTrue(Math.abs(items.get(0).path("updated_at").asLong() - now) <= 1);
        assertEquals(sim.baseUrl() + "/api/v4/contacts/" + ana, items.get(0).path("_links").path("self").path("href").asText());

        JsonNode anaNow = c.api("GET", "/contacts/" + ana, null).json();
        assertEquals("Ana Lima", anaNow.path("name").asText(), "name follows first + last");
        assertEquals("Ana", anaNow.path("first_name").asText());
        assertEquals("Lima", anaNow.path("last_name").asText());
        assertEquals(items.get(0).path("updated_at").asLong(), anaNow.path("updated_at").asLong());
        assertEquals(1001, anaNow.path("updated_by").asLong(), "updated_by is the token's user");
        assertEquals(1002, c.api("GET", "/contacts/" + bia, null).json().path("responsible_user_id").asLong());
    }

    @Test
    void patchingOneCompanyTakesAnObjectAndAnswersIdUpdatedAtAndLinks() {
        long acme = c.create("companies", "{\"name\":\"Acme\",\"_embedded\":{\"tags\":[{\"name\":\"old\"}]}}");
        var r = c.api("PATCH", "/companies/" + acme, "{\"name\":\"Acme Ltda\",\"_embedded\":{\"tags\":[{\"name\":\"vip\"}]}}");
        assertEquals(200, r.status(), r.body());
        JsonNode body = r.json();
        assertEquals(acme, body.path("id").asLong());
        assertTrue(body.has("updated_at"));
        assertEquals(sim.baseUrl() + "/api/v4/companies/" + acme, body.path("_links").path("self").path("href").asText());
        JsonNode got = c.api("GET", "/companies/" + acme, null).json();
        assertEquals("Acme Ltda", got.path("name").asText());
        JsonNode tags = got.path("_embedded").path("tags");
        assertEquals(1, tags.size(), "the tag set is replaced");
        assertEquals("vip", tags.get(0).path("name").asText());
    }

    @Test
    void patchingOnlyTheNameOfAContactKeepsItsFirstAndLastNameUntouchedWhenNotGiven() {
        long id = c.create("contacts", "{\"name\":\"Zé\",\"first_name\":\"José\",\"last_name\":\"Pereira\"}");
        assertEquals(200, c.api("PATCH", "/contacts/" + id, "{\"name\":\"Zé P.\",\"first_name\":\"Zeca\"}").status());
        JsonNode got = c.api("GET", "/contacts/" + id, null).json();
        assertEquals("Zé P.", got.path("name").asText());
        assertEquals("Zeca", got.path("first_name").asText());
        assertEquals("Pereira", got.path("last_name").asText(), "an unlisted last_name is kept");
    }

    @Test
    void patchingAContactOrCompanyEmitsUpdateWebhooks() {
        try (HookReceiver hook = new HookReceiver()) {
            long ana = c.create("contacts", "{\"name\":\"Ana\"}");
            long acme = c.create("companies", "{\"name\":\"Acme\"}");
            c.subscribe(hook.url("/h"), "update_contact", "update_company");
            c.api("PATCH", "/contacts/" + ana, "{\"name\":\"Ana Maria\"}");
            c.api("PATCH", "/companies", "[{\"id\":" + acme + ",\"name\":\"Acme SA\"}]");
            c.flush();
            assertEquals(2, hook.hits.size());
            Map<String, String> contact = hook.hits.get(0).form();
            assertEquals(String.valueOf(ana), contact.get("contacts[update][0][id]"));
            assertEquals("Ana Maria", contact.get("contacts[update][0][name]"));
            assertEquals("contact", contact.get("contacts[update][0][type]"));
            Map<String, String> company = hook.hits.get(1).form();
            assertEquals(String.valueOf(acme), company.get("contacts[update][0][id]"));
            assertEquals("company", company.get("contacts[update][0][type]"));
        }
    }

    @Test
    void unknownOrMissingIdIsNotSupportedChoiceAtIdAndTheBatchAppliesNothing() {
        long ana = c.create("contacts", "{\"name\":\"Ana\"}");
        var r = c.api("PATCH", "/contacts", "[{\"id\":" + ana + ",\"name\":\"Changed\"},{\"id\":999,\"name\":\"X\",\"request_id\":\"r2\"}]");
        assertEquals(List.of("r2", "NotSupportedChoice", "id"), SimClient.onlyError(r));
        assertEquals("Ana", c.api("GET", "/contacts/" + ana, null).json().path("name").asText(), "nothing was applied");
        assertEquals(List.of("0", "NotSupportedChoice", "id"),
                SimClient.onlyError(c.api("PATCH", "/companies", "[{\"name\":\"no id\"}]")));
        assertEquals(List.of("0", "NotSupportedChoice", "id"),
                SimClient.onlyError(c.api("PATCH", "/companies/999", "{\"name\":\"X\"}")));
    }

    @Test
    void invalidFieldsAreReportedWithTheirCodes() {
        long acme = c.create("companies", "{\"name\":\"Acme\"}");
        long ana = c.create("contacts", "{\"name\":\"Ana\"}");
        assertEquals(List.of("0", "NotBlank", "name"),
                SimClient.onlyError(c.api("PATCH", "/companies/" + acme, "{\"name\":\"  \"}")));
        assertEquals(List.of("0", "TooLong", "name"),
                SimClient.onlyError(c.api("PATCH", "/companies/" + acme, "{\"name\":\"" + "x".repeat(256) + "\"}")));
        assertEquals(List.of("0", "InvalidType", "first_name"),
                SimClient.onlyError(c.api("PATCH", "/contacts/" + ana, "{\"first_name\":42}")));
        assertEquals(List.of("0", "NotSupportedChoice", "responsible_user_id"),
                SimClient.onlyError(c.api("PATCH", "/contacts/" + ana, "{\"responsible_user_id\":777}")));
        assertEquals("Acme", c.api("GET", "/companies/" + acme, null).json().path("name").asText());
        JsonNode bad = c.api("PATCH", "/companies/" + acme, "{\"name\":\"" + "x".repeat(256) + "\"}").json();
        assertEquals("Request validation failed", bad.path("detail").asText());
        assertEquals("https://httpstatus.es/400", bad.path("type").asText());
    }

    @Test
    void collectionPatchNeedsANonEmptyArrayAndSinglePatchNeedsAnObject() {
        long ana = c.create("contacts", "{\"name\":\"Ana\"}");
        assertEquals(400, c.api("PATCH", "/contacts", "{\"id\":" + ana + ",\"name\":\"X\"}").status());
        assertEquals("Request data can not be empty", c.api("PATCH", "/companies", "[]").json().path("detail").asText());
        assertEquals(400, c.api("PATCH", "/contacts/" + ana, "[{\"name\":\"X\"}]").status());
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 251; i++) {
            many.append(i == 0 ? "" : ",").append("{\"id\":").append(ana).append('}');
        }
        var tooMany = c.api("PATCH", "/contacts", many + "]");
        assertEquals(422, tooMany.status());
        assertEquals("Limit 250 per page", tooMany.json().path("detail").asText());
        assertFalse(c.api("GET", "/contacts/" + ana, null).json().path("name").asText().equals("X"));
    }
}
