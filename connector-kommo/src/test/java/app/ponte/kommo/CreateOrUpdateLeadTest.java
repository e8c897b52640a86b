package app.ponte.kommo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.api.action.ActionInput;
import app.ponte.api.action.ActionResult;
import app.ponte.api.action.Failure;
import app.ponte.api.action.RunReference;
import app.ponte.api.field.FieldValues;
import app.ponte.api.field.Value;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CreateOrUpdateLeadTest {

    private static SimFixture sim;
    private static int accounts;
    private SimFixture.Account account;
    private long maria;
    private long joao;
    private long boreal;
    private long openLead;
    private long wonLead;

    @BeforeAll
    static void startSimulator() {
        sim = new SimFixture();
        sim.reset("{\"rate_limit_per_second\":0}");
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    /** Maria (e-mail + phone) with an open and a won lead; João (phone only) with a lost lead; a decoy; Vidraria Boreal. */
    @BeforeEach
    void seedAnAccount() {
        account = sim.account("leads" + ++accounts, true);
        long first = account.stages().get(1);
        JsonNode ids = sim.seed(account.subdomain(), """
                {"contacts":[
                  {"name":"Maria Silva","custom_fields_values":[{"field_code":"EMAIL","values":[{"value":"Maria.Silva@Example.com"}]},
                     {"field_code":"PHONE","values":[{"value":"+55 11 98765-4321"}]}]},
                  {"name":"João Souza","custom_fields_values":[{"field_code":"PHONE","values":[{"value":"+55 21 99876-5432"}]}]},
                  {"name":"Ana Maria","custom_fields_values":[{"field_code":"EMAIL","values":[{"value":"ana.maria.silva@example.com.br"}]}]}],
                 "companies":[{"name":"Vidraria Boreal"}],
                 "leads":[
                  {"name":"Maria - aberto","price":100,"pipeline_id":%1$d,"status_id":%2$d,"_embedded":{"tags":[{"name":"site"}]}},
                  {"name":"Maria - ganho","price":50,"pipeline_id":%1$d,"status_id":142},
                  {"name":"João - perdido","price":70,"pipeline_id":%1$d,"status_id":143}]}
                """.formatted(account.pipelineId(), first));
        maria = ids.path("contacts").path(0).asLong();
        joao = ids.path("contacts").path(1).asLong();
        boreal = ids.path("companies").path(0).asLong();
        openLead = ids.path("leads").path(0).asLong();
        wonLead = ids.path("leads").path(1).asLong();
        long lostLead = ids.path("leads").path(2).asLong();
        sim.seed(account.subdomain(), """
                {"links":[{"entity_type":"leads","entity_id":%d,"to_entity_type":"contacts","to_entity_id":%d,"metadata":{"is_main":true}},
                          {"entity_type":"leads","entity_id":%d,"to_entity_type":"contacts","to_entity_id":%d,"metadata":{"is_main":true}},
                          {"entity_type":"leads","entity_id":%d,"to_entity_type":"contacts","to_entity_id":%d,"metadata":{"is_main":true}}]}
                """.formatted(openLead, maria, wonLead, maria, lostLead, joao));
    }

    private static Map<String, Value> input(String name, String price) {
        Map<String, Value> values = new LinkedHashMap<>();
        values.put("lead.name", Value.text(name));
        values.put("lead.price", Value.money(new BigDecimal(price), "BRL"));
        return values;
    }

    private FieldValues run(Map<String, Value> values) {
        return run(values, new RunReference(UUID.randomUUID(), 1));
    }

    private FieldValues run(Map<String, Value> values, RunReference run) {
        ActionResult result = CreateOrUpdateLead.execute(new ActionInput(FieldValues.of(values)),
                new TestConnection(account.fresh(), new TestConnection.Limiters(1000)), run);
        if (result instanceof ActionResult.Failed failed) {
            throw new AssertionError(failed.failure().kind() + ": " + failed.failure().message());
        }
        return assertInstanceOf(ActionResult.Success.class, result).outputs();
    }

    private JsonNode entity(String type, long id) {
        for (JsonNode e : sim.state(account.subdomain()).path(type)) {
            if (e.path("id").asLong() == id) {
                return e;
            }
        }
        throw new AssertionError(type + " " + id + " not found");
    }

    private Set<String> tags(JsonNode lead) {
        Set<String> names = new TreeSet<>();
        lead.path("_embedded").path("tags").forEach(t -> names.add(t.path("name").asText()));
        lead.path("tags").forEach(t -> names.add(t.isTextual() ? t.asText() : t.path("name").asText()));
        return names;
    }

    private List<String> writes(long since) {
        List<String> out = new ArrayList<>();
        sim.requests(since).stream().filter(r -> !r.path("method").asText().equals("GET"))
                .forEach(r -> out.add(r.path("method").asText() + " " + r.path("path").asText()));
        return out;
    }

    @Test
    void updatesTheOpenLeadOfTheContactFoundByEmailMergingTagsAndRoundingThePrice() {
        Map<String, Value> in = input("Maria - Curso de Vidro", "1234.50");
        in.put("contact.email", Value.text("  MARIA.silva@example.COM "));
        in.put("contact.match", Value.text("email"));
        in.put("lead.tags", Value.text("hotmart, Site , curso"));

        FieldValues out = run(in);

        assertEquals(Long.toString(openLead), out.get("lead.id").text());
        assertEquals(Long.toString(maria), out.get("contact.id").text());
        assertEquals(new Value.Bool(false), out.get("lead.created"));
        assertEquals("1235", out.get("lead.price").text());
        assertEquals("1234.50", out.get("lead.price_exact").text());
        JsonNode lead = SimFixture.json(sim.call("GET", "/api/v4/leads/" + openLead, null, account.accessToken()).body());
        assertEquals("Maria - Curso de Vidro", lead.path("name").asText());
        assertEquals(1235, lead.path("price").asLong());
        assertEquals(Set.of("site", "hotmart", "curso"), tags(lead));
    }

    @Test
    void findsTheContactByPhoneWrittenAnotherWayAndCreatesALeadWhenItsOnlyLeadIsClosed() {
        Map<String, Value> in = input("João - novo", "10.49");
        in.put("contact.phone", Value.text("(21) 9876-5432"));
        in.put("contact.match", Value.text("phone"));

        FieldValues out = run(in);

        assertEquals(Long.toString(joao), out.get("contact.id").text());
        assertEquals(new Value.Bool(true), out.get("lead.created"));
        assertEquals("10", out.get("lead.price").text());
        JsonNode lead = SimFixture.json(sim.call("GET", "/api/v4/leads/" + out.get("lead.id").text() + "?with=contacts", null,
                account.accessToken()).body());
        assertEquals(joao, lead.path("_embedded").path("contacts").path(0).path("id").asLong());
        assertEquals(account.stages().get(1), lead.path("status_id").asLong());
    }

    @Test
    void byEmailThenPhoneFallsBackToThePhoneAndAddsTheNewEmailToTheContact() {
        Map<String, Value> in = input("Maria - outro e-mail", "99.99");
        in.put("contact.email", Value.text("maria@trabalho.com.br"));
        in.put("contact.phone", Value.text("11987654321"));

        FieldValues out = run(in);

        assertEquals(Long.toString(maria), out.get("contact.id").text());
        assertEquals(Long.toString(openLead), out.get("lead.id").text());
        JsonNode contact = SimFixture.json(sim.call("GET", "/api/v4/contacts/" + maria, null, account.accessToken()).body());
        List<String> emails = new ArrayList<>();
        contact.path("custom_fields_values").forEach(f -> {
            if ("EMAIL".equals(f.path("field_code").asText())) {
                f.path("values").forEach(v -> emails.add(v.path("value").asText()));
            }
        });
        assertEquals(List.of("Maria.Silva@Example.com", "maria@trabalho.com.br"), emails);
    }

    @Test
    void createsContactCompanyAndLeadInOneComplexCallWhenNothingMatches() {
        Map<String, Value> in = input("Pedro - Curso", "500");
        in.put("contact.name", Value.text("Pedro Álvares"));
        in.put("contact.email", Value.text("maria.silva@example.com.b"));
        in.put("company.name", Value.text("Nova Empresa Ltda"));
        long since = sim.lastSeq();

        FieldValues out = run(in);

        assertEquals(List.of("POST /api/v4/leads/complex"), writes(since));
        assertEquals(new Value.Bool(true), out.get("lead.created"));
        assertNotEquals(Long.toString(maria), out.get("contact.id").text());
        JsonNode lead = SimFixture.json(sim.call("GET", "/api/v4/leads/" + out.get("lead.id").text() + "?with=contacts", null,
                account.accessToken()).body());
        assertEquals(out.get("contact.id").text(), lead.path("_embedded").path("contacts").path(0).path("id").asText());
        assertEquals(out.get("company.id").text(), lead.path("_embedded").path("companies").path(0).path("id").asText());
        assertEquals("Pedro Álvares", entity("contacts", Long.parseLong(out.get("contact.id").text())).path("name").asText());
    }

    @Test
    void linksTheCompanyFoundByNameIgnoringCaseAndSpaces() {
        Map<String, Value> in = input("Compra da Boreal", "10");
        in.put("contact.email", Value.text("compras@boreal.com.br"));
        in.put("company.mode", Value.text("find_or_create"));
        in.put("company.name", Value.text("  vidraria BOREAL "));

        FieldValues out = run(in);

        assertEquals(Long.toString(boreal), out.get("company.id").text());
        JsonNode lead = SimFixture.json(sim.call("GET", "/api/v4/leads/" + out.get("lead.id").text(), null, account.accessToken()).body());
        assertEquals(boreal, lead.path("_embedded").path("companies").path(0).path("id").asLong());
        JsonNode contact = SimFixture.json(sim.call("GET", "/api/v4/contacts/" + out.get("contact.id").text(), null,
                account.accessToken()).body());
        assertEquals(boreal, contact.path("_embedded").path("companies").path(0).path("id").asLong());
    }

    @Test
    void alwaysCreateCompanyAddsASecondCompanyWithTheSameName() {
        Map<String, Value> in = input("Outra compra", "10");
        in.put("contact.email", Value.text("maria.silva@example.com"));
        in.put("company.mode", Value.text("always_create"));
        in.put("company.name", Value.text("Vidraria Boreal"));

        FieldValues out = run(in);

        assertNotEquals(Long.toString(boreal), out.get("company.id").text());
        assertEquals(Long.toString(openLead), out.get("lead.id").text());
        assertEquals(2, sim.state(account.subdomain()).path("companies").size());
        JsonNode lead = SimFixture.json(sim.call("GET", "/api/v4/leads/" + openLead, null, account.accessToken()).body());
        assertEquals(out.get("company.id").text(), lead.path("_embedded").path("companies").path(0).path("id").asText());
    }

    @Test
    void dontTouchCompaniesMakesNoCompanyCall() {
        Map<String, Value> in = input("Sem empresa", "10");
        in.put("contact.email", Value.text("maria.silva@example.com"));
        in.put("company.mode", Value.text("none"));
        in.put("company.name", Value.text("Vidraria Boreal"));
        long since = sim.lastSeq();

        FieldValues out = run(in);

        assertTrue(out.get("company.id").isEmpty());
        assertFalse(sim.requests(since).stream().anyMatch(r -> r.path("path").asText().contains("compan")));
    }

    @Test
    void alwaysCreateContactTagsTheLeadWithTheRunAndARetryFindsItInsteadOfCreatingAnother() {
        Map<String, Value> in = input("Maria - sempre novo", "10");
        in.put("contact.email", Value.text("maria.silva@example.com"));
        in.put("contact.match", Value.text("always_create"));
        UUID runId = UUID.randomUUID();

        FieldValues first = run(in, new RunReference(runId, 1));
        long since = sim.lastSeq();
        FieldValues retry = run(in, new RunReference(runId, 2));

        assertNotEquals(Long.toString(maria), first.get("contact.id").text());
        assertEquals(first.get("lead.id").text(), retry.get("lead.id").text());
        assertEquals(first.get("contact.id").text(), retry.get("contact.id").text());
        assertEquals(List.of(), writes(since));
        JsonNode lead = SimFixture.json(sim.call("GET", "/api/v4/leads/" + first.get("lead.id").text(), null, account.accessToken()).body());
        assertEquals(Set.of("ponte-" + runId), tags(lead));
    }

    @Test
    void writesMappedLeadAndContactCustomFields() {
        JsonNode fields = sim.seed(account.subdomain(), """
                {"custom_fields":{"leads":[{"name":"Canal","type":"select","enums":["Instagram","Hotmart"]}],
                                  "contacts":[{"name":"CPF","type":"text"}]}}""").path("custom_fields");
        long canal = fields.path("leads").path(0).path("id").asLong();
        long cpf = fields.path("contacts").path(0).path("id").asLong();
        Map<String, Value> in = input("Com campos", "10");
        in.put("contact.email", Value.text("novo@cliente.com"));
        in.put("lead_custom_fields.field_" + canal, Value.text("hotmart"));
        in.put("contact_custom_fields.field_" + cpf, Value.text("123.456.789-09"));

        FieldValues out = run(in);

        JsonNode lead = SimFixture.json(sim.call("GET", "/api/v4/leads/" + out.get("lead.id").text(), null, account.accessToken()).body());
        JsonNode contact = SimFixture.json(sim.call("GET", "/api/v4/contacts/" + out.get("contact.id").text(), null,
                account.accessToken()).body());
        assertTrue(lead.path("custom_fields_values").toString().contains("Hotmart"), lead.toString());
        assertTrue(contact.path("custom_fields_values").toString().contains("123.456.789-09"), contact.toString());
    }

    @Test
    void aStageOutsideThePipelineIsAPermanentFailureWithKommosMessage() {
        Map<String, Value> in = input("Etapa errada", "10");
        in.put("contact.email", Value.text("x@y.com"));
        in.put("lead.status_id", Value.text("999999"));

        ActionResult result = CreateOrUpdateLead.execute(new ActionInput(FieldValues.of(in)),
                new TestConnection(account.fresh(), new TestConnection.Limiters(1000)), new RunReference(UUID.randomUUID(), 1));

        Failure failure = assertInstanceOf(ActionResult.Failed.class, result).failure();
        assertEquals(Failure.Kind.PERMANENT, failure.kind());
        assertTrue(failure.message().contains("status_id"), failure.message());
    }
}
