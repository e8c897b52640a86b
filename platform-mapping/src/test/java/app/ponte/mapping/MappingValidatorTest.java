package app.ponte.mapping;

import static app.ponte.mapping.Catalogs.CREATE_OR_UPDATE_LEAD;
import static app.ponte.mapping.Catalogs.PURCHASE_APPROVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.mapping.MappingError.Code;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Save-time checks against the real Hotmart "Venda aprovada" and Kommo "Criar ou atualizar lead" catalogs. */
class MappingValidatorTest {

    private static final String NAME = "{{ buyer.name }}";
    private static final String PRICE = "{{ purchase.full_price.value }}";

    /** Problems of a mapping with valid required inputs plus {@code key → template}. */
    private static List<MappingProblem> validateWith(String key, String template) {
        Mapping.Builder builder = Mapping.builder().map("lead.name", NAME).map("lead.price", PRICE);
        builder.map(key, template);
        return MappingValidator.validate(builder.build(), CREATE_OR_UPDATE_LEAD, PURCHASE_APPROVED);
    }

    private static MappingProblem onlyProblem(String key, String template) {
        List<MappingProblem> problems = validateWith(key, template);
        assertEquals(1, problems.size(), () -> problems.stream().map(p -> p.error().en()).toList().toString());
        MappingProblem problem = problems.get(0);
        assertEquals(key, problem.inputKey());
        assertTrue(problem.error().pt().contains(key) || problem.code() == Code.UNKNOWN_INPUT, problem.error().pt());
        assertFalse(problem.error().en().isBlank());
        return problem;
    }

    private static void valid(String key, String template) {
        List<MappingProblem> problems = validateWith(key, template);
        assertEquals(List.of(), problems.stream().map(p -> p.error().en()).toList());
    }

    @Test
    void rejectsInputKeysTheActionDoesNotHave() {
        MappingProblem problem = onlyProblem("lead.owner", NAME);

        assertEquals(Code.UNKNOWN_INPUT, problem.code());
        assertTrue(problem.error().pt().contains("Criar ou atualizar lead não tem a entrada lead.owner"), problem.error().pt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lead_custom_fields.field_123", "contact_custom_fields.field_987654321"})
    void acceptsCustomFieldKeysUnderADynamicChoiceInput(String key) {
        valid(key, "{{ buyer.document | digits }}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lead_custom_fields.abc", "lead_custom_fields.field_", "lead_custom_fields.field_1.x",
            "company_custom_fields.field_1", "lead.pipeline_id.field_1", "lead.name.field_1", "lead_custom_fields"})
    void rejectsKeysThatOnlyLookDynamic(String key) {
        List<MappingProblem> problems = validateWith(key, NAME);

        if (key.equals("lead_custom_fields")) {
            assertEquals(List.of(), problems, "the declared DYNAMIC_CHOICE input itself is an input");
        } else {
            assertEquals(List.of(Code.UNKNOWN_INPUT), problems.stream().map(MappingProblem::code).toList());
        }
    }

    @Test
    void checksTheTemplatesOfDynamicInputsToo() {
        assertEquals(Code.UNKNOWN_FIELD, onlyProblem("lead_custom_fields.field_7", "{{ buyer.cpf }}").code());
        assertEquals(Code.UNTERMINATED_EXPRESSION, onlyProblem("lead_custom_fields.field_7", "{{ buyer.document").code());
    }

    @Test
    void rejectsFieldsTheTriggerDoesNotHaveWithTheirPosition() {
        MappingProblem problem = onlyProblem("contact.name", "Cliente {{ buyer.full_name }}");

        assertEquals(Code.UNKNOWN_FIELD, problem.code());
        assertEquals(8, problem.error().position());
        assertTrue(problem.error().pt().contains("o gatilho não tem o campo buyer.full_name"), problem.error().pt());
    }

    @Test
    void suggestsFieldsWithTheSameLastSegment() {
        MappingProblem problem = onlyProblem("contact.email", "{{ customer.email }}");

        assertTrue(problem.error().pt().contains("talvez buyer.email"), problem.error().pt());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "lead.name;{{ purchase.full_price.value | upper }};upper",
            "lead.name;{{ buyer.name | date:\"dd/MM/yyyy\" }};date",
            "lead.name;{{ purchase.order_date | first_name }};first_name",
            "contact.phone;{{ purchase.order_bump.is_order_bump | phone_ddd }};phone_ddd",
            "lead.tags;{{ buyer.name | money }};money",
            "lead.tags;{{ purchase.order_date | date:\"dd/MM/yyyy\" | number }};number"})
    void rejectsTransformsThatDoNotApplyToTheValue(String key, String template, String transform) {
        List<MappingProblem> problems = MappingValidator.validate(Mapping.builder().map("lead.name", NAME).map("lead.price", PRICE)
                .map(key, template).build(), CREATE_OR_UPDATE_LEAD, PURCHASE_APPROVED);

        assertEquals(1, problems.size(), problems.toString());
        MappingProblem problem = problems.get(0);
        assertEquals(Code.TRANSFORM_NOT_APPLICABLE, problem.code());
        assertTrue(problem.error().pt().contains(transform + " não se aplica"), problem.error().pt());
        assertTrue(problem.error().position() > 0);
    }

    @Test
    void tracksTypesThroughTransformChains() {
        valid("lead.tags", "{{ purchase.order_date | date:\"dd/MM/yyyy\" | prefix:\"pedido-\" | upper }}");
        valid("lead.tags", "{{ purchase.full_price.value | money | replace:\"R$ \",\"\" }}");
    }

    @Test
    void requiresTemplatesForRequiredInputs() {
        List<MappingProblem> problems = MappingValidator.validate(Mapping.builder().map("lead.name", "   ").build(),
                CREATE_OR_UPDATE_LEAD, PURCHASE_APPROVED);

        assertEquals(List.of("lead.name", "lead.price"), problems.stream().map(MappingProblem::inputKey).toList());
        assertTrue(problems.stream().allMatch(p -> p.code() == Code.REQUIRED_INPUT_MISSING));
        assertTrue(problems.get(1).error().pt().startsWith("Valor da venda (lead.price) é obrigatório"));
        assertTrue(problems.get(1).error().en().startsWith("Sale amount (lead.price) is required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "phone", "Pelo telefone", "by e-mail", "always_create"})
    void acceptsChoiceValuesAndLabelsWrittenAsText(String text) {
        valid("contact.match", text);
    }

    @Test
    void rejectsWrittenTextThatIsNotAChoice() {
        MappingProblem problem = onlyProblem("contact.match", "por email");

        assertEquals(Code.INVALID_CHOICE, problem.code());
        assertTrue(problem.error().pt().contains("email (Pelo e-mail)"), problem.error().pt());
    }

    @Test
    void checksOtherWrittenValuesAgainstTheirInputType() {
        valid("lead.price", "R$ 1.500,00");
        assertEquals(Code.INVALID_NUMBER, onlyProblem("lead.price", "mil reais").code());
        assertEquals(Code.INVALID_EMAIL, onlyProblem("contact.email", "ninguém").code());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "lead.price;{{ purchase.order_bump.is_order_bump }}",
            "lead.price;{{ product.name }}",
            "lead.price;{{ purchase.order_date }}",
            "lead.price;{{ purchase.full_price.value | number }}",
            "contact.email;{{ purchase.full_price.value }}",
            "contact.match;{{ purchase.order_date }}",
            "lead.pipeline_id;{{ purchase.order_bump.is_order_bump }}"})
    void rejectsSingleFieldsThatCanNeverBecomeTheInputType(String key, String template) {
        MappingProblem problem = onlyProblem(key, template);

        assertEquals(Code.INCOMPATIBLE_TYPE, problem.code());
        assertTrue(problem.error().pt().contains(" recebe "), problem.error().pt());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "lead.price;{{ purchase.price.value }}",
            "lead.price;{{ commissions.producer }}",
            "lead.price;{{ purchase.installments_number_that_does_not_exist | default:\"0\" }}",
            "lead.name;{{ purchase.full_price.value }}",
            "lead.name;{{ purchase.order_date }}",
            "contact.phone;{{ buyer.checkout_phone.number }}",
            "lead.pipeline_id;{{ product.id }}",
            "contact.match;{{ purchase.status }}"})
    void acceptsFieldsThatCanBecomeTheInputType(String key, String template) {
        List<MappingProblem> problems = validateWith(key, template);

        assertTrue(problems.stream().noneMatch(p -> p.code() == Code.INCOMPATIBLE_TYPE), problems.toString());
    }

    @Test
    void rejectsTextMixedWithFieldsForTypedInputs() {
        MappingProblem problem = onlyProblem("lead.price", "R$ {{ purchase.full_price.value }}");

        assertEquals(Code.TEXT_INTO_TYPED_INPUT, problem.code());
    }

    @Test
    void reportsParseErrorsUnderTheirInput() {
        MappingProblem problem = onlyProblem("lead.tags", "Hotmart, {{ purchase.status ");

        assertEquals(Code.UNTERMINATED_EXPRESSION, problem.code());
        assertEquals(9, problem.error().position());
        assertTrue(problem.error().pt().startsWith("Tags (lead.tags): O {{ aberto"), problem.error().pt());
        assertTrue(problem.error().en().startsWith("Tags (lead.tags): The {{ opened"), problem.error().en());
    }

    @Test
    void reportsEveryProblemOfAMappingInInputOrder() {
        Mapping mapping = Mapping.builder()
                .map("lead.tags", "{{ buyer.name | shout }}")
                .map("contact.email", "{{ purchase.full_price.value }}")
                .map("lead.owner", "x")
                .build();

        List<MappingProblem> problems = MappingValidator.validate(mapping, CREATE_OR_UPDATE_LEAD, PURCHASE_APPROVED);

        assertEquals(List.of("lead.name", "lead.price", "contact.email", "lead.tags", "lead.owner"),
                problems.stream().map(MappingProblem::inputKey).toList());
    }
}
