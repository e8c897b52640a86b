package app.ponte.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.api.field.Field;
import app.ponte.api.field.FieldType;
import app.ponte.api.field.FieldValues;
import app.ponte.api.field.Value;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransformsTest {

    /** {@code {{ x | call }}} applied to {@code value} of type {@code type}, São Paulo, pt-BR. */
    static Value apply(String call, Value value, FieldType type) {
        return apply(call, value, type, RenderContext.brazil());
    }

    static Value apply(String call, Value value, FieldType type, RenderContext context) {
        MappingTemplate template = MappingTemplate.parse("{{ x | " + call + " }}");
        return MappingEngine.render(template, FieldValues.of(Map.of("x", value)),
                Map.of("x", Field.of("x", type, "X", "X")), context);
    }

    static String text(String call, String input) {
        return apply(call, Value.text(input), FieldType.TEXT).text();
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedExampleHolds() {
        return TransformRegistry.standard().all().stream().map(t -> DynamicTest.dynamicTest(t.name(), () -> {
            Transform.Example example = t.example();
            assertTrue(example.call().startsWith(t.name()), example.call());
            assertEquals(example.result(), apply(example.call(), example.input(), example.type()).text());
        }));
    }

    @Test
    void everyTransformIsDescribedInBothLanguagesAndTyped() {
        for (Transform t : TransformRegistry.standard().all()) {
            assertFalse(t.description().pt().isBlank(), t.name());
            assertFalse(t.description().en().isBlank(), t.name());
            assertFalse(t.accepts().isEmpty(), t.name());
            assertEquals(t.maxArgs(), t.parameters().size());
        }
        assertTrue(TransformRegistry.standard().names().containsAll(java.util.List.of("first_name", "last_name", "upper", "lower",
                "trim", "capitalize", "digits", "phone_ddd", "phone_number", "phone_e164", "default", "date", "number", "money",
                "replace", "truncate", "prefix", "suffix")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "Maria da Silva Santos;Maria;da Silva Santos",
            "  João   Pedro  ;João;Pedro",
            "Madonna;Madonna;''",
            "Ana Clara de Souza e Castro;Ana;Clara de Souza e Castro",
            "Álvaro Öztürk;Álvaro;Öztürk"})
    void splitsFullNamesLikePluga(String name, String first, String last) {
        assertEquals(first, text("first_name", name));
        assertEquals(last, text("last_name", name));
    }

    @Test
    void splittingAOneWordNameLeavesTheLastNameEmpty() {
        assertTrue(apply("last_name", Value.text("Madonna"), FieldType.TEXT).isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "MARIA DA SILVA SANTOS;Maria da Silva Santos",
            "maria das dores e souza;Maria das Dores e Souza",
            "da silva;Da Silva",
            "joão dos santos;João dos Santos",
            "ÉRICA DO Ó;Érica do Ó",
            "ana-maria d'ávila;Ana-Maria D'Ávila",
            "  pedro   de   alcântara ;Pedro de Alcântara"})
    void capitalizesNamesKeepingPortugueseParticlesLower(String in, String out) {
        assertEquals(out, text("capitalize", in));
    }

    @Test
    void changesCaseKeepingAccents() {
        assertEquals("CONCEIÇÃO ÂNGELA", text("upper", "Conceição Ângela"));
        assertEquals("conceição ângela", text("lower", "CONCEIÇÃO ÂNGELA"));
        assertEquals("Maria da Silva", text("trim", "  Maria \t da   Silva  "));
    }

    @Test
    void keepsDigitsOfTextsAndNumbers() {
        assertEquals("52814736019", text("digits", "528.147.360-19"));
        assertEquals("20511070", text("digits", "20511-070"));
        assertEquals("12345", apply("digits", Value.decimal(new BigDecimal("123.45")), FieldType.NUMBER).text());
        assertTrue(apply("digits", Value.text("sem dígitos"), FieldType.TEXT).isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "+55 (31) 99876-5432;31;998765432;+5531998765432",
            "31998765432;31;998765432;+5531998765432",
            "5531998765432;31;998765432;+5531998765432",
            "(031) 99876-5432;31;998765432;+5531998765432",
            "0 21 31 99876-5432;31;998765432;+5531998765432",
            "0055 31 99876 5432;31;998765432;+5531998765432",
            "(11) 3456-7890;11;34567890;+551134567890",
            "11 8765-4321;11;87654321;+5511987654321",
            "+55 21 3456-7890;21;34567890;+552134567890",
            "987651234;'';987651234;987651234",
            "+1 (415) 555-2671;'';14155552671;+14155552671",
            "12345;'';12345;12345"})
    void splitsBrazilianPhonesInManyShapes(String phone, String ddd, String number, String e164) {
        assertEquals(ddd, text("phone_ddd", phone));
        assertEquals(number, text("phone_number", phone));
        assertEquals(e164, text("phone_e164", phone));
    }

    @Test
    void refusesAreaCodesThatDoNotExist() {
        assertEquals("", text("phone_ddd", "(20) 99876-5432"));
        assertEquals("2099876543", text("phone_number", "(20) 9987-6543"));
    }

    @Test
    void textTransformsLeaveEmptyValuesEmpty() {
        for (String call : new String[] {"first_name", "last_name", "upper", "lower", "trim", "capitalize", "digits", "phone_ddd",
                "phone_number", "phone_e164", "replace:\"a\",\"b\"", "truncate:\"3\"", "prefix:\"(\"", "suffix:\")\""}) {
            assertTrue(apply(call, Value.empty(), FieldType.TEXT).isEmpty(), call);
        }
        assertTrue(apply("date:\"dd/MM/yyyy\"", Value.empty(), FieldType.DATE_TIME).isEmpty());
        assertTrue(apply("number", Value.empty(), FieldType.MONEY).isEmpty());
        assertTrue(apply("money", Value.empty(), FieldType.MONEY).isEmpty());
    }

    @Test
    void defaultFillsOnlyEmptyValuesAndKeepsTypes() {
        assertEquals(Value.text("Sem nome"), apply("default:\"Sem nome\"", Value.empty(), FieldType.TEXT));
        assertEquals(Value.text("Ana"), apply("default:\"Sem nome\"", Value.text("Ana"), FieldType.TEXT));
        Value money = Value.money(new BigDecimal("10.50"), "BRL");
        assertEquals(money, apply("default:\"0\"", money, FieldType.MONEY));
        assertEquals(Value.text("0"), apply("default:\"0\"", Value.empty(), FieldType.MONEY));
        assertTrue(apply("default:\"\"", Value.empty(), FieldType.TEXT).isEmpty());
    }

    @Test
    void formatsDatesInTheWorkspaceZone() {
        Value order = Value.timestamp(Instant.parse("2025-03-01T02:30:00Z"));

        assertEquals("28/02/2025", apply("date:\"dd/MM/yyyy\"", order, FieldType.DATE_TIME).text());
        assertEquals("28/02/2025 23:30", apply("date:\"dd/MM/yyyy HH:mm\"", order, FieldType.DATE_TIME).text());
        assertEquals("28/02/2025", apply("date:\"DD/MM/AAAA\"", order, FieldType.DATE_TIME).text());
        assertEquals("01/03/2025", apply("date:\"dd/MM/yyyy\"", order, FieldType.DATE_TIME, RenderContext.of(java.time.ZoneOffset.UTC))
                .text());
        assertEquals("28 de fevereiro de 2025", apply("date:\"d 'de' MMMM 'de' yyyy\"", order, FieldType.DATE_TIME).text());
        assertEquals("February 28, 2025", apply("date:\"MMMM d, yyyy\"", order, FieldType.DATE_TIME,
                new RenderContext(RenderContext.DEFAULT_ZONE, Locale.US)).text());
    }

    @Test
    void formatsNumbersAndMoneyExactly() {
        Value money = Value.money(new BigDecimal("1234567.895"), "BRL");

        assertEquals("1.234.567,90", apply("number", money, FieldType.MONEY).text());
        assertEquals("1234567,9", apply("number:\"0.0\"", money, FieldType.MONEY).text());
        assertEquals("1,234,567.90", apply("number", money, FieldType.MONEY, new RenderContext(RenderContext.DEFAULT_ZONE, Locale.US))
                .text());
        assertEquals("0,30", apply("number", Value.decimal(new BigDecimal("0.3")), FieldType.NUMBER).text());
        assertEquals("99999999999999999999,01",
                apply("number:\"0.00\"", Value.decimal(new BigDecimal("99999999999999999999.005")), FieldType.NUMBER).text());
        assertEquals("R$ 1.234.567,90", apply("money", money, FieldType.MONEY).text());
        assertEquals("US$ 12,50", apply("money", Value.money(new BigDecimal("12.5"), "USD"), FieldType.MONEY).text());
        assertEquals("12,50", apply("money", Value.decimal(new BigDecimal("12.5")), FieldType.NUMBER).text());
    }

    @Test
    void replacesExactTextNotPatterns() {
        assertEquals("Plano Anual", text("replace:\"Mensal\",\"Anual\"", "Plano Mensal"));
        assertEquals("a-b-c", text("replace:\".\",\"-\"", "a.b.c"));
        assertEquals("ab", text("replace:\" \",\"\"", "a b"));
        assertEquals("$1", text("replace:\"x\",\"$1\"", "x"));
    }

    @Test
    void truncatesByCharactersNotBytes() {
        assertEquals("Fotog", text("truncate:\"5\"", "Fotografia"));
        assertEquals("Ação", text("truncate:\"4\"", "Ação!"));
        assertEquals("curto", text("truncate:\"50\"", "curto"));
        assertEquals("😀😀", text("truncate:\"2\"", "😀😀😀"));
    }

    @Test
    void prefixesAndSuffixesOnlyWhenNotEmpty() {
        assertEquals("(31)", text("prefix:\"(\" | suffix:\")\"", "31"));
        assertTrue(apply("prefix:\"(\" | suffix:\")\"", Value.empty(), FieldType.TEXT).isEmpty());
        assertEquals("R$ 10.50", apply("prefix:\"R$ \"", Value.money(new BigDecimal("10.50"), "BRL"), FieldType.MONEY).text());
        assertEquals("Pedido de 28/02/2025", apply("prefix:\"Pedido de \"",
                Value.timestamp(Instant.parse("2025-03-01T02:30:00Z")), FieldType.DATE).text());
    }

    @Test
    void chainsTransformsLeftToRight() {
        assertEquals("MARIA", text("first_name | upper", "maria da silva"));
        assertEquals("Da Silva", text("last_name | capitalize", "maria da silva"));
        assertEquals("Cliente", apply("first_name | default:\"Cliente\"", Value.empty(), FieldType.TEXT).text());
    }
}
