package app.ponte.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.api.field.FieldType;
import app.ponte.api.field.ValueKind;
import app.ponte.mapping.Filter.Condition;
import app.ponte.mapping.Filter.Match;
import app.ponte.mapping.Filter.Operator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The filter model as the server stores and serves it (Jackson, as in the server), and the operator catalog. */
class FilterJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesMatchAndOperatorsInSnakeCaseAndLeavesOutMissingValues() throws JsonProcessingException {
        Filter filter = Filter.any(Condition.of("product.id", Operator.EQUALS, "123"),
                Condition.of("purchase.full_price.value", Operator.GREATER_OR_EQUAL, "R$ 100,00"),
                Condition.of("purchase.offer.coupon_code", Operator.IS_NOT_EMPTY));

        assertEquals("{\"match\":\"any\",\"conditions\":[{\"field\":\"product.id\",\"operator\":\"equals\",\"value\":\"123\"},"
                + "{\"field\":\"purchase.full_price.value\",\"operator\":\"greater_or_equal\",\"value\":\"R$ 100,00\"},"
                + "{\"field\":\"purchase.offer.coupon_code\",\"operator\":\"is_not_empty\"}]}", JSON.writeValueAsString(filter));
    }

    @Test
    void readsBackWhatItWrites() throws JsonProcessingException {
        Filter filter = Filter.all(Condition.of("buyer.address.city", Operator.NOT_CONTAINS, "São Paulo"),
                Condition.of("purchase.order_date", Operator.LESS_THAN, "2025-03-15T02:30:00Z"));

        assertEquals(filter, JSON.readValue(JSON.writeValueAsString(filter), Filter.class));
    }

    @Test
    void readsWhatPeopleAndOlderClientsSend() throws JsonProcessingException {
        assertEquals(Filter.NONE, JSON.readValue("{}", Filter.class));
        assertEquals(Filter.NONE, JSON.readValue("{\"match\":\"ALL\",\"conditions\":null}", Filter.class));
        assertEquals(Filter.all(Condition.of("product.id", Operator.IS_EMPTY)),
                JSON.readValue("{\"conditions\":[{\"field\":\" product.id \",\"operator\":\"IS_EMPTY\"}]}", Filter.class));
    }

    @Test
    void refusesAnUnknownOperatorNamingTheKnownOnes() {
        Exception e = assertThrows(Exception.class,
                () -> JSON.readValue("{\"conditions\":[{\"field\":\"product.id\",\"operator\":\"like\",\"value\":\"1\"}]}", Filter.class));
        assertTrue(e.getMessage().contains("unknown filter operator like; use one of equals, not_equals"), e.getMessage());
        assertThrows(Exception.class, () -> JSON.readValue("{\"match\":\"some\"}", Filter.class));
    }

    @Test
    void everyOperatorHasADistinctSnakeCaseNameAndBothLabels() {
        Set<String> names = new HashSet<>();
        for (Operator operator : Operator.values()) {
            assertTrue(operator.json().matches("[a-z]+(_[a-z]+)*"), operator.json());
            assertEquals(operator.name().toLowerCase(), operator.json());
            assertTrue(names.add(operator.json()));
            assertEquals(operator, Operator.fromJson(operator.json()));
            assertTrue(!operator.label().pt().isBlank() && !operator.label().en().isBlank());
            assertTrue(!operator.appliesTo().isEmpty());
        }
        assertEquals(List.of("equals", "not_equals", "contains", "not_contains", "starts_with", "ends_with", "greater_than",
                "greater_or_equal", "less_than", "less_or_equal", "is_empty", "is_not_empty"),
                Arrays.stream(Operator.values()).map(Operator::json).toList());
        assertEquals(List.of("all", "any"), Arrays.stream(Match.values()).map(Match::json).toList());
    }

    @Test
    void offersTheOperatorsOfEachFieldType() {
        assertEquals(List.of(Operator.EQUALS, Operator.NOT_EQUALS, Operator.CONTAINS, Operator.NOT_CONTAINS, Operator.STARTS_WITH,
                Operator.ENDS_WITH, Operator.IS_EMPTY, Operator.IS_NOT_EMPTY), Operator.applicableTo(FieldType.IDENTIFIER));
        List<Operator> ordered = List.of(Operator.EQUALS, Operator.NOT_EQUALS, Operator.GREATER_THAN, Operator.GREATER_OR_EQUAL,
                Operator.LESS_THAN, Operator.LESS_OR_EQUAL, Operator.IS_EMPTY, Operator.IS_NOT_EMPTY);
        assertEquals(ordered, Operator.applicableTo(FieldType.MONEY));
        assertEquals(ordered, Operator.applicableTo(FieldType.INTEGER));
        assertEquals(ordered, Operator.applicableTo(FieldType.DATE_TIME));
        assertEquals(List.of(Operator.EQUALS, Operator.NOT_EQUALS, Operator.IS_EMPTY, Operator.IS_NOT_EMPTY),
                Operator.applicableTo(FieldType.BOOLEAN));
    }

    @ParameterizedTest
    @EnumSource(value = Operator.class, names = {"GREATER_THAN", "GREATER_OR_EQUAL", "LESS_THAN", "LESS_OR_EQUAL"})
    void datesReadAsBeforeAndAfter(Operator operator) {
        String pt = operator.label(ValueKind.TIMESTAMP).pt();
        assertTrue(pt.contains("antes") || pt.contains("depois"), pt);
        assertEquals(operator.label(), operator.label(ValueKind.MONEY));
    }
}
