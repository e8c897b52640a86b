package app.ponte.kommo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.api.action.ActionInput;
import app.ponte.api.action.ActionPlan;
import app.ponte.api.action.ActionResult;
import app.ponte.api.action.Failure;
import app.ponte.api.action.PlannedStep;
import app.ponte.api.action.RunReference;
import app.ponte.api.field.FieldValues;
import app.ponte.api.field.Value;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The plan of "Criar ou atualizar lead": reads only, and the decisions a run then takes. */
class CreateOrUpdateLeadPlanTest {

    private static SimFixture sim;
    private static int accounts;
    private SimFixture.Account account;
    private long maria;
    private long joao;
    private long boreal;
    private long openLead;

    @BeforeAll
    static void startSimulator() {
        sim = new SimFixture();
        sim.reset("{\"rate_limit_per_second\":0}");
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    /** Maria (e-mail + phone) with an open lead in "Contato inicial"; João (phone only) with a lost lead; Vidraria Boreal. */
    @BeforeEach
    void seedAnAccount() {
        account = sim.account("plans" + ++accounts, true);
        JsonNode ids = sim.seed(account.subdomain(), """
                {"contacts":[
                  {"name":"Maria Silva","custom_fields_values":[{"field_code":"EMAIL","values":[{"value":"maria.silva@example.com"}]},
                     {"field_code":"PHONE","values":[{"value":"+55 11 98765-4321"}]}]},
                  {"name":"João Souza","custom_fields_values":[{"field_code":"PHONE","values":[{"value":"+55 21 99876-5432"}]}]}],
                 "companies":[{"name":"Vidraria Boreal"}],
                 "leads":[
                  {"name":"Maria - aberto","price":100,"pipeline_id":%1$d,"status_id":%2$d,"_embedded":{"tags":[{"name":"site"}]}},
                  {"name":"João - perdido","price":70,"pipeline_id":%1$d,"status_id":143}]}
                """.formatted(account.pipelineId(), account.stages().get(1)));
        maria = ids.path("contacts").path(0).asLong();
        joao = ids.path("contacts").path(1).asLong();
        boreal = ids.path("companies").path(0).asLong();
        openLead = ids.path("leads").path(0).asLong();
        sim.seed(account.subdomain(), """
                {"links":[{"entity_type":"leads","entity_id":%d,"to_entity_type":"contacts","to_entity_id":%d,"metadata":{"is_main":true}},
                          {"entity_type":"leads","entity_id":%d,"to_entity_type":"contacts","to_entity_id":%d,"metadata":{"is_main":true}}]}
                """.formatted(openLead, maria, ids.path("leads").path(1).asLong(), joao));
    }

    private static Map<String, Value> input(String name, String price) {
        Map<String, Value> values = new LinkedHashMap<>();
        values.put("lead.name", Value.text(name));
        values.put("lead.price", Value.money(new BigDecimal(price), "BRL"));
        values.put("lead.tags", Value.text("Hotmart, Venda aprovada"));
        return values;
    }

    private TestConnection connection() {
        return new TestConnection(account.fresh(), new TestConnection.Limiters(1000));
    }

    /** Plans, and checks that planning sent nothing but GETs and changed nothing in the account. */
    private ActionPlan plan(Map<String, Value> values) {
        String before = sim.state(account.subdomain()).toString();
        long since = sim.lastSeq();
        ActionPlan plan = CreateOrUpdateLead.definition().planner().orElseThrow()
                .plan(new ActionInput(FieldValues.of(values)), connection());
        List<String> methods = new ArrayList<>();
        sim.requests(since).forEach(r -> methods.add(r.path("method").asText()));
        assertTrue(!methods.isEmpty() && methods.stream().allMatch("GET"::equals), "planning sent " + methods);
        assertEquals(before, sim.state(account.subdomain()).toString());
        return plan;
    }

    private FieldValues run(Map<String, Value> values) {
        ActionResult result = CreateOrUpdateLead.execute(new ActionInput(FieldValues.of(values)), connection(),
                new RunReference(UUID.randomUUID(), 1));
        return assertInstanceOf(ActionResult.Success.class, result).outputs();
    }

    private static List<String> steps(ActionPlan plan, PlannedStep.Kind kind) {
        assertTrue(plan.stoppedBy().isEmpty(), () -> "plan stopped: " + plan.stoppedBy().get().message());
        return plan.steps().stream().filter(s -> s.kind() == kind).map(s -> s.label().pt()).toList();
    }

    @Test
    void aNewBuyerIsPlannedAsOneLeadWithANewContactAfterTwoSearchesThatFindNothing() {
        Map<String, Value> in = input("Ana Souza", "536.76");
        in.put("contact.name", Value.text("Ana Souza"));
        in.put("contact.email", Value.text("ana.souza@example.com"));
        in.put("contact.phone", Value.text("(31) 99123-4567"));

        ActionPlan plan = plan(in);

        assertEquals(List.of("Procurar contato pelo e-mail ana.souza@example.com → nenhum encontrado",
                "Procurar contato pelo telefone +5531991234567 → nenhum encontrado"), steps(plan, PlannedStep.Kind.LOOKUP));
        assertEquals(List.of("Criar o lead 'Ana Souza' no funil 'Funil de vendas', primeira etapa: valor R$ 536,76 (R$ 537,00 na Kommo), "
                + "tags Hotmart, Venda aprovada, com o novo contato 'Ana Souza' (e-mail ana.souza@example.com, telefone +5531991234567)"),
                steps(plan, PlannedStep.Kind.WRITE));
        assertEquals("Create lead 'Ana Souza' in pipeline 'Funil de vendas', first stage: value R$ 536.76 (R$ 537.00 in Kommo), "
                + "tags Hotmart, Venda aprovada, with new contact 'Ana Souza' (e-mail ana.souza@example.com, phone +5531991234567)",
                plan.steps().get(2).label().en());
    }

    @Test
    void aBuyerFoundByEmailWithAnOpenLeadIsPlannedAsThatLeadsUpdateAndTheRunUpdatesTheSameLead() {
        Map<String, Value> in = input("Maria - Curso", "100");
        in.put("contact.email", Value.text("MARIA.SILVA@example.com"));

        ActionPlan plan = plan(in);

        assertEquals(List.of("Procurar contato pelo e-mail maria.silva@example.com → encontrado: contato " + maria + " (Maria Silva)",
                "Procurar lead aberto do contato " + maria + " (Maria Silva) no funil 'Funil de vendas' → encontrado: lead " + openLead
                        + " 'Maria - aberto'"), steps(plan, PlannedStep.Kind.LOOKUP));
        assertEquals(List.of("Atualizar o lead " + openLead + " (aberto, etapa 'Contato inicial'): nome 'Maria - Curso', "
                + "valor R$ 100,00, tags somadas Hotmart, Venda aprovada"), steps(plan, PlannedStep.Kind.WRITE));
        assertEquals(Long.toString(openLead), run(in).get("lead.id").text());
    }

    @Test
    void aBuyerFoundByPhoneWhoseOnlyLeadIsLostIsPlannedAsANewLeadLinkedToThatContact() {
        Map<String, Value> in = input("João - novo", "10.49");
        in.put("contact.phone", Value.text("21 9876-5432"));
        in.put("contact.match", Value.text("phone"));

        ActionPlan plan = plan(in);

        assertEquals(List.of("Procurar contato pelo telefone +5521998765432 → encontrado: contato " + joao + " (João Souza)",
                "Procurar lead aberto do contato " + joao + " (João Souza) no funil 'Funil de vendas' → nenhum (ganhos e perdidos não contam)"),
                steps(plan, PlannedStep.Kind.LOOKUP));
        assertEquals(List.of("Criar o lead 'João - novo' no funil 'Funil de vendas', primeira etapa: valor R$ 10,49 (R$ 10,00 na Kommo), "
                + "tags Hotmart, Venda aprovada, ligado ao contato " + joao + " (João Souza)"), steps(plan, PlannedStep.Kind.WRITE));
        FieldValues out = run(in);
        assertEquals(Long.toString(joao), out.get("contact.id").text());
        assertEquals(new Value.Bool(true), out.get("lead.created"));
    }

    @Test
    void findOrCreateCompanyPlansTheLinkOfTheCompanyFoundByName() {
        Map<String, Value> in = input("Maria - Boreal", "100");
        in.put("contact.email", Value.text("maria.silva@example.com"));
        in.put("company.mode", Value.text("find_or_create"));
        in.put("company.name", Value.text(" vidraria boreal"));

        ActionPlan plan = plan(in);

        assertTrue(steps(plan, PlannedStep.Kind.LOOKUP).contains(
                "Procurar empresa pelo nome 'vidraria boreal' → encontrada: empresa " + boreal), plan.toString());
        List<String> writes = steps(plan, PlannedStep.Kind.WRITE);
        assertEquals(3, writes.size(), writes.toString());
        assertTrue(writes.get(0).startsWith("Atualizar o lead " + openLead + " "), writes.get(0));
        assertEquals("Ligar a empresa " + boreal + " ao lead " + openLead, writes.get(1));
        assertEquals("Ligar a empresa " + boreal + " ao contato " + maria + " (Maria Silva)", writes.get(2));
        assertEquals(Long.toString(boreal), run(in).get("company.id").text());
    }

    @Test
    void findOrCreateCompanyWithANewNameAndANewBuyerPlansEverythingInOneLead() {
        Map<String, Value> in = input("Pedro", "50");
        in.put("contact.name", Value.text("Pedro Álvares"));
        in.put("contact.email", Value.text("pedro@example.com"));
        in.put("company.name", Value.text("Nova Empresa Ltda"));

        ActionPlan plan = plan(in);

        assertTrue(steps(plan, PlannedStep.Kind.LOOKUP).contains(
                "Procurar empresa pelo nome 'Nova Empresa Ltda' → nenhuma encontrada"), plan.toString());
        List<String> writes = steps(plan, PlannedStep.Kind.WRITE);
        assertEquals(1, writes.size(), writes.toString());
        assertTrue(writes.get(0).endsWith("com o novo contato 'Pedro Álvares' (e-mail pedro@example.com) e a nova empresa 'Nova Empresa Ltda'"),
                writes.get(0));
    }

    @Test
    void alwaysCreateCompanyPlansANewCompanyLinkedToTheUpdatedLeadAndItsContact() {
        Map<String, Value> in = input("Maria - outra", "100");
        in.put("contact.email", Value.text("maria.silva@example.com"));
        in.put("company.mode", Value.text("always_create"));
        in.put("company.name", Value.text("Vidraria Boreal"));

        ActionPlan plan = plan(in);

        List<String> writes = steps(plan, PlannedStep.Kind.WRITE);
        assertEquals("Criar a empresa 'Vidraria Boreal'", writes.get(0));
        assertTrue(writes.get(1).startsWith("Atualizar o lead " + openLead), writes.get(1));
        assertEquals("Ligar a nova empresa 'Vidraria Boreal' ao lead " + openLead, writes.get(2));
        assertEquals("Ligar a nova empresa 'Vidraria Boreal' ao contato " + maria + " (Maria Silva)", writes.get(3));
        assertTrue(steps(plan, PlannedStep.Kind.LOOKUP).stream().noneMatch(s -> s.contains("empresa")), plan.toString());
    }

    @Test
    void aContactThatLacksThePhoneIsPlannedToBeCompletedBeforeItsLeadIsUpdated() {
        Map<String, Value> in = input("Maria", "100");
        in.put("contact.email", Value.text("maria.silva@example.com"));
        in.put("contact.phone", Value.text("11 3333-4444"));

        List<String> writes = steps(plan(in), PlannedStep.Kind.WRITE);

        assertEquals("Completar o contato " + maria + " (Maria Silva): acrescentar telefone +551133334444", writes.get(0));
        assertTrue(writes.get(1).startsWith("Atualizar o lead " + openLead), writes.get(1));
    }

    @Test
    void aFailureWhileReadingEndsThePlanAfterTheStepsWorkedOutBeforeIt() {
        Map<String, Value> in = input("Maria", "100");
        in.put("contact.email", Value.text("maria.silva@example.com"));
        in.put("lead_custom_fields.field_999999", Value.text("x"));

        ActionPlan plan = plan(in);

        Failure failure = plan.stoppedBy().orElseThrow();
        assertEquals(Failure.Kind.PERMANENT, failure.kind());
        assertTrue(failure.message().contains("999999"), failure.message());
        assertEquals(1, plan.steps().size(), plan.toString());
    }

    @Test
    void theReadOnlyClientRefusesWritesBeforeSendingThem() {
        KommoClient kommo = KommoClient.readOnly(connection());
        long since = sim.lastSeq();

        assertThrows(IllegalStateException.class, () -> kommo.post("/api/v4/leads", SimFixture.JSON.createArrayNode()));
        assertThrows(IllegalStateException.class, () -> kommo.patch("/api/v4/leads/" + openLead, SimFixture.JSON.createObjectNode()));
        assertThrows(IllegalStateException.class, () -> kommo.delete("/api/v4/leads/" + openLead, null));
        assertEquals(List.of(), sim.requests(since));
    }
}
