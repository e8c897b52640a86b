package app.ponte.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.api.field.Field;
import app.ponte.api.field.FieldType;
import app.ponte.api.field.FieldValues;
import app.ponte.api.field.Value;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RenderingTest {

    private static final Map<String, Field> OUTPUTS = List.of(
                    Field.of("buyer.name", FieldType.TEXT, "Comprador: Nome", "Buyer: name"),
                    Field.of("product.name", FieldType.TEXT, "Produto", "Product"),
                    Field.of("purchase.full_price.value", FieldType.MONEY, "Valor", "Amount"),
                    Field.of("purchase.order_date", FieldType.DATE_TIME, "Data do pedido", "Order date"),
                    Field.of("purchase.order_date_br", FieldType.DATE, "Data do pedido (BR)", "Order date (BR)"),
                    Field.of("purchase.installments", FieldType.INTEGER, "Parcelas", "Installments"),
                    Field.of("purchase.order_bump", FieldType.BOOLEAN, "Order bump", "Order bump"),
                    Field.of("affiliate.name", FieldType.TEXT, "Afiliado", "Affiliate"))
            .stream().collect(Collectors.toMap(Field::key, Function.identity()));

    private static final Instant ORDER = Instant.parse("2025-03-01T02:30:00Z");

    private static final FieldValues EVENT = FieldValues.builder()
            .put("buyer.name", Value.text("Maria da Silva Santos"))
            .put("product.name", Value.text("Fotografia de Rua"))
            .put("purchase.full_price.value", Value.money(new BigDecimal("536.70"), "BRL"))
            .put("purchase.order_date", Value.timestamp(ORDER))
            .put("purchase.order_date_br", Value.timestamp(ORDER))
            .put("purchase.installments", Value.decimal(new BigDecimal("3")))
            .put("purchase.order_bump", Value.bool(true))
            .put("affiliate.name", Value.empty())
            .build();

    private static Value render(String template) {
        return MappingEngine.render(MappingTemplate.parse(template), EVENT, OUTPUTS, RenderContext.brazil());
    }

    @Test
    void singleExpressionKeepsMoneyTyped() {
        assertEquals(Value.money(new BigDecimal("536.70"), "BRL"), render("{{ purchase.full_price.value }}"));
        assertEquals(Value.money(new BigDecimal("536.70"), "BRL"), render("  {{purchase.full_price.value}}\n"));
    }

    @Test
    void singleExpressionKeepsTimestampsUntilDateMakesThemText() {
        assertEquals(Value.timestamp(ORDER), render("{{ purchase.order_date }}"));
        assertEquals(Value.text("28/02/2025"), render("{{ purchase.order_date | date:\"dd/MM/yyyy\" }}"));
    }

    @Test
    void singleExpressionKeepsNumbersAndBooleans() {
        assertEquals(Value.decimal(new BigDecimal("3")), render("{{ purchase.installments }}"));
        assertEquals(Value.bool(true), render("{{purchase.order_bump}}"));
    }

    @Test
    void mixedTemplateWritesEachFieldWithItsTypesRule() {
        assertEquals(Value.text("Pedido de 28/02/2025 (2025-03-01T02:30:00Z): R$ 536.70"),
                render("Pedido de {{ purchase.order_date_br }} ({{ purchase.order_date }}): R$ {{ purchase.full_price.value }}"));
    }

    @Test
    void dateRuleUsesTheWorkspaceZone() {
        Value inTokyo = MappingEngine.render(MappingTemplate.parse("Dia {{ purchase.order_date_br }}"), EVENT, OUTPUTS,
                RenderContext.of(ZoneId.of("Asia/Tokyo")));

        assertEquals(Value.text("Dia 01/03/2025"), inTokyo);
        assertEquals(Value.text("Dia 28/02/2025"), render("Dia {{ purchase.order_date_br }}"));
    }

    @Test
    void mixedTemplateIsTextEvenWithOneTypedField() {
        assertEquals(Value.text("Venda Fotografia de Rua — Maria"), render("Venda {{product.name}} — {{ buyer.name | first_name }}"));
        assertEquals(Value.text("3x"), render("{{ purchase.installments }}x"));
        assertEquals(Value.text("bump: true"), render("bump: {{ purchase.order_bump }} "));
        assertEquals(Value.text("536,70 reais"), render("{{ purchase.full_price.value | number }} reais"));
    }

    @Test
    void blankResultIsEmpty() {
        assertTrue(render("{{ affiliate.name }}").isEmpty());
        assertTrue(render("  {{ affiliate.name }}  {{ affiliate.name | upper }} ").isEmpty());
        assertTrue(render("   ").isEmpty());
        assertTrue(render("").isEmpty());
    }

    @Test
    void literalTextAroundAnEmptyFieldStays() {
        assertEquals(Value.text("Afiliado:"), render("Afiliado: {{ affiliate.name }}"));
        assertEquals(Value.text("Maria"), render("{{ affiliate.name | prefix:\"Afiliado \" }} {{ buyer.name | first_name }}"));
    }

    @Test
    void missingFieldRendersEmpty() {
        assertTrue(render("{{ buyer.nickname }}").isEmpty());
        assertEquals(Value.text("Oi,"), render("Oi, {{ buyer.nickname }}"));
        assertEquals(Value.text("Cliente"), render("{{ buyer.nickname | default:\"Cliente\" }}"));
    }

    @Test
    void fieldMissingFromTheCatalogIsTypedByItsValue() {
        FieldValues event = FieldValues.builder().put("extra.when", Value.timestamp(ORDER)).build();

        Value rendered = MappingEngine.render(MappingTemplate.parse("em {{ extra.when }}"), event, Map.of(), RenderContext.brazil());

        assertEquals(Value.text("em 2025-03-01T02:30:00Z"), rendered);
    }

    @Test
    void renderedTextIsInertEvenWhenValuesLookLikeTemplates() {
        FieldValues event = FieldValues.builder().put("buyer.name", Value.text("{{ purchase.full_price.value }} ${jndi:x}")).build();

        Value rendered = MappingEngine.render(MappingTemplate.parse("Nome: {{ buyer.name }}"), event, OUTPUTS, RenderContext.brazil());

        assertEquals(Value.text("Nome: {{ purchase.full_price.value }} ${jndi:x}"), rendered);
    }
}
