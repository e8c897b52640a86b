package app.ponte.mapping;

import static app.ponte.mapping.Catalogs.CREATE_OR_UPDATE_LEAD;
import static app.ponte.mapping.Catalogs.DEFAULT_MAPPING;
import static app.ponte.mapping.Catalogs.PURCHASE_APPROVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.api.action.ActionInput;
import app.ponte.api.field.FieldValues;
import app.ponte.api.field.Value;
import app.ponte.api.trigger.TriggerEvent;
import app.ponte.mapping.MappingError.Code;
import app.ponte.mapping.MappingPreview.InputPreview;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real "Venda aprovada" samples mapped into Kommo's "Criar ou atualizar lead". */
class HotmartToKommoMappingTest {

    private static final RenderContext BRAZIL = RenderContext.brazil();
    private static final FieldValues SAMPLE = Catalogs.firstSample(PURCHASE_APPROVED);

    private static FieldValues sampleWith(String key, Value value) {
        return SAMPLE.with(FieldValues.of(Map.of(key, value)));
    }

    private static ActionInput applyOk(Mapping mapping, FieldValues event) {
        MappingResult result = MappingEngine.apply(mapping, CREATE_OR_UPDATE_LEAD, PURCHASE_APPROVED, event, BRAZIL);
        if (result instanceof MappingResult.Invalid invalid) {
            throw new AssertionError(invalid.problems().stream().map(p -> p.error().en()).toList());
        }
        return ((MappingResult.Ok) result).input();
    }

    private static List<MappingProblem> applyFails(Mapping mapping, FieldValues event) {
        return assertInstanceOf(MappingResult.Invalid.class,
                MappingEngine.apply(mapping, CREATE_OR_UPDATE_LEAD, PURCHASE_APPROVED, event, BRAZIL)).problems();
    }

    @Test
    void defaultMappingPassesSaveTimeValidation() {
        assertEquals(List.of(), MappingValidator.validate(DEFAULT_MAPPING, CREATE_OR_UPDATE_LEAD, PURCHASE_APPROVED));
    }

    @Test
    void defaultMappingTurnsTheApprovedSaleSampleIntoTypedLeadInput() {
        ActionInput input = applyOk(DEFAULT_MAPPING, SAMPLE);

        assertEquals("Marina Tavares Lobo", input.text("lead.name"));
        assertEquals(Value.money(new BigDecimal("536.76"), "BRL"), input.values().get("lead.price"));
        assertEquals(new BigDecimal("536.76"), input.optionalDecimal("lead.price").orElseThrow());
        assertEquals("email_then_phone", input.text("contact.match"));
        assertEquals("Marina Tavares Lobo", input.text("contact.name"));
        assertEquals("marina.lobo@example.com", input.text("contact.email"));
        assertEquals("+55 21 987651234", input.text("contact.phone"));
        assertEquals("Hotmart, Venda aprovada", input.text("lead.tags"));
        assertTrue(input.optionalText("company.name").isEmpty());
        assertFalse(input.values().asMap().containsKey("lead.pipeline_id"), "unmapped inputs are left out");
    }

    @Test
    void everyApprovedSaleSampleMapsWithoutProblems() {
        List<TriggerEvent> events = Catalogs.sampleEvents(PURCHASE_APPROVED);

        assertFalse(events.isEmpty());
        for (TriggerEvent event : events) {
            ActionInput input = applyOk(DEFAULT_MAPPING, event.values());
            assertFalse(input.text("lead.name").isBlank(), event.dedupKey());
            assertInstanceOf(Value.Money.class, input.values().get("lead.price"));
        }
    }

    @Test
    void previewShowsEveryInputWithItsRenderedTextAndValue() {
        MappingPreview preview = MappingEngine.preview(DEFAULT_MAPPING, CREATE_OR_UPDATE_LEAD, PURCHASE_APPROVED, SAMPLE, BRAZIL);

        assertTrue(preview.isOk());
        assertEquals(CREATE_OR_UPDATE_LEAD.inputs().stream().map(f -> f.key()).toList(),
                preview.inputs().stream().map(InputPreview::key).toList());
        InputPreview price = preview.input("lead.price").orElseThrow();
        assertEquals("536.76", price.text());
        assertEquals("Valor da venda", price.label().pt());
        assertTrue(price.required());
        assertEquals(Value.money(new BigDecimal("536.76"), "BRL"), price.value());
        InputPreview pipeline = preview.input("lead.pipeline_id").orElseThrow();
        assertTrue(pipeline.template().isEmpty());
        assertTrue(pipeline.value().isEmpty());
        assertTrue(pipeline.error().isEmpty());
    }

    @Test
    void mixedTemplatesRenderTheSampleInTheWorkspaceZone() {
        Instant ordered = ((Value.Timestamp) SAMPLE.get("purchase.order_date")).instant();
        Mapping mapping = Mapping.builder()
                .map("lead.name", "Venda {{ product.name }} — {{ buyer.name | first_name }} ({{ purchase.order_date | date:\"dd/MM/yyyy\" }})")
                .map("lead.price", "{{ purchase.full_price.value }}")
                .map("contact.name", "{{ buyer.name | capitalize }}")
                .build();

        ActionInput input = applyOk(mapping, SAMPLE);

        String day = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(ordered.atZone(RenderContext.DEFAULT_ZONE));
        assertEquals("Venda " + SAMPLE.get("product.name").text() + " — Marina (" + day + ")", input.text("lead.name"));
        assertEquals("Marina Tavares Lobo", input.text("contact.name"));
    }

    @Test
    void lateNightOrderRendersThePreviousDayInSaoPaulo() {
        FieldValues event = sampleWith("purchase.order_date", Value.timestamp(Instant.parse("2025-03-01T02:30:00Z")));
        Mapping mapping = Mapping.builder()
                .map("lead.name", "Pedido de {{ purchase.order_date | date:\"dd/MM/yyyy\" }}")
                .map("lead.price", "{{ purchase.full_price.value }}")
                .build();

        assertEquals("Pedido de 28/02/2025", applyOk(mapping, event).text("lead.name"));
    }

    @Test
    void choiceLabelsBecomeTheirValues() {
        Mapping mapping = Mapping.builder()
                .map("lead.name", "{{ buyer.name }}")
                .map("lead.price", "{{ purchase.full_price.value }}")
                .map("contact.match", "Pelo e-mail")
                .map("company.mode", "Don't touch companies")
                .build();

        ActionInput input = applyOk(mapping, SAMPLE);

        assertEquals("email", input.text("contact.match"));
        assertEquals("none", input.text("company.mode"));
    }

    @Test
    void dynamicCustomFieldInputsPassTheirTypedValueThrough() {
        Mapping mapping = Mapping.builder()
                .map("lead.name", "{{ buyer.name }}")
                .map("lead.price", "{{ purchase.full_price.value }}")
                .map("contact_custom_fields.field_552", "{{ buyer.document }}")
                .map("lead_custom_fields.field_901", "{{ purchase.order_date }}")
                .build();

        MappingPreview preview = MappingEngine.preview(mapping, CREATE_OR_UPDATE_LEAD, PURCHASE_APPROVED, SAMPLE, BRAZIL);
        ActionInput input = applyOk(mapping, SAMPLE);

        assertEquals("52814736019", input.text("contact_custom_fields.field_552"));
        assertEquals(SAMPLE.get("purchase.order_date"), input.values().get("lead_custom_fields.field_901"));
        InputPreview dynamic = preview.input("lead_custom_fields.field_901").orElseThrow();
        assertTrue(dynamic.dynamic());
        assertEquals("Campos personalizados do lead #901", dynamic.label().pt());
    }

    @Test
    void requiredInputThatRendersEmptyStopsTheRunNamingTheInput() {
        List<MappingProblem> problems = applyFails(DEFAULT_MAPPING, sampleWith("buyer.name", Value.empty()));

        assertEquals(1, problems.size());
        MappingProblem problem = problems.get(0);
        assertEquals("lead.name", problem.inputKey());
        assertEquals(Code.REQUIRED_INPUT_EMPTY, problem.code());
        assertTrue(problem.error().pt().contains("Nome do lead (lead.name) é obrigatório"), problem.error().pt());
        assertTrue(problem.error().pt().contains("buyer.name"), problem.error().pt());
    }

    @Test
    void defaultRescuesAnEmptyRequiredField() {
        Mapping mapping = Mapping.builder()
                .map("lead.name", "{{ buyer.name | default:\"Comprador Hotmart\" }}")
                .map("lead.price", "{{ purchase.full_price.value | default:\"0\" }}")
                .build();

        ActionInput input = applyOk(mapping, sampleWith("buyer.name", Value.empty()).with(
                FieldValues.of(Map.of("purchase.full_price.value", Value.empty()))));

        assertEquals("Comprador Hotmart", input.text("lead.name"));
        assertEquals(Value.money(BigDecimal.ZERO, null), input.values().get("lead.price"));
    }

    @Test
    void valueThatDoesNotFitItsInputIsAProblemAtRunTime() {
        Mapping mapping = Mapping.builder()
                .map("lead.name", "{{ buyer.name }}")
                .map("lead.price", "{{ purchase.full_price.value }}")
                .map("contact.email", "{{ buyer.name }}")
                .build();

        List<MappingProblem> problems = applyFails(mapping, SAMPLE);

        assertEquals(List.of("contact.email"), problems.stream().map(MappingProblem::inputKey).toList());
        assertEquals(Code.INVALID_EMAIL, problems.get(0).code());
        InputPreview email = MappingEngine.preview(mapping, CREATE_OR_UPDATE_LEAD, PURCHASE_APPROVED, SAMPLE, BRAZIL)
                .input("contact.email").orElseThrow();
        assertEquals("Marina Tavares Lobo", email.text());
        assertTrue(email.value().isEmpty());
    }

    @Test
    void missingRequiredTemplateAndUnknownKeysStopTheRun() {
        Mapping mapping = Mapping.builder()
                .map("lead.name", "{{ buyer.name }}")
                .map("lead.owner", "{{ buyer.name }}")
                .build();

        List<MappingProblem> problems = applyFails(mapping, SAMPLE);

        assertEquals(List.of("lead.price", "lead.owner"), problems.stream().map(MappingProblem::inputKey).toList());
        assertEquals(List.of(Code.REQUIRED_INPUT_MISSING, Code.UNKNOWN_INPUT), problems.stream().map(MappingProblem::code).toList());
    }

    @Test
    void templateThatDoesNotParseIsAProblemOfItsInput() {
        Mapping mapping = Mapping.builder()
                .map("lead.name", "{{ buyer.name | shout }}")
                .map("lead.price", "{{ purchase.full_price.value }}")
                .build();

        MappingProblem problem = applyFails(mapping, SAMPLE).get(0);

        assertEquals("lead.name", problem.inputKey());
        assertEquals(Code.UNKNOWN_TRANSFORM, problem.code());
        assertEquals(16, problem.error().position());
        assertTrue(problem.error().pt().startsWith("Nome do lead (lead.name): Transformação desconhecida"), problem.error().pt());
    }

    @Test
    void unknownFieldAtRunTimeRendersEmpty() {
        Mapping mapping = Mapping.builder()
                .map("lead.name", "{{ buyer.name }}{{ buyer.nickname }}")
                .map("lead.price", "{{ purchase.full_price.value }}")
                .map("company.name", "{{ buyer.company }}")
                .build();

        ActionInput input = applyOk(mapping, SAMPLE);

        assertEquals("Marina Tavares Lobo", input.text("lead.name"));
        assertTrue(input.optionalText("company.name").isEmpty());
    }
}
