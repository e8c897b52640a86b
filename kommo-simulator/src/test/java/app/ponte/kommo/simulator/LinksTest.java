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

/** {@code POST …/{id}/link}, {@code POST …/{id}/unlink}, {@code GET …/{id}/links} as API calls (contract §5.8). */
class LinksTest {
    static KommoSimulator sim;
    static SimClient c;
    long lead;
    long ana;
    long bia;
    long acme;

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
        lead = c.create("leads", "{\"name\":\"Venda\"}");
        ana = c.create("contacts", "{\"name\":\"Ana\"}");
        bia = c.create("contacts", "{\"name\":\"Bia\"}");
        acme = c.create("companies", "{\"name\":\"Acme\"}");
    }

    private static String to(long id, String type) {
        return "{\"to_entity_id\":" + id + ",\"to_entity_type\":\"" + type + "\"}";
    }

    private static List<Long> contactsOfLead(long leadId, boolean mainOnly) {
        List<Long> out = new ArrayList<>();
        for (JsonNode n : c.api("GET", "/leads/" + leadId + "?with=contacts", null).json().path("_embedded").path("contacts")) {
            if (!mainOnly || n.path("is_main").asBoolean()) {
                out.add(n.path("id").asLong());
            }
        }
        return out;
    }

    @Test
    void linkingContactsToALeadAnswersTheLinksAndTheFirstContactBecomesMain() {
        var r = c.api("POST", "/leads/" + lead + "/link", "[" + to(ana, "contacts") + "," + to(acme, "companies") + "]");
        assertEquals(200, r.status(), r.body());
        JsonNode body = r.json();
        assertEquals(2, body.path("_total_items").asInt());
        JsonNode links = body.path("_embedded").path("links");
        JsonNode contact = links.get(0);
        assertEquals(lead, contact.path("entity_id").asLong());
        assertEquals("leads", contact.path("entity_type").asText());
        assertEquals(ana, contact.path("to_entity_id").asLong());
        assertEquals("contacts", contact.path("to_entity_type").asText());
        assertTrue(contact.path("metadata").path("main_contact").asBoolean());
        assertEquals(1001, contact.path("metadata").path("updated_by").asLong());
        assertEquals(acme, links.get(1).path("to_entity_id").asLong());
        assertTrue(links.get(1).path("metadata").isNull(), "company links carry no metadata");

        c.api("POST", "/leads/" + lead + "/link", "[" + to(bia, "contacts") + "]");
        assertEquals(List.of(ana, bia), contactsOfLead(lead, false));
        assertEquals(List.of(ana), contactsOfLead(lead, true), "the first contact stays main");
    }

    @Test
    void isMainMovesTheMainContact() {
        c.api("POST", "/leads/" + lead + "/link", "[" + to(ana, "contacts") + "," + to(bia, "contacts") + "]");
        var r = c.api("POST", "/leads/" + lead + "/link",
                "[{\"to_entity_id\":" + bia + ",\"to_entity_type\":\"contacts\",\"metadata\":{\"is_main\":true}}]");
        assertEquals(200, r.status(), r.body());
        assertTrue(r.json().path("_embedded").path("links").get(0).path("metadata").path("main_contact").asBoolean());
        assertEquals(List.of(bia), contactsOfLead(lead, true));
    }

    @Test
    void linkingFromTheContactOrCompanySideWorksLikeFromTheLead() {
        assertEquals(200, c.api("POST", "/contacts/" + ana + "/link", "[" + to(lead, "leads") + "]").status());
        assertEquals(200, c.api("POST", "/companies/" + acme + "/link", "[" + to(lead, "leads") + "," + to(bia, "contacts") + "]").status());
        assertEquals(List.of(ana), contactsOfLead(lead, true));
        JsonNode leadNow = c.api("GET", "/leads/" + lead, null).json();
        assertEquals(acme, leadNow.path("_embedded").path("companies").get(0).path("id").asLong());
        assertEquals(acme, c.api("GET", "/contacts/" + bia, null).json().path("_embedded").path("companies").get(0).path("id").asLong());
        JsonNode fromContact = c.api("GET", "/contacts/" + ana + "/links", null).json().path("_embedded").path("links");
        assertEquals(1, fromContact.size());
        assertEquals("contacts", fromContact.get(0).path("entity_type").asText());
        assertEquals(ana, fromContact.get(0).path("entity_id").asLong());
        assertEquals("leads", fromContact.get(0).path("to_entity_type").asText());
        assertEquals(lead, fromContact.get(0).path("to_entity_id").asLong());
    }

    @Test
    void aLeadOrContactHasAtMostOneCompanyAndLinkingAnotherReplacesIt() {
        long other = c.create("companies", "{\"name\":\"Other\"}");
        c.api("POST", "/leads/" + lead + "/link", "[" + to(acme, "companies") + "]");
        c.api("POST", "/leads/" + lead + "/link", "[" + to(other, "companies") + "]");
        JsonNode companies = c.api("GET", "/leads/" + lead, null).json().path("_embedded").path("companies");
        assertEquals(1, companies.size());
        assertEquals(other, companies.get(0).path("id").asLong());

        c.api("POST", "/contacts/" + ana + "/link", "[" + to(acme, "companies") + "]");
        c.api("POST", "/companies/" + other + "/link", "[" + to(ana, "contacts") + "]");
        JsonNode ofAna = c.api("GET", "/contacts/" + ana, null).json().path("_embedded").path("companies");
        assertEquals(1, ofAna.size());
        assertEquals(other, ofAna.get(0).path("id").asLong());
        assertEquals(204, c.api("GET", "/companies/" + acme + "/links", null).status(), "acme lost both links");
    }

    @Test
    void linkingAnExistingLinkIsANoOpThatLeavesUpdatedAtAlone() {
        c.api("POST", "/leads/" + lead + "/link", "[" + to(ana, "contacts") + "]");
        long before = c.api("GET", "/leads/" + lead, null).json().path("updated_at").asLong();
        c.control("POST", "/clock", "{\"advance_seconds\":1000}");
        var again = c.api("POST", "/leads/" + lead + "/link", "[" + to(ana, "contacts") + "]");
        assertEquals(200, again.status());
        assertEquals(1, again.json().path("_total_items").asInt());
        assertEquals(before, c.api("GET", "/leads/" + lead, null).json().path("updated_at").asLong());
        assertEquals(1, c.api("GET", "/leads/" + lead + "/links", null).json().path("_total_items").asInt());
    }

    @Test
    void linkAndUnlinkBumpUpdatedAtOfBothSidesButEmitNoWebhook() {
        try (HookReceiver hook = new HookReceiver()) {
            c.subscribe(hook.url("/h"), "update_lead", "update_contact", "update_company");
            long leadBefore = c.api("GET", "/leads/" + lead, null).json().path("updated_at").asLong();
            c.control("POST", "/clock", "{\"advance_seconds\":1000}");
            c.api("POST", "/leads/" + lead + "/link", "[" + to(ana, "contacts") + "]");
            long leadAfter = c.api("GET", "/leads/" + lead, null).json().path("updated_at").asLong();
            long anaAfter = c.api("GET", "/contacts/" + ana, null).json().path("updated_at").asLong();
            assertTrue(leadAfter >= leadBefore + 1000, "lead updated_at bumped");
            assertEquals(leadAfter, anaAfter, "contact updated_at bumped to the same now");
            c.control("POST", "/clock", "{\"advance_seconds\":1000}");
            assertEquals(204, c.api("POST", "/leads/" + lead + "/unlink", "[" + to(ana, "contacts") + "]").status());
            assertTrue(c.api("GET", "/contacts/" + ana, null).json().path("updated_at").asLong() >= anaAfter + 1000);
            c.flush();
            assertEquals(List.of(), hook.hits);
            assertEquals(0, c.control("GET", "/webhook-deliveries", null).path("deliveries").size());
        }
    }

    @Test
    void unlinkAnswers204AndListingLinksOfAnEntityWithoutLinksIs204() {
        c.api("POST", "/leads/" + lead + "/link", "[" + to(ana, "contacts") + "," + to(acme, "companies") + "]");
        var unlink = c.api("POST", "/leads/" + lead + "/unlink", "[" + to(ana, "contacts") + "," + to(acme, "companies") + "]");
        assertEquals(204, unlink.status());
        assertEquals("", unlink.body());
        var none = c.api("GET", "/leads/" + lead + "/links", null);
        assertEquals(204, none.status());
        assertEquals("", none.body());
        assertEquals(List.of(), contactsOfLead(lead, false));
        assertEquals(0, c.api("GET", "/leads/" + lead, null).json().path("_embedded").path("companies").size());
    }

    @Test
    void unknownTargetIsNotSupportedChoiceAtToEntityIdAndNothingIsLinked() {
        var r = c.api("POST", "/leads/" + lead + "/link", "[{\"to_entity_id\":999,\"to_entity_type\":\"contacts\"}]");
        assertEquals(List.of("0", "NotSupportedChoice", "0.to_entity_id"), SimClient.onlyError(r));
        var mixed = c.api("POST", "/leads/" + lead + "/link", "[" + to(ana, "contacts") + ",{\"to_entity_id\":999,\"to_entity_type\":\"companies\"}]");
        assertEquals(400, mixed.status());
        assertEquals(204, c.api("GET", "/leads/" + lead + "/links", null).status(), "the failed batch linked nothing");
        assertEquals(400, c.api("POST", "/leads/" + lead + "/link", to(ana, "contacts")).status(), "object body → 400");
    }

    @Test
    void theLinkAnswerListsOnlyTheRequestedLinksEvenWhenIdsOfDifferentTypesCoincide() {
        c.control("POST", "/accounts/acme/seed", "{\"companies\":[{\"id\":" + lead + ",\"name\":\"Same id\"}]}");
        c.api("POST", "/contacts/" + ana + "/link", "[" + to(lead, "leads") + "]");
        var r = c.api("POST", "/contacts/" + ana + "/link", "[" + to(lead, "companies") + "]");
        assertEquals(200, r.status(), r.body());
        JsonNode links = r.json().path("_embedded").path("links");
        assertEquals(1, r.json().path("_total_items").asInt(), r.body());
        assertEquals("companies", links.get(0).path("to_entity_type").asText());
        assertFalse(links.get(0).has("metadata") && !links.get(0).path("metadata").isNull());
    }
}
