package app.ponte.mapping;

import static app.ponte.mapping.Catalogs.PURCHASE_APPROVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.api.field.FieldValues;
import app.ponte.mapping.Filter.Condition;
import app.ponte.mapping.Filter.Operator;
import app.ponte.mapping.MappingError.Code;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Save-time checks of filters against the real Hotmart "Venda aprovada" catalog. */
class FilterValidatorTest {

    private static List<FilterProblem> validate(Condition... conditions) {
        return FilterValidator.validate(Filter.all(conditions), PURCHASE_APPROVED);
    }

    private static FilterProblem onlyProblem(String field, String operator, String value) {
        List<FilterProblem> problems = validate(Condition.of(field, Operator.fromJson(operator), value));
        assertEquals(1, problems.size(), problems::toString);
        FilterProblem problem = problems.get(0);
        assertEquals(0, problem.index());
        assertEquals(field, problem.field());
        assertTrue(problem.error().pt().startsWith("Condição 1"), problem.error().pt());
        assertTrue(problem.error().en().startsWith("Condition 1"), problem.error().en());
        assertEquals(MappingError.NO_POSITION, problem.error().position());
        return problem;
    }

    @Test
    void acceptsTheFiltersPeopleWrite() {
        assertEquals(List.of(), validate(
                Condition.of("product.id", Operator.EQUALS, "123"),
                Condition.of("purchase.full_price.value", Operator.GREATER_THAN, "R$ 100"),
                Condition.of("purchase.full_price.value", Operator.LESS_OR_EQUAL, "1.234,56"),
                Condition.of("purchase.payment.installments_number", Operator.GREATER_OR_EQUAL, "2"),
                Condition.of("purchase.order_date", Operator.LESS_THAN, "31/12/2025"),
                Condition.of("purchase.approved_date_br", Operator.EQUALS, "2025-03-14"),
                Condition.of("purchase.order_bump.is_order_bump", Operator.EQUALS, "não"),
                Condition.of("buyer.address.city", Operator.CONTAINS, "são paulo"),
                Condition.of("buyer.email", Operator.ENDS_WITH, "@gmail.com"),
                Condition.of("purchase.offer.coupon_code", Operator.IS_EMPTY),
                Condition.of("affiliate.code", Operator.IS_NOT_EMPTY, "ignored for is_not_empty")));
        assertEquals(List.of(), FilterValidator.validate(Filter.NONE, PURCHASE_APPROVED));
    }

    @Test
    void rejectsAFieldTheTriggerDoesNotHaveAndSuggestsSimilarOnes() {
        FilterProblem problem = onlyProblem("full_price.value", "greater_than", "100");

        assertEquals(Code.UNKNOWN_FIELD, problem.code());
        assertEquals("Condição 1 (full_price.value): o gatilho não tem o campo full_price.value. Escolha um campo da lista do gatilho "
                + "(talvez purchase.price.value, purchase.original_offer_price.value, purchase.full_price.value).", problem.error().pt());
        assertTrue(problem.error().en().contains("the trigger has no field full_price.value"), problem.error().en());
    }

    @Test
    void rejectsAConditionWithoutField() {
        List<FilterProblem> problems = validate(Condition.of(" ", Operator.IS_EMPTY));

        assertEquals(1, problems.size());
        assertEquals(Code.UNKNOWN_FIELD, problems.get(0).code());
        assertEquals("Condição 1: escolha um campo do gatilho.", problems.get(0).error().pt());
        assertEquals("Condition 1: pick a field of the trigger.", problems.get(0).error().en());
    }

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource({
            "product.name, greater_than, 10, texto",
            "product.id, less_or_equal, 10, texto",
            "purchase.full_price.value, contains, 10, valor em dinheiro",
            "purchase.payment.installments_number, starts_with, 1, número",
            "purchase.order_date, ends_with, 2025, data",
            "purchase.order_bump.is_order_bump, greater_than, 0, sim ou não",
            "purchase.order_bump.is_order_bump, not_contains, sim, sim ou não"})
    void rejectsAnOperatorThatDoesNotApplyToTheFieldsKind(String field, String operator, String value, String kindPt) {
        FilterProblem problem = onlyProblem(field, operator, value);

        assertEquals(Code.OPERATOR_NOT_APPLICABLE, problem.code());
        String label = PURCHASE_APPROVED.output(field).orElseThrow().label().pt();
        assertTrue(problem.error().pt().startsWith("Condição 1 (" + label + ", " + field + "): \""), problem.error().pt());
        assertTrue(problem.error().pt().contains("não se aplica a " + kindPt + ". Para " + kindPt + " use: é igual a"), problem.error().pt());
    }

    @Test
    void namesTheOperatorsThatDoApply() {
        FilterProblem problem = onlyProblem("product.name", "greater_than", "10");

        assertEquals("Condition 1 (Product: name, product.name): \"is greater than\" does not apply to text. For text use: equals, "
                + "does not equal, contains, does not contain, starts with, ends with, is empty, is not empty.", problem.error().en());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t"})
    void rejectsAMissingValueForAnOperatorThatNeedsOne(String value) {
        FilterProblem problem = onlyProblem("product.id", "equals", value);

        assertEquals(Code.VALUE_MISSING, problem.code());
        assertEquals("Condição 1 (Produto: Código, product.id): \"é igual a\" precisa de um valor para comparar.", problem.error().pt());
        assertEquals("Condition 1 (Product: code, product.id): \"equals\" needs a value to compare with.", problem.error().en());
    }

    @Test
    void rejectsTextThatIsOnlyAccentMarks() {
        assertEquals(Code.VALUE_MISSING, onlyProblem("product.name", "contains", "\u0301").code());
    }

    @ParameterizedTest(name = "{1} \"{2}\" on {0} → {3}")
    @CsvSource(delimiter = '|', value = {
            "purchase.full_price.value | greater_than | cem reais | INVALID_NUMBER",
            "purchase.full_price.value | greater_than | 5.678 | INVALID_NUMBER",
            "purchase.full_price.value | equals | 10,00,00 | INVALID_NUMBER",
            "purchase.payment.installments_number | less_than | três | INVALID_NUMBER",
            "purchase.order_date | greater_than | 31/02/2025 | INVALID_DATE",
            "purchase.order_date | greater_than | 12345 | INVALID_DATE",
            "purchase.order_date | less_than | ontem | INVALID_DATE",
            "purchase.approved_date_br | equals | 2025-13-01 | INVALID_DATE",
            "purchase.order_bump.is_order_bump | equals | talvez | INVALID_BOOLEAN"})
    void rejectsAValueThatIsNotOfTheFieldsKind(String field, String operator, String value, Code code) {
        FilterProblem problem = onlyProblem(field, operator, value);

        assertEquals(code, problem.code());
        assertFalse(problem.error().pt().contains(value), "messages never repeat the value");
        assertFalse(problem.error().en().contains(value), "messages never repeat the value");
    }

    @Test
    void explainsAnAmbiguousNumber() {
        assertEquals("Condição 1 (Valor total da venda, purchase.full_price.value): o número é ambíguo (milhar ou decimal?). "
                + "Escreva 1234, 1.234,00 ou 1234.00.", onlyProblem("purchase.full_price.value", "greater_than", "1.234").error().pt());
    }

    @Test
    void rejectsAValueLongerThan500Characters() {
        assertEquals(List.of(), validate(Condition.of("product.name", Operator.CONTAINS, "a".repeat(500))));

        FilterProblem problem = onlyProblem("product.name", "contains", "a".repeat(501));

        assertEquals(Code.VALUE_TOO_LONG, problem.code());
        assertEquals("Condição 1 (Produto: Nome, product.name): o valor tem 501 caracteres; o máximo é 500.", problem.error().pt());
    }

    @Test
    void rejectsMoreThan20Conditions() {
        List<Condition> twenty = IntStream.range(0, 20).mapToObj(i -> Condition.of("product.id", Operator.NOT_EQUALS, "" + i)).toList();
        assertEquals(List.of(), FilterValidator.validate(Filter.any(twenty.toArray(Condition[]::new)), PURCHASE_APPROVED));

        List<Condition> more = new ArrayList<>(twenty);
        more.add(Condition.of("product.id", Operator.EQUALS, "x"));
        List<FilterProblem> problems = FilterValidator.validate(new Filter(Filter.Match.ANY, more), PURCHASE_APPROVED);

        assertEquals(1, problems.size());
        assertEquals(Code.TOO_MANY_CONDITIONS, problems.get(0).code());
        assertEquals(FilterProblem.WHOLE_FILTER, problems.get(0).index());
        assertEquals("", problems.get(0).field());
        assertEquals("O filtro tem 21 condições; o máximo é 20. Remova algumas.", problems.get(0).error().pt());
    }

    @Test
    void reportsEveryBadConditionByItsNumber() {
        List<FilterProblem> problems = validate(
                Condition.of("product.id", Operator.EQUALS, "123"),
                Condition.of("product.name", Operator.LESS_THAN, "b"),
                Condition.of("product.id", Operator.EQUALS, "456"),
                Condition.of("buyer.phone", Operator.IS_EMPTY));

        assertEquals(List.of(1, 3), problems.stream().map(FilterProblem::index).toList());
        assertEquals(List.of("product.name", "buyer.phone"), problems.stream().map(FilterProblem::field).toList());
        assertTrue(problems.get(0).error().pt().startsWith("Condição 2 (Produto: Nome, product.name)"));
        assertTrue(problems.get(1).error().en().startsWith("Condition 4 (buyer.phone)"));
    }

    @Test
    void theEngineRefusesTheSameConditionsWithTheSameWords() {
        Filter filter = Filter.any(
                Condition.of("product.name", Operator.GREATER_THAN, "10"),
                Condition.of("purchase.full_price.value", Operator.EQUALS, "cem"),
                Condition.of("purchase.order_date", Operator.EQUALS, ""),
                Condition.of("purchase.order_bump.is_order_bump", Operator.EQUALS, "talvez"));

        FilterResult result = FilterEngine.matches(filter, Catalogs.firstSample(PURCHASE_APPROVED), PURCHASE_APPROVED, RenderContext.brazil());

        assertEquals(FilterValidator.validate(filter, PURCHASE_APPROVED), result.problems());
        assertFalse(result.matched());
        assertFalse(FilterEngine.matches(filter, FieldValues.of(java.util.Map.of()), PURCHASE_APPROVED, RenderContext.brazil())
                .problems().isEmpty(), "an empty event shows the broken conditions too");
    }
}
