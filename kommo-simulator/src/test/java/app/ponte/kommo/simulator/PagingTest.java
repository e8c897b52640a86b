package app.ponte.kommo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Collection pages: {@code limit}/{@code page}, {@code _links.next}, default 50, cap 250 (contract §4). */
class PagingTest {
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

    /** Seeds {@code n} contacts named "Pessoa {i}" and {@code n} leads; answers the contact ids in order. */
    private static List<Long> seed(int n) {
        StringBuilder contacts = new StringBuilder();
        StringBuilder leads = new StringBuilder();
        for (int i = 0; i < n; i++) {
            contacts.append(i == 0 ? "" : ",").append("{\"name\":\"Pessoa ").append(i).append("\"}");
            leads.append(i == 0 ? "" : ",").append("{\"name\":\"Venda ").append(i).append("\"}");
        }
        JsonNode ids = c.control("POST", "/accounts/acme/seed", "{\"contacts\":[" + contacts + "],\"leads\":[" + leads + "]}").path("contacts");
        List<Long> out = new ArrayList<>();
        ids.forEach(id -> out.add(id.asLong()));
        return out;
    }

    private static List<Long> ids(JsonNode page, String type) {
        List<Long> out = new ArrayList<>();
        page.path("_embedded").path(type).forEach(e -> out.add(e.path("id").asLong()));
        return out;
    }

    /** GET of an absolute href the simulator handed out. */
    private static SimClient.Res follow(String href) {
        assertTrue(href.startsWith(sim.baseUrl() + "/api/v4/"), href);
        return c.call("GET", href.substring(sim.baseUrl().length()), null, c.token);
    }

    @Test
    void limitAndPageSliceTheCollectionAndNextAppearsOnlyWhileAnotherPageExists() {
        List<Long> all = seed(7);
        JsonNode first = c.api("GET", "/contacts?limit=3", null).json();
        assertEquals(1, first.path("_page").asInt());
        assertEquals(all.subList(0, 3), ids(first, "contacts"));
        assertEquals(sim.baseUrl() + "/api/v4/contacts?limit=3", first.path("_links").path("self").path("href").asText());
        JsonNode second = follow(first.path("_links").path("next").path("href").asText()).json();
        assertEquals(2, second.path("_page").asInt());
        assertEquals(all.subList(3, 6), ids(second, "contacts"));
        JsonNode third = follow(second.path("_links").path("next").path("href").asText()).json();
        assertEquals(3, third.path("_page").asInt());
        assertEquals(all.subList(6, 7), ids(third, "contacts"));
        assertFalse(third.path("_links").has("next"), "the last page has no next");
        assertEquals(204, c.api("GET", "/contacts?limit=3&page=4", null).status(), "past the end → 204");
    }

    @Test
    void aFullLastPageHasNoNext() {
        seed(6);
        JsonNode page2 = c.api("GET", "/leads?limit=3&page=2", null).json();
        assertEquals(3, ids(page2, "leads").size());
        assertFalse(page2.path("_links").has("next"));
        assertTrue(c.api("GET", "/leads?limit=3&page=1", null).json().path("_links").has("next"));
        JsonNode single = c.api("GET", "/leads?limit=6", null).json();
        assertFalse(single.path("_links").has("next"), "everything on one page → no next");
    }

    @Test
    void nextKeepsTheOtherQueryParameters() {
        List<Long> all = seed(5);
        JsonNode first = c.api("GET", "/contacts?query=pessoa&limit=2", null).json();
        String next = first.path("_links").path("next").path("href").asText();
        assertTrue(next.contains("query=pessoa"), next);
        assertEquals(all.subList(2, 4), ids(follow(next).json(), "contacts"));
    }

    @Test
    void theDefaultLimitIs50AndIsConfigurable() {
        seed(51);
        JsonNode first = c.api("GET", "/contacts", null).json();
        assertEquals(50, ids(first, "contacts").size());
        assertTrue(first.path("_links").has("next"));
        assertEquals(1, ids(follow(first.path("_links").path("next").path("href").asText()).json(), "contacts").size());
        c.control("PUT", "/config", "{\"default_page_limit\":20}");
        assertEquals(20, ids(c.api("GET", "/leads", null).json(), "leads").size());
    }

    @Test
    void aLimitAbove250IsCappedAt250() {
        List<Long> all = seed(260);
        JsonNode first = c.api("GET", "/contacts?limit=1000", null).json();
        assertEquals(all.subList(0, 250), ids(first, "contacts"));
        String next = first.path("_links").path("next").path("href").asText();
        assertTrue(next.contains("limit=250"), next);
        assertEquals(all.subList(250, 260), ids(follow(next).json(), "contacts"));
        assertEquals(250, ids(c.api("GET", "/leads?limit=251", null).json(), "leads").size());
    }

    @Test
    void everyListedEntityLinksToItself() {
        List<Long> all = seed(2);
        JsonNode page = c.api("GET", "/contacts", null).json();
        for (int i = 0; i < 2; i++) {
            assertEquals(sim.baseUrl() + "/api/v4/contacts/" + all.get(i),
                    page.path("_embedded").path("contacts").get(i).path("_links").path("self").path("href").asText());
        }
        JsonNode lead = c.api("GET", "/leads", null).json().path("_embedded").path("leads").get(0);
        assertEquals(sim.baseUrl() + "/api/v4/leads/" + lead.path("id").asLong(), lead.path("_links").path("self").path("href").asText());
    }
}
