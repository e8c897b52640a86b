package app.ponte.mapping;

import static app.ponte.mapping.Catalogs.PURCHASE_APPROVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.api.field.FieldValues;
import app.ponte.api.field.Value;
import app.ponte.api.trigger.TriggerEvent;
import app.ponte.mapping.Filter.Condition;
import app.ponte.mapping.Filter.Operator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The examples on the real "Venda aprovada" samples: the first sale is product 4812733 for
 * R$ 536,76 (buyer in Rio de Janeiro, ordered 14/03/2025 11:02 in São Paulo), the second product
 * 5107742 for R$ 59,90 (buyer in São Paulo, ordered 03/03/2025).
 */
class HotmartFiltersTest {

    private static final RenderContext BRAZIL = RenderContext.brazil();
    private static final List<TriggerEvent> SAMPLES = Catalogs.sampleEvents(PURCHASE_APPROVED);

    private static final Condition ONLY_PRODUCT_123 = Condition.of("product.id", Operator.EQUALS, "123");
    private static final Condition ABOVE_100_REAIS = Condition.of("purchase.full_price.value", Operator.GREATER_THAN, "R$ 100");

    /** For each sample, in order, whether {@code filter} lets it through. */
    private static List<Boolean> passing(Filter filter) {
        assertEquals(List.of(), FilterValidator.validate(filter, PURCHASE_APPROVED), "the filter is valid for the trigger");
        return SAMPLES.stream().map(e -> FilterEngine.matches(filter, e.values(), PURCHASE_APPROVED, BRAZIL).matched()).toList();
    }

    @Test
    void theSamplesAreTheTwoSalesTheseTestsDescribe() {
        assertEquals(2, SAMPLES.size());
        assertEquals(Value.text("4812733"), SAMPLES.get(0).values().get("product.id"));
        assertEquals(Value.text("5107742"), SAMPLES.get(1).values().get("product.id"));
    }

    @Test
    void onlyProduct123LetsNoSampleThroughButASaleOfProduct123() {
        assertEquals(List.of(false, false), passing(Filter.all(ONLY_PRODUCT_123)));

        FieldValues product123 = SAMPLES.get(1).values().with(FieldValues.of(Map.of("product.id", Value.text("123"))));
        assertTrue(FilterEngine.matches(Filter.all(ONLY_PRODUCT_123), product123, PURCHASE_APPROVED, BRAZIL).matched());
    }

    @Test
    void onlyOneProductLetsItsSalesThrough() {
        assertEquals(List.of(true, false), passing(Filter.all(Condition.of("product.id", Operator.EQUALS, "4812733"))));
        assertEquals(List.of(false, true), passing(Filter.all(Condition.of("product.id", Operator.EQUALS, " 5107742 "))));
        assertEquals(List.of(false, true), passing(Filter.all(Condition.of("product.id", Operator.NOT_EQUALS, "4812733"))));
    }

    @Test
    void onlyPaymentsAbove100ReaisLetTheBigSaleThrough() {
        assertEquals(List.of(true, false), passing(Filter.all(ABOVE_100_REAIS)));
        assertEquals(List.of(true, false), passing(Filter.all(Condition.of("purchase.full_price.value", Operator.GREATER_THAN, "100,00"))));
        assertEquals(List.of(true, true), passing(Filter.all(Condition.of("purchase.full_price.value", Operator.GREATER_THAN, "59,89"))));
        assertEquals(List.of(true, false), passing(Filter.all(Condition.of("purchase.full_price.value", Operator.GREATER_THAN, "59,90"))));
        assertEquals(List.of(false, true), passing(Filter.all(Condition.of("purchase.full_price.value", Operator.LESS_OR_EQUAL, "R$ 59,90"))));
        assertEquals(List.of(true, false), passing(Filter.all(Condition.of("purchase.full_price.value", Operator.EQUALS, "R$ 536,76"))));
        assertEquals(List.of(false, false), passing(Filter.all(Condition.of("purchase.full_price.value", Operator.GREATER_THAN, "US$ 10"))),
                "the samples are paid in BRL; an amount in dollars is not comparable");
    }

    @Test
    void conditionsCombineWithAllOrAny() {
        Condition secondProduct = Condition.of("product.id", Operator.EQUALS, "5107742");

        assertEquals(List.of(false, false), passing(Filter.all(secondProduct, ABOVE_100_REAIS)));
        assertEquals(List.of(true, true), passing(Filter.any(secondProduct, ABOVE_100_REAIS)));
        assertEquals(List.of(true, false), passing(Filter.any(ONLY_PRODUCT_123, ABOVE_100_REAIS)));
    }

    @Test
    void buyersCityMatchesWithoutAccents() {
        assertEquals(List.of(false, true), passing(Filter.all(Condition.of("buyer.address.city", Operator.CONTAINS, "sao"))));
        assertEquals(List.of(true, false), passing(Filter.all(Condition.of("buyer.address.city", Operator.STARTS_WITH, "RIO"))));
    }

    @Test
    void datesAndOtherKindsOnTheSamples() {
        assertEquals(List.of(true, false), passing(Filter.all(Condition.of("purchase.order_date", Operator.GREATER_OR_EQUAL, "14/03/2025"))));
        assertEquals(List.of(true, false), passing(Filter.all(Condition.of("purchase.order_date_br", Operator.EQUALS, "14/03/2025"))));
        assertEquals(List.of(false, true), passing(Filter.all(Condition.of("purchase.order_date", Operator.LESS_THAN, "2025-03-10"))));
        assertEquals(List.of(true, true), passing(Filter.all(Condition.of("purchase.order_date", Operator.GREATER_OR_EQUAL, "01/03/2025"),
                Condition.of("purchase.order_date", Operator.LESS_OR_EQUAL, "31/03/2025"))), "March 2025 orders (docs/mapping.md)");
        assertEquals(List.of(false, false), passing(Filter.all(Condition.of("purchase.order_date", Operator.GREATER_OR_EQUAL, "01/04/2025"))));
        assertEquals(List.of(true, true), passing(Filter.all(Condition.of("purchase.order_bump.is_order_bump", Operator.EQUALS, "não"))));
        assertEquals(List.of(true, false), passing(Filter.all(Condition.of("purchase.payment.installments_number", Operator.GREATER_THAN, "1"))));
        assertEquals(List.of(true, true), passing(Filter.all(Condition.of("purchase.offer.coupon_code", Operator.IS_EMPTY))));
        assertEquals(List.of(false, false), passing(Filter.all(Condition.of("purchase.offer.coupon_code", Operator.NOT_EQUALS, "PROMO"))),
                "an empty coupon matches is_empty only");
    }

    @Test
    void explainsTheDecisionOnARealSaleWithAndWithoutValues() {
        FilterResult result = FilterEngine.matches(Filter.all(ONLY_PRODUCT_123, ABOVE_100_REAIS), SAMPLES.get(0).values(), PURCHASE_APPROVED,
                BRAZIL);

        assertFalse(result.matched());
        assertEquals("""
                Filtro (todas as condições): não passou — 1 de 2 condições atendidas
                1. Produto: Código é igual a 123 — não (valor: 4812733)
                2. Valor total da venda é maior que R$ 100 — sim (valor: 536.76 BRL)""", result.explanation().pt());
        assertEquals("""
                Filter (all conditions): did not pass — 1 of 2 conditions met
                1. Product: code equals … — no
                2. Sale total (paid) is greater than … — yes""", result.logExplanation().en());
    }
}
