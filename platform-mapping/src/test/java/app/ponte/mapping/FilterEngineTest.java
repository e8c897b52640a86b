package app.ponte.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.api.Label;
import app.ponte.api.field.Choice;
import app.ponte.api.field.Field;
import app.ponte.api.field.FieldType;
import app.ponte.api.field.FieldValues;
import app.ponte.api.field.Value;
import app.ponte.api.trigger.TriggerDefinition;
import app.ponte.mapping.Filter.Condition;
import app.ponte.mapping.Filter.Match;
import app.ponte.mapping.Filter.Operator;
import app.ponte.mapping.FilterResult.ConditionOutcome;
import app.ponte.mapping.FilterResult.Outcome;
import app.ponte.mapping.MappingError.Code;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Every operator on every value kind, against a trigger with one field of each type. */
class FilterEngineTest {

    static final TriggerDefinition TRIGGER = TriggerDefinition.webhook("sale", Label.of("Venda", "Sale"), Label.of("Uma venda", "A sale"))
            .outputs(List.of(
                    Field.of("city", FieldType.TEXT, "Cidade", "City"),
                    Field.of("product.id", FieldType.IDENTIFIER, "Produto: Código", "Product: code"),
                    Field.of("buyer.email", FieldType.EMAIL, "Comprador: E-mail", "Buyer: e-mail"),
                    Field.choice("plan", "Plano", "Plan", List.of(Choice.of("monthly", "Mensal", "Monthly"),
                            Choice.of("yearly", "Anual", "Yearly"))),
                    Field.of("installments", FieldType.INTEGER, "Parcelas", "Installments"),
                    Field.of("rate", FieldType.NUMBER, "Taxa", "Rate"),
                    Field.of("total", FieldType.MONEY, "Valor total", "Total"),
                    Field.of("fee", FieldType.MONEY, "Tarifa", "Fee"),
                    Field.of("ordered_at", FieldType.DATE_TIME, "Data do pedido", "Order date"),
                    Field.of("ordered_on", FieldType.DATE, "Dia do pedido", "Order day"),
                    Field.of("order_bump", FieldType.BOOLEAN, "Order bump", "Order bump"),
                    Field.of("coupon", FieldType.TEXT, "Cupom", "Coupon"),
                    Field.of("discount", FieldType.MONEY, "Desconto", "Discount"),
                    Field.of("paid_at", FieldType.DATE_TIME, "Data do pagamento", "Payment date"),
                    Field.of("first_purchase", FieldType.BOOLEAN, "Primeira compra", "First purchase")))
            .build();

    /** 2025-03-15T02:30:00Z is 14/03/2025 23:30 in São Paulo (UTC−3): the day boundary differs. */
    static final Instant LATE_EVENING = Instant.parse("2025-03-15T02:30:00Z");

    static final FieldValues EVENT = FieldValues.builder()
            .put("city", Value.text("  São   Paulo "))
            .put("product.id", Value.text("4812733"))
            .put("buyer.email", Value.text("maria.souza@example.com"))
            .put("plan", Value.text("monthly"))
            .put("installments", Value.decimal(new BigDecimal("6")))
            .put("rate", Value.decimal(new BigDecimal("2.5")))
            .put("total", Value.money(new BigDecimal("536.76"), "BRL"))
            .put("fee", Value.money(new BigDecimal("100.00"), null))
            .put("ordered_at", Value.timestamp(LATE_EVENING))
            .put("ordered_on", Value.timestamp(LATE_EVENING))
            .put("order_bump", Value.bool(true))
            .put("coupon", Value.empty())
            .put("undeclared", Value.text("Algo"))
            .build();

    static final RenderContext BRAZIL = RenderContext.brazil();

    private static FilterResult run(Filter filter) {
        return FilterEngine.matches(filter, EVENT, TRIGGER, BRAZIL);
    }

    private static ConditionOutcome one(String field, String operator, String value) {
        FilterResult result = run(Filter.all(Condition.of(field, Operator.fromJson(operator), value)));
        assertEquals(1, result.conditions().size());
        return result.conditions().get(0);
    }

    @ParameterizedTest(name = "{0} {1} \"{2}\" → {3}")
    @CsvSource(delimiter = '|', value = {
            // text: case, accents, blanks ignored
            "city | equals | sao paulo | true",
            "city | equals | SÃO PAULO | true",
            "city | equals | '  São    Paulo ' | true",
            "city | equals | São | false",
            "city | not_equals | Rio de Janeiro | true",
            "city | not_equals | sao paulo | false",
            "city | contains | sao | true",
            "city | contains | '  PAUL ' | true",
            "city | contains | rio | false",
            "city | not_contains | rio | true",
            "city | not_contains | Paulo | false",
            "city | starts_with | são | true",
            "city | starts_with | paulo | false",
            "city | ends_with | PAULO | true",
            "city | ends_with | sao | false",
            "city | is_empty | | false",
            "city | is_not_empty | | true",
            // identifiers and e-mails are text too
            "product.id | equals | 4812733 | true",
            "product.id | equals | 123 | false",
            "product.id | not_equals | 123 | true",
            "product.id | starts_with | 481 | true",
            "buyer.email | ends_with | @EXAMPLE.com | true",
            // choice: value or label
            "plan | equals | monthly | true",
            "plan | equals | Mensal | true",
            "plan | equals | MONTHLY | true",
            "plan | not_equals | Anual | true",
            "plan | not_equals | Monthly | false",
            "plan | contains | month | true",
            // whole numbers and numbers, exact
            "installments | equals | 6 | true",
            "installments | equals | '6,00' | true",
            "installments | not_equals | 6 | false",
            "installments | not_equals | 7 | true",
            "installments | greater_than | 5 | true",
            "installments | greater_than | 6 | false",
            "installments | greater_or_equal | 6 | true",
            "installments | greater_or_equal | 7 | false",
            "installments | less_than | 6 | false",
            "installments | less_than | '6,5' | true",
            "installments | less_or_equal | 6 | true",
            "installments | less_or_equal | '5,99' | false",
            "installments | is_not_empty | | true",
            "rate | equals | '2,5' | true",
            "rate | equals | 2.50 | true",
            "rate | greater_than | 2.49 | true",
            "rate | less_than | '2,50' | false",
            // money: amounts, Brazilian formats
            "total | greater_than | 100 | true",
            "total | greater_than | R$ 100 | true",
            "total | greater_than | 'R$ 100,00' | true",
            "total | greater_than | 'R$ 1.234,56' | false",
            "total | less_than | 'R$ 1.234,56' | true",
            "total | equals | '536,76' | true",
            "total | equals | R$ 536.76 | true",
            "total | equals | 536.7600 | true",
            "total | equals | BRL 536.76 | true",
            "total | not_equals | '536,76' | false",
            "total | not_equals | '536,77' | true",
            "total | greater_or_equal | '536,76' | true",
            "total | less_or_equal | '536,75' | false",
            "total | less_or_equal | '536,76' | true",
            "total | greater_than | -10 | true",
            "total | greater_than | $ 100 | true",
            // money in another currency than the condition names: not comparable
            "total | greater_than | US$ 100 | false",
            "total | less_than | € 1000 | false",
            "total | equals | USD 536.76 | false",
            "total | not_equals | USD 536.76 | true",
            // an amount without currency compares amounts only
            "fee | equals | US$ 100 | true",
            "fee | greater_or_equal | 'R$ 100,00' | true",
            // dates: a day without time is that whole day in São Paulo
            "ordered_at | equals | 14/03/2025 | true",
            "ordered_at | equals | 2025-03-14 | true",
            "ordered_at | equals | 15/03/2025 | false",
            "ordered_at | not_equals | 14/03/2025 | false",
            "ordered_at | not_equals | 15/03/2025 | true",
            "ordered_at | less_than | 15/03/2025 | true",
            "ordered_at | greater_or_equal | 15/03/2025 | false",
            "ordered_at | greater_than | 14/03/2025 | false",
            "ordered_at | greater_than | 13/03/2025 | true",
            "ordered_at | greater_or_equal | 14/03/2025 | true",
            "ordered_at | less_than | 14/03/2025 | false",
            "ordered_at | less_or_equal | 14/03/2025 | true",
            "ordered_at | less_or_equal | 13/03/2025 | false",
            // dates with a time: that instant
            "ordered_at | equals | 2025-03-15T02:30:00Z | true",
            "ordered_at | equals | 2025-03-14T23:30:00-03:00 | true",
            "ordered_at | greater_than | 2025-03-15T02:29:59Z | true",
            "ordered_at | greater_than | 2025-03-15T02:30:00Z | false",
            "ordered_at | greater_or_equal | 2025-03-15T02:30:00Z | true",
            "ordered_at | less_than | 14/03/2025 23:30 | false",
            "ordered_at | less_or_equal | 14/03/2025 23:30 | true",
            "ordered_at | less_than | 14/03/2025 23:31 | true",
            "ordered_at | less_than | 2025-03-14T23:31 | true",
            "ordered_on | equals | 14/03/2025 | true",
            "ordered_on | less_than | 15/03/2025 | true",
            // yes/no
            "order_bump | equals | sim | true",
            "order_bump | equals | true | true",
            "order_bump | equals | Yes | true",
            "order_bump | equals | 1 | true",
            "order_bump | equals | Não | false",
            "order_bump | not_equals | nao | true",
            "order_bump | not_equals | sim | false",
            "order_bump | is_empty | | false",
            // empty values: only is_empty matches
            "coupon | is_empty | | true",
            "coupon | is_not_empty | | false",
            "coupon | equals | PROMO | false",
            "coupon | not_equals | PROMO | false",
            "coupon | not_contains | PROMO | false",
            "discount | is_empty | | true",
            "discount | greater_than | 0 | false",
            "discount | less_than | 0 | false",
            "discount | not_equals | 0 | false",
            "paid_at | is_empty | | true",
            "paid_at | less_than | 01/01/2100 | false",
            "paid_at | not_equals | 01/01/2100 | false",
            "first_purchase | is_empty | | true",
            "first_purchase | not_equals | sim | false",
            "first_purchase | is_not_empty | | false",
            // a field the trigger does not declare is typed by its value; absent, it is empty
            "undeclared | contains | alg | true",
            "absent | is_empty | | true",
            "absent | equals | x | false",
            "absent | greater_than | 1 | false"})
    void everyOperatorOnEveryKind(String field, String operator, String value, boolean expected) {
        ConditionOutcome outcome = one(field, operator, value);

        assertEquals(expected ? Outcome.MATCHED : Outcome.NOT_MATCHED, outcome.outcome(), () -> outcome.explanation().pt());
        assertEquals(expected, run(Filter.any(outcome.condition())).matched());
    }

    @Test
    void allNeedsEveryConditionAndAnyNeedsOne() {
        Condition yes = Condition.of("product.id", Operator.EQUALS, "4812733");
        Condition alsoYes = Condition.of("total", Operator.GREATER_THAN, "R$ 100");
        Condition no = Condition.of("city", Operator.EQUALS, "Recife");

        assertTrue(run(Filter.all(yes, alsoYes)).matched());
        assertFalse(run(Filter.all(yes, alsoYes, no)).matched());
        assertTrue(run(Filter.any(no, yes)).matched());
        assertFalse(run(Filter.any(no, Condition.of("coupon", Operator.IS_NOT_EMPTY))).matched());
    }

    @Test
    void everyConditionIsEvaluatedEvenAfterTheOutcomeIsKnown() {
        FilterResult result = run(Filter.all(Condition.of("city", Operator.EQUALS, "Recife"),
                Condition.of("product.id", Operator.EQUALS, "4812733")));

        assertFalse(result.matched());
        assertEquals(List.of(Outcome.NOT_MATCHED, Outcome.MATCHED), result.conditions().stream().map(ConditionOutcome::outcome).toList());
    }

    @ParameterizedTest
    @EnumSource(Match.class)
    void aFilterWithoutConditionsLetsEveryEventThrough(Match match) {
        FilterResult result = FilterEngine.matches(new Filter(match, List.of()), FieldValues.of(Map.of()), TRIGGER, BRAZIL);

        assertTrue(result.matched());
        assertEquals("Filtro sem condições: todo evento passa.", result.explanation().pt());
        assertTrue(run(Filter.NONE).matched());
        assertTrue(Filter.NONE.isEmpty());
    }

    @Test
    void explainsEachConditionWithTheValuesCompared() {
        FilterResult result = run(Filter.all(Condition.of("product.id", Operator.EQUALS, "123"),
                Condition.of("total", Operator.GREATER_THAN, "R$ 100"),
                Condition.of("coupon", Operator.IS_EMPTY)));

        assertEquals("Produto: Código é igual a 123 — não (valor: 4812733)", result.conditions().get(0).explanation().pt());
        assertEquals("Product: code equals 123 — no (value: 4812733)", result.conditions().get(0).explanation().en());
        assertEquals("Valor total é maior que R$ 100 — sim (valor: 536.76 BRL)", result.conditions().get(1).explanation().pt());
        assertEquals("Cupom está vazio — sim (valor: vazio)", result.conditions().get(2).explanation().pt());
        assertEquals("""
                Filtro (todas as condições): não passou — 2 de 3 condições atendidas
                1. Produto: Código é igual a 123 — não (valor: 4812733)
                2. Valor total é maior que R$ 100 — sim (valor: 536.76 BRL)
                3. Cupom está vazio — sim (valor: vazio)""", result.explanation().pt());
        assertTrue(result.explain(java.util.Locale.ENGLISH, true).startsWith("Filter (all conditions): did not pass — 2 of 3 conditions met"));
    }

    @Test
    void explainsDatesInTheWorkspaceZoneWithDateWords() {
        ConditionOutcome outcome = one("ordered_at", "less_than", "15/03/2025");

        assertEquals("Data do pedido é antes de 15/03/2025 — sim (valor: 14/03/2025 23:30:00 (America/Sao_Paulo))",
                outcome.explanation().pt());
        assertEquals("Order date is before 15/03/2025 — yes (value: 14/03/2025 23:30:00 (America/Sao_Paulo))",
                outcome.explanation().en());
        ConditionOutcome utc = FilterEngine.matches(Filter.all(outcome.condition()), EVENT, TRIGGER, RenderContext.of(ZoneId.of("UTC")))
                .conditions().get(0);
        assertEquals(Outcome.NOT_MATCHED, utc.outcome(), "15/03/2025 starts at 00:00 UTC in a UTC workspace");
        assertEquals("Dia do pedido é em ou depois de 14/03/2025 — sim (valor: 14/03/2025)",
                one("ordered_on", "greater_or_equal", "14/03/2025").explanation().pt());
        assertEquals("Order bump é igual a sim — sim (valor: sim)", one("order_bump", "equals", "sim").explanation().pt());
    }

    @Test
    void saysWhenTheCurrencyDiffers() {
        ConditionOutcome outcome = one("total", "greater_than", "US$ 100");

        assertEquals("Valor total é maior que US$ 100 — não (valor: 536.76 BRL; moeda diferente)", outcome.explanation().pt());
        assertEquals("Total is greater than … — no (different currency)", outcome.logExplanation().en());
    }

    @Test
    void logExplanationsCarryNoValueFromTheEventOrTheCondition() {
        FilterResult result = run(Filter.any(Condition.of("buyer.email", Operator.EQUALS, "joana@example.com"),
                Condition.of("city", Operator.CONTAINS, "Paulo"),
                Condition.of("total", Operator.GREATER_THAN, "cem reais"),
                Condition.of("coupon", Operator.IS_EMPTY)));

        String logs = result.logExplanation().pt() + result.logExplanation().en() + result + result.conditions()
                + result.conditions().stream().map(c -> c.condition().toString()).toList();
        for (String secret : List.of("joana", "maria", "example.com", "Paulo", "cem reais", "536")) {
            assertFalse(logs.contains(secret), () -> secret + " leaked: " + logs);
        }
        assertEquals("Comprador: E-mail é igual a … — não", result.conditions().get(0).logExplanation().pt());
        assertEquals("Cupom está vazio — sim", result.conditions().get(3).logExplanation().pt());
        assertTrue(result.explanation().pt().contains("maria.souza@example.com"), "the preview shows the values");
    }

    @Test
    void aConditionTheValidatorWouldRefuseNeverMatches() {
        FilterResult result = run(Filter.any(Condition.of("city", Operator.GREATER_THAN, "A"),
                Condition.of("total", Operator.NOT_EQUALS, "cem reais"),
                Condition.of("order_bump", Operator.EQUALS, null)));

        assertFalse(result.matched(), "a broken filter blocks events instead of letting them all through");
        assertEquals(List.of(Outcome.INVALID, Outcome.INVALID, Outcome.INVALID),
                result.conditions().stream().map(ConditionOutcome::outcome).toList());
        assertEquals(List.of(Code.OPERATOR_NOT_APPLICABLE, Code.INVALID_NUMBER, Code.VALUE_MISSING),
                result.problems().stream().map(FilterProblem::code).toList());
        assertEquals("Cidade é maior que A — condição inválida: \"é maior que\" não se aplica a texto. Para texto use: é igual a, "
                + "não é igual a, contém, não contém, começa com, termina com, está vazio, não está vazio.",
                result.conditions().get(0).explanation().pt());
        assertEquals("Condição 2 (Valor total, total): o valor precisa ser um valor em dinheiro (ex. 100, 100,50, 1.234,56 ou R$ 1.234,56).",
                result.problems().get(1).error().pt());
    }

    @Test
    void anInvalidConditionDoesNotStopAnotherFromMatchingInAny() {
        FilterResult result = run(Filter.any(Condition.of("city", Operator.GREATER_THAN, "A"),
                Condition.of("product.id", Operator.EQUALS, "4812733")));

        assertTrue(result.matched());
        assertEquals(1, result.problems().size());
    }

    @Test
    void aValueOfAnotherTypeThanDeclaredIsComparedByItsOwnKind() {
        FieldValues event = FieldValues.of(Map.of("total", Value.decimal(new BigDecimal("150"))));

        FilterResult result = FilterEngine.matches(Filter.all(Condition.of("total", Operator.GREATER_THAN, "R$ 100")), event, TRIGGER,
                BRAZIL);

        assertTrue(result.matched(), result.explanation().pt());
    }
}
