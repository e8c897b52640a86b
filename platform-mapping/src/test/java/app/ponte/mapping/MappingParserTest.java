package app.ponte.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.mapping.MappingError.Code;
import app.ponte.mapping.MappingTemplate.Expression;
import app.ponte.mapping.MappingTemplate.Literal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MappingParserTest {

    private static MappingError error(String text) {
        return assertThrows(MappingException.class, () -> MappingTemplate.parse(text)).error();
    }

    @Test
    void parsesLiteralTextAndExpressionsInOrder() {
        MappingTemplate template = MappingTemplate.parse("Venda {{product.name}} — {{ buyer.name | first_name }}");

        assertEquals(4, template.parts().size());
        assertEquals(new Literal("Venda ", 0), template.parts().get(0));
        Expression product = assertInstanceOf(Expression.class, template.parts().get(1));
        assertEquals("product.name", product.fieldKey());
        assertEquals(6, product.position());
        assertEquals(List.of(), product.transforms());
        assertEquals(new Literal(" — ", 22), template.parts().get(2));
        Expression buyer = assertInstanceOf(Expression.class, template.parts().get(3));
        assertEquals("buyer.name", buyer.fieldKey());
        assertEquals("first_name", buyer.transforms().get(0).name());
        assertEquals(List.of("product.name", "buyer.name"), List.copyOf(template.fieldKeys()));
    }

    @Test
    void allowsAnyWhitespaceInsideBraces() {
        Expression e = MappingTemplate.parse("{{\n  buyer.name\t|  default :  \"x\" |upper}}").expressions().get(0);

        assertEquals("buyer.name", e.fieldKey());
        assertEquals(List.of("default", "upper"), e.transforms().stream().map(t -> t.name()).toList());
        assertEquals(List.of("x"), e.transforms().get(0).args());
    }

    @Test
    void readsEscapedQuotesAndBackslashesInArguments() {
        Expression e = MappingTemplate.parse("{{ buyer.name | default:\"Diz \\\"oi\\\" \\\\ }} |\" }}").expressions().get(0);

        assertEquals(List.of("Diz \"oi\" \\ }} |"), e.transforms().get(0).args());
    }

    @Test
    void readsSeveralArguments() {
        Expression e = MappingTemplate.parse("{{ product.name | replace:\"a\" , \"b\" }}").expressions().get(0);

        assertEquals(List.of("a", "b"), e.transforms().get(0).args());
    }

    @Test
    void treatsLoneClosingBracesAndSingleBracesAsText() {
        MappingTemplate template = MappingTemplate.parse("a }} b { c } {x}");

        assertTrue(template.isLiteralOnly());
        assertEquals("a }} b { c } {x}", template.literalText());
    }

    @Test
    void recognisesSingleExpressionTemplatesWithBlankTextAround() {
        assertTrue(MappingTemplate.parse("  {{ purchase.full_price.value }} ").singleExpression().isPresent());
        assertFalse(MappingTemplate.parse("R$ {{ purchase.full_price.value }}").singleExpression().isPresent());
        assertFalse(MappingTemplate.parse("{{a}}{{b}}").singleExpression().isPresent());
        assertTrue(MappingTemplate.parse("   ").isBlank());
        assertTrue(MappingTemplate.parse("").isBlank());
    }

    @Test
    void templatesWithTheSameSourceAreEqual() {
        assertEquals(MappingTemplate.parse("{{ a | date:\"dd/MM/yyyy\" }}"), MappingTemplate.parse("{{ a | date:\"dd/MM/yyyy\" }}"));
        assertEquals(MappingTemplate.parse("{{ a | upper }}").expressions(), MappingTemplate.parse("{{ a | upper }}").expressions());
    }

    @Test
    void rejectsUnterminatedExpressionAtItsOpening() {
        MappingError error = error("Olá {{ buyer.name | upper");

        assertEquals(Code.UNTERMINATED_EXPRESSION, error.code());
        assertEquals(4, error.position());
        assertTrue(error.pt().contains("não foi fechado"), error.pt());
        assertTrue(error.en().contains("never closed"), error.en());
    }

    @Test
    void rejectsOpeningBracesAtTheEnd() {
        assertEquals(Code.UNTERMINATED_EXPRESSION, error("Olá {{").code());
        assertEquals(Code.UNTERMINATED_EXPRESSION, error("{{ buyer.name ").code());
        assertEquals(Code.UNTERMINATED_EXPRESSION, error("{{ buyer.name | ").code());
        assertEquals(Code.UNTERMINATED_EXPRESSION, error("{{ buyer.name | default: ").code());
    }

    @Test
    void rejectsEmptyExpression() {
        MappingError error = error("a {{   }} b");

        assertEquals(Code.EMPTY_EXPRESSION, error.code());
        assertEquals(2, error.position());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "{{ Buyer.Name }};3",
            "{{ buyer..name }};3",
            "{{ buyer.name() }};3",
            "{{ buyer.getClass().forName }};3",
            "{{ 1buyer }};3",
            "{{ {{ buyer.name }} }};3",
            "{{ | upper }};3",
            "{{ \"x\" }};3",
            "{{ buyer-name }};3",
            "{{ ${buyer} }};3"})
    void rejectsBadFieldKeys(String text, int position) {
        MappingError error = error(text);

        assertEquals(Code.BAD_FIELD_KEY, error.code());
        assertEquals(position, error.position());
        assertTrue(error.pt().contains("chave de campo"), error.pt());
    }

    @Test
    void rejectsTextAfterTheKey() {
        MappingError error = error("{{ buyer.name buyer.email }}");

        assertEquals(Code.UNEXPECTED_CHARACTER, error.code());
        assertEquals(14, error.position());
    }

    @Test
    void rejectsPipeWithoutTransform() {
        MappingError error = error("{{ buyer.name | }}");

        assertEquals(Code.MISSING_TRANSFORM, error.code());
        assertEquals(16, error.position());
    }

    @Test
    void rejectsUnknownTransformListingTheKnownOnes() {
        MappingError error = error("{{ buyer.name | exec:\"rm -rf\" }}");

        assertEquals(Code.UNKNOWN_TRANSFORM, error.code());
        assertEquals(16, error.position());
        assertTrue(error.pt().contains("first_name"), error.pt());
        assertTrue(error.en().startsWith("Unknown transform \"exec\""), error.en());
    }

    @Test
    void rejectsMethodCallSyntaxAsUnknownTransform() {
        assertEquals(Code.UNKNOWN_TRANSFORM, error("{{ buyer.name | Upper }}").code());
        assertEquals(Code.UNKNOWN_TRANSFORM, error("{{ buyer.name | upper() }}").code());
        assertEquals(Code.UNKNOWN_TRANSFORM, error("{{ buyer.name | T(java.lang.Runtime) }}").code());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "{{ buyer.name | upper:\"x\" }}",
            "{{ buyer.name | default }}",
            "{{ buyer.name | default:\"a\",\"b\" }}",
            "{{ buyer.name | replace:\"a\" }}",
            "{{ buyer.name | date }}"})
    void rejectsWrongArgumentCount(String text) {
        MappingError error = error(text);

        assertEquals(Code.WRONG_ARGUMENT_COUNT, error.code());
        assertEquals(16, error.position());
    }

    @Test
    void rejectsUnquotedArguments() {
        MappingError error = error("{{ buyer.name | truncate:10 }}");

        assertEquals(Code.BAD_ARGUMENT_SYNTAX, error.code());
        assertEquals(25, error.position());
    }

    @Test
    void rejectsUnknownEscapes() {
        assertEquals(Code.BAD_ARGUMENT_SYNTAX, error("{{ buyer.name | default:\"a\\nb\" }}").code());
    }

    @Test
    void rejectsUnterminatedString() {
        MappingError error = error("{{ buyer.name | default:\"Sem nome }}");

        assertEquals(Code.UNTERMINATED_STRING, error.code());
        assertEquals(24, error.position());
        assertEquals(Code.UNTERMINATED_STRING, error("{{ a | default:\"x\\").code());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "{{ purchase.order_date | date:\"dd/MM/yyyy qqqqqq\" }}",
            "{{ purchase.order_date | date:\"DD/MM/yyyy\" }}",
            "{{ purchase.order_date | date:\"dd/MM/YYYY\" }}",
            "{{ purchase.order_date | date:\"\" }}",
            "{{ purchase.order_date | date:\"dd/MM/yyyy #\" }}",
            "{{ purchase.full_price.value | number:\"#,##0.00.0\" }}",
            "{{ buyer.name | truncate:\"0\" }}",
            "{{ buyer.name | truncate:\"dez\" }}",
            "{{ buyer.name | replace:\"\",\"x\" }}"})
    void rejectsInvalidArgumentsAtParseTime(String text) {
        MappingError error = error(text);

        assertEquals(Code.INVALID_ARGUMENT, error.code(), error.en());
    }

    @Test
    void acceptsPortugueseDatePatterns() {
        MappingTemplate.parse("{{ purchase.order_date | date:\"DD/MM/AAAA\" }}");
        MappingTemplate.parse("{{ purchase.order_date | date:\"dd 'de' MMMM 'de' yyyy, HH:mm\" }}");
    }

    @Test
    void rejectsHugeTemplates() {
        assertEquals(Code.TEMPLATE_TOO_LONG, error("x".repeat(MappingParser.MAX_LENGTH + 1)).code());
        assertEquals(Code.TEMPLATE_TOO_LONG, error("{{a}}".repeat(MappingParser.MAX_EXPRESSIONS + 1)).code());
    }

    @Test
    void errorMessagesAreChosenByLocale() {
        MappingError error = error("{{");

        assertEquals(error.en(), error.message(java.util.Locale.ENGLISH));
        assertEquals(error.pt(), error.message(RenderContext.PT_BR));
    }
}
