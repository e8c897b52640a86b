package app.ponte.kommo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code query} rules of contract §5.7 not covered by ConformanceTest, and {@code with=} embeds (§5.4–5.6). */
class SearchAndWithTest {
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

    private static List<String> names(String type, String query) {
        var r = c.api("GET", "/" + type + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), null);
        List<String> out = new ArrayList<>();
        if (r.status() == 204) {
            return out;
        }
        r.json().path("_embedded").path(type).forEach(e -> out.add(e.path("name").asText()));
        return out;
    }

    @Test
    void theQueryIsTrimmedAndCaseInsensitive() {
        c.create("contacts", "{\"name\":\"Joana Prado\"}");
        assertEquals(List.of("Joana Prado"), names("contacts", "  jOaNa  "));
        assertEquals(List.of("Joana Prado"), names("contacts", "PRADO"));
    }

    @Test
    void contactsMatchOnFirstOrLastNameToo() {
        c.create("contacts", "{\"name\":\"Zé\",\"first_name\":\"José\",\"last_name\":\"Pereira\"}");
        assertEquals(List.of("Zé"), names("contacts", "pereira"));
        assertEquals(List.of("Zé"), names("contacts", "josé"));
    }

    @Test
    void anyCustomFieldValueMatchesOnEveryEntityType() {
        JsonNode fields = c.control("POST", "/accounts/acme/seed", "{\"custom_fields\":{\"leads\":[{\"name\":\"Produto\",\"type\":\"text\"}]}}")
                .path("custom_fields");
        long produto = fields.path("leads").get(0).path("id").asLong();
        c.create("leads", "{\"name\":\"Venda\",\"custom_fields_values\":[{\"field_id\":" + produto + ",\"values\":[{\"value\":\"Janela Basculante\"}]}]}");
        c.create("companies", "{\"name\":\"Acme\",\"custom_fields_values\":[{\"field_code\":\"EMAIL\",\"values\":[{\"value\":\"vendas@acme.com.br\"}]}]}");
        assertEquals(List.of("Venda"), names("leads", "basculante"));
        assertEquals(List.of("Acme"), names("companies", "@acme.com"));
        assertEquals(List.of(), names("companies", "@beta.com"));
    }

    @Test
    void phoneDigitsMatchOnlyWhenTheQueryHasAtLeastFourDigits() {
        c.create("companies", "{\"name\":\"Acme\",\"custom_fields_values\":[{\"field_code\":\"PHONE\",\"values\":[{\"value\":\"+55 11 98765-4321\"}]}]}");
        assertEquals(List.of("Acme"), names("companies", "5-4-3-2"), "digits 5432 are in the phone's digits");
        assertEquals(List.of(), names("companies", "5-4-3"), "three digits are not enough");
        assertEquals(List.of("Acme"), names("companies", "(11) 98765 4321"));
    }

    @Test
    void deletedEntitiesNeverMatch() {
        c.control("POST", "/accounts/acme/seed", "{\"contacts\":[{\"name\":\"Ana Viva\"},{\"name\":\"Ana Apagada\",\"is_deleted\":true}],"
                + "\"leads\":[{\"name\":\"Ana lead\",\"is_deleted\":true}]}");
        assertEquals(List.of("Ana Viva"), names("contacts", "ana"));
        assertEquals(List.of(), names("leads", "ana"));
        assertEquals(204, c.api("GET", "/leads?with=only_deleted&query=ana", null).status());
    }

    @Test
    void resultsAreOrderedByIdAscending() {
        c.control("POST", "/accounts/acme/seed", "{\"contacts\":[{\"id\":70030,\"name\":\"Ana C\"},{\"id\":70010,\"name\":\"Ana A\"},{\"id\":70020,\"name\":\"Ana B\"}]}");
        assertEquals(List.of("Ana A", "Ana B", "Ana C"), names("contacts", "ana"));
    }

    @Test
    void leadsEmbedTheirContactsWithTheMainFlagOnlyWithWithContacts() {
        long ana = c.create("contacts", "{\"name\":\"Ana\"}");
        long bia = c.create("contacts", "{\"name\":\"Bia\"}");
        long lead = c.create("leads", "{\"name\":\"Venda\",\"_embedded\":{\"contacts\":[{\"id\":" + ana + "},{\"id\":" + bia + ",\"is_main\":true}]}}");
        JsonNode plain = c.api("GET", "/leads/" + lead, null).json().path("_embedded");
        assertFalse(plain.has("contacts"), "no contacts without with=contacts");
        assertTrue(plain.path("companies").isArray(), "companies are always embedded");
        JsonNode with = c.api("GET", "/leads/" + lead + "?with=contacts", null).json().path("_embedded").path("contacts");
        assertEquals(2, with.size());
        assertEquals(ana, with.get(0).path("id").asLong());
        assertFalse(with.get(0).path("is_main").asBoolean());
        assertEquals(bia, with.get(1).path("id").asLong());
        assertTrue(with.get(1).path("is_main").asBoolean());
        assertEquals(sim.baseUrl() + "/api/v4/contacts/" + bia, with.get(1).path("_links").path("self").path("href").asText());
        JsonNode listed = c.api("GET", "/leads?with=contacts", null).json().path("_embedded").path("leads").get(0);
        assertEquals(2, listed.path("_embedded").path("contacts").size(), "the list honours with=contacts too");
        assertFalse(c.api("GET", "/leads", null).json().path("_embedded").path("leads").get(0).path("_embedded").has("contacts"));
    }

    @Test
    void contactsEmbedLeadsAndCompaniesEmbedContactsAndLeadsOnRequest() {
        long acme = c.create("companies", "{\"name\":\"Acme\"}");
        long ana = c.create("contacts", "{\"name\":\"Ana\",\"_embedded\":{\"companies\":[{\"id\":" + acme + "}]}}");
        long lead = c.create("leads", "{\"name\":\"Venda\",\"_embedded\":{\"contacts\":[{\"id\":" + ana + "}],\"companies\":[{\"id\":" + acme + "}]}}");
        JsonNode contact = c.api("GET", "/contacts/" + ana + "?with=leads", null).json().path("_embedded");
        assertEquals(lead, contact.path("leads").get(0).path("id").asLong());
        assertEquals(acme, contact.path("companies").get(0).path("id").asLong());
        assertFalse(c.api("GET", "/contacts/" + ana, null).json().path("_embedded").has("leads"));
        JsonNode company = c.api("GET", "/companies/" + acme + "?with=contacts,leads", null).json().path("_embedded");
        assertEquals(ana, company.path("contacts").get(0).path("id").asLong());
        assertEquals(lead, company.path("leads").get(0).path("id").asLong());
    }
}
