package app.ponte.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.api.field.Choice;
import app.ponte.api.field.Field;
import app.ponte.api.field.FieldType;
import app.ponte.api.field.Value;
import app.ponte.mapping.MappingError.Code;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InputCoercionTest {

    private static final Field TEXT = Field.of("lead.name", FieldType.TEXT, "Nome do lead", "Lead name");
    private static final Field EMAIL = Field.of("contact.email", FieldType.EMAIL, "E-mail", "E-mail");
    private static final Field PHONE = Field.of("contact.phone", FieldType.PHONE, "Telefone", "Phone");
    private static final Field NUMBER = Field.of("n", FieldType.NUMBER, "Número", "Number");
    private static final Field INTEGER = Field.of("i", FieldType.INTEGER, "Inteiro", "Integer");
    private static final Field MONEY = Field.of("lead.price", FieldType.MONEY, "Valor da venda", "Sale amount");
    private static final Field DATE = Field.of("d", FieldType.DATE, "Data", "Date");
    private static final Field DATE_TIME = Field.of("dt", FieldType.DATE_TIME, "Data e hora", "Date and time");
    private static final Field BOOLEAN = Field.of("b", FieldType.BOOLEAN, "Sim ou não", "Yes or no");
    private static final Field CHOICE = Field.choice("contact.match", "Critério", "Criterion", List.of(
            Choice.of("email", "Pelo e-mail", "By e-mail"), Choice.of("phone", "Pelo telefone", "By phone")));
    private static final Field DYNAMIC = Field.dynamicChoice("lead.status_id", "Etapa", "Stage", (c, d) -> List.of());

    private static Value ok(Value value, Field input) {
        InputCoercion.Result result = InputCoercion.coerce(value, input);
        assertTrue(result.error().isEmpty(), () -> result.error().get().en());
        return result.value().orElseThrow();
    }

    private static MappingError failed(Value value, Field input) {
        return InputCoercion.coerce(value, input).error().orElseThrow(() -> new AssertionError("coerced " + value + " into " + input));
    }

    private static Value money(String amount, String currency) {
        return Value.money(new BigDecimal(amount), currency);
    }

    @Test
    void emptyStaysEmptyForEveryType() {
        for (Field input : List.of(TEXT, EMAIL, PHONE, NUMBER, INTEGER, MONEY, DATE, DATE_TIME, BOOLEAN, CHOICE, DYNAMIC)) {
            assertTrue(ok(Value.empty(), input).isEmpty(), input.key());
        }
    }

    @Test
    void textInputsTakeAnyValueAsText() {
        assertEquals(Value.text("Maria"), ok(Value.text("Maria"), TEXT));
        assertEquals(Value.text("536.76"), ok(money("536.76", "BRL"), TEXT));
        assertEquals(Value.text("true"), ok(Value.bool(true), TEXT));
        assertEquals(Value.text("2025-03-01T02:30:00Z"), ok(Value.timestamp(Instant.parse("2025-03-01T02:30:00Z")), TEXT));
        assertEquals(Value.text("+55 (21) 98765-1234"), ok(Value.text("+55 (21) 98765-1234"), PHONE));
    }

    @Test
    void timestampIntoTextUsesTheSourceTypesRuleInTheZone() {
        Value order = Value.timestamp(Instant.parse("2025-03-01T02:30:00Z"));

        InputCoercion.Result result = InputCoercion.coerce(order, FieldType.DATE, TEXT, RenderContext.DEFAULT_ZONE);

        assertEquals(Value.text("28/02/2025"), result.value().orElseThrow());
    }

    @Test
    void emailMustBeAnAddress() {
        assertEquals(Value.text("marina.lobo@example.com"), ok(Value.text(" marina.lobo@example.com "), EMAIL));
        assertEquals(Code.INVALID_EMAIL, failed(Value.text("marina.lobo"), EMAIL).code());
        assertEquals(Code.INVALID_EMAIL, failed(Value.text("a b@c.com"), EMAIL).code());
        assertEquals(Code.INVALID_EMAIL, failed(money("1", null), EMAIL).code());
        MappingError error = failed(Value.text("x@"), EMAIL);
        assertTrue(error.pt().startsWith("E-mail (contact.email) não é um endereço de e-mail"), error.pt());
        assertTrue(!error.pt().contains("x@"), "error messages never repeat the value");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "1.234,56;1234.56", "1234.56;1234.56", "1234,56;1234.56", "R$ 1.234,56;1234.56", "R$1.234,56;1234.56",
            "1,234.56;1234.56", "1.234.567;1234567", "-10;-10", "0,5;0.5", "0.125;0.125", "1234;1234", "12,50 BRL;12.50",
            "US$ 12.50;12.50", "R$ 1.234.567,891;1234567.891"})
    void readsNumbersAsPeopleWriteThem(String text, String expected) {
        assertEquals(Value.decimal(new BigDecimal(expected)), ok(Value.text(text), NUMBER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1,2,3", "12.34.5", "1.23,4.5", "1e5", "--1", ".5", "R$", "12 kg"})
    void refusesTextThatIsNotANumber(String text) {
        MappingError error = failed(Value.text(text), NUMBER);

        assertEquals(Code.INVALID_NUMBER, error.code());
        assertTrue(error.pt().startsWith("Número (n) precisa de um número"), error.pt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.234", "1,500", "R$ 2.000"})
    void refusesAmbiguousThousands(String text) {
        MappingError error = failed(Value.text(text), MONEY);

        assertEquals(Code.INVALID_NUMBER, error.code());
        assertTrue(error.en().contains("ambiguous"), error.en());
    }

    @Test
    void numbersComeFromDecimalsAndMoney() {
        assertEquals(Value.decimal(new BigDecimal("536.76")), ok(money("536.76", "BRL"), NUMBER));
        assertEquals(Value.decimal(new BigDecimal("2")), ok(Value.decimal(new BigDecimal("2")), NUMBER));
        assertEquals(Code.INVALID_NUMBER, failed(Value.bool(true), NUMBER).code());
        assertEquals(Code.INVALID_NUMBER, failed(Value.timestamp(Instant.EPOCH), NUMBER).code());
    }

    @Test
    void integersRefuseDecimals() {
        assertEquals(Value.decimal(new BigDecimal("12")), ok(Value.text("12,00"), INTEGER));
        assertEquals(Value.decimal(new BigDecimal("100")), ok(Value.decimal(new BigDecimal("1E+2")), INTEGER));
        assertEquals(Code.NOT_AN_INTEGER, failed(Value.text("12,5"), INTEGER).code());
    }

    @Test
    void moneyKeepsItsCurrencyWhenKnown() {
        assertEquals(money("536.76", "BRL"), ok(money("536.76", "BRL"), MONEY));
        assertEquals(money("536.76", null), ok(Value.decimal(new BigDecimal("536.76")), MONEY));
        assertEquals(money("1234.56", "BRL"), ok(Value.text("R$ 1.234,56"), MONEY));
        assertEquals(money("12.50", "USD"), ok(Value.text("US$ 12.50"), MONEY));
        assertEquals(money("99.9", null), ok(Value.text("99,9"), MONEY));
        assertEquals(money("0.1", null), ok(Value.text("0.1"), MONEY));
        assertEquals(Code.INVALID_NUMBER, failed(Value.text("grátis"), MONEY).code());
        assertEquals(Code.INVALID_NUMBER, failed(Value.bool(false), MONEY).code());
    }

    @Test
    void datesComeFromTimestampsMillisIsoAndBrazilianDays() {
        Instant order = Instant.parse("2025-03-01T02:30:00Z");
        assertEquals(Value.timestamp(order), ok(Value.timestamp(order), DATE_TIME));
        assertEquals(Value.timestamp(Instant.ofEpochMilli(1741960931000L)), ok(Value.text("1741960931000"), DATE_TIME));
        assertEquals(Value.timestamp(Instant.ofEpochMilli(1741960931000L)), ok(Value.decimal(new BigDecimal("1741960931000")), DATE));
        assertEquals(Value.timestamp(order), ok(Value.text("2025-03-01T02:30:00Z"), DATE_TIME));
        assertEquals(Value.timestamp(order), ok(Value.text("2025-02-28T23:30:00-03:00"), DATE_TIME));
        assertEquals(Value.timestamp(order), ok(Value.text("2025-02-28T23:30:00"), DATE_TIME));
        assertEquals(Value.timestamp(order), ok(Value.text("28/02/2025 23:30"), DATE_TIME));
        assertEquals(Value.timestamp(Instant.parse("2025-02-28T03:00:00Z")), ok(Value.text("28/02/2025"), DATE));
        assertEquals(Value.timestamp(Instant.parse("2025-02-28T03:00:00Z")), ok(Value.text("2025-02-28"), DATE));
    }

    @Test
    void startOfDayFollowsTheZone() {
        InputCoercion.Result utc = InputCoercion.coerce(Value.text("28/02/2025"), DATE, java.time.ZoneOffset.UTC);

        assertEquals(Value.timestamp(Instant.parse("2025-02-28T00:00:00Z")), utc.value().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"31/02/2025", "ontem", "2025-13-01", "28-02-2025", "1.5"})
    void refusesTextThatIsNotADate(String text) {
        assertEquals(Code.INVALID_DATE, failed(Value.text(text), DATE).code());
    }

    @Test
    void moneyAndBooleansAreNotDates() {
        assertEquals(Code.INVALID_DATE, failed(money("1", "BRL"), DATE).code());
        assertEquals(Code.INVALID_DATE, failed(Value.bool(true), DATE_TIME).code());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"true;true", "Sim;true", "SIM;true", "yes;true", "1;true", "verdadeiro;true",
            "false;false", "não;false", "Nao;false", "NÃO;false", "no;false", "0;false", "falso;false"})
    void readsYesAndNoInBothLanguages(String text, boolean expected) {
        assertEquals(Value.bool(expected), ok(Value.text(text), BOOLEAN));
    }

    @Test
    void refusesOtherBooleans() {
        assertEquals(Value.bool(true), ok(Value.bool(true), BOOLEAN));
        assertEquals(Value.bool(false), ok(Value.decimal(BigDecimal.ZERO), BOOLEAN));
        assertEquals(Code.INVALID_BOOLEAN, failed(Value.text("talvez"), BOOLEAN).code());
        assertEquals(Code.INVALID_BOOLEAN, failed(money("1", "BRL"), BOOLEAN).code());
    }

    @Test
    void choiceTakesAValueOrALabelAndGivesTheValue() {
        assertEquals(Value.text("email"), ok(Value.text("email"), CHOICE));
        assertEquals(Value.text("phone"), ok(Value.text("PHONE"), CHOICE));
        assertEquals(Value.text("phone"), ok(Value.text("Pelo telefone"), CHOICE));
        assertEquals(Value.text("phone"), ok(Value.text("by phone"), CHOICE));
        MappingError error = failed(Value.text("fax"), CHOICE);
        assertEquals(Code.INVALID_CHOICE, error.code());
        assertTrue(error.pt().contains("email (Pelo e-mail), phone (Pelo telefone)"), error.pt());
        assertTrue(error.en().contains("email (By e-mail), phone (By phone)"), error.en());
    }

    @Test
    void dynamicChoiceTakesTextAsIs() {
        assertEquals(Value.text("142"), ok(Value.text("142"), DYNAMIC));
        assertEquals(Value.text("142"), ok(Value.decimal(new BigDecimal("142")), DYNAMIC));
    }

    @Test
    void neverUsesBinaryFloatingPoint() {
        Value amount = ok(Value.text("0,1"), MONEY);
        Value sum = ok(Value.text("0.2"), MONEY);

        assertEquals(new BigDecimal("0.3"), ((Value.Money) amount).amount().add(((Value.Money) sum).amount()));
        assertEquals(money("12345678901234567890.12", null), ok(Value.text("12.345.678.901.234.567.890,12"), MONEY));
    }
}
