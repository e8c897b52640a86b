package app.ponte.hotmart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.api.field.Field;
import app.ponte.api.field.FieldType;
import app.ponte.api.field.Value;
import app.ponte.api.trigger.TriggerDefinition;
import app.ponte.api.trigger.TriggerEvent;
import app.ponte.api.webhook.WebhookOutcome;
import app.ponte.hotmart.triggers.Samples;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture, every trigger it routes to, and values written by hand from the fixture files
 * (src/main/resources/samples/hotmart). {@link ExpectedValues} holds the table.
 */
class HotmartExtractionTest {

    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    /** Which triggers each fixture yields; fixtures not listed under a trigger must not yield it. */
    static final Map<String, Set<String>> ROUTES = Map.ofEntries(
            Map.entry("PURCHASE_APPROVED.json", Set.of("purchase_approved", "purchase_created")),
            Map.entry("PURCHASE_APPROVED.subscription-created.json", Set.of("purchase_approved", "subscription_created", "purchase_created")),
            Map.entry("PURCHASE_COMPLETE.json", Set.of("purchase_complete")),
            Map.entry("PURCHASE_CANCELED.json", Set.of("purchase_canceled", "purchase_created")),
            Map.entry("PURCHASE_REFUNDED.json", Set.of("purchase_refunded")),
            Map.entry("PURCHASE_PROTEST.json", Set.of("refund_requested")),
            Map.entry("PURCHASE_EXPIRED.json", Set.of("purchase_expired")),
            Map.entry("PURCHASE_DELAYED.json", Set.of("purchase_delayed")),
            Map.entry("PURCHASE_BILLET_PRINTED.json", Set.of("purchase_created")),
            Map.entry("PURCHASE_OUT_OF_SHOPPING_CART.json", Set.of("cart_abandoned")),
            Map.entry("SUBSCRIPTION_CANCELLATION.json", Set.of("subscription_canceled")),
            Map.entry("PURCHASE_CHARGEBACK.json", Set.of()),
            Map.entry("SWITCH_PLAN.json", Set.of()),
            Map.entry("UPDATE_SUBSCRIPTION_CHARGE_DATE.json", Set.of()),
            Map.entry("CLUB_FIRST_ACCESS.json", Set.of()),
            Map.entry("CLUB_MODULE_COMPLETED.json", Set.of()));

    /** Keys of labels Hotmart's v2 webhook has no source for. */
    static final Set<String> NO_SOURCE = Set.of("buyer.registration_phone.ddd", "buyer.registration_phone.number", "purchase.hotkey",
            "subscription.recurrence_period", "purchase.external_transaction", "purchase.receiver_type", "purchase.offer.payment_mode",
            "buyer.code", "purchase.commission_as", "subscriber.phone.ddd", "subscriber.phone.number");

    static Stream<String> fixtures() {
        return ROUTES.keySet().stream().sorted();
    }

    @Test
    void coversEveryFixtureShipped() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/samples/hotmart"))) {
            Set<String> shipped = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .collect(java.util.stream.Collectors.toSet());
            assertEquals(shipped, ROUTES.keySet());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void routesEachFixtureToExactlyItsTriggers(String fixture) {
        WebhookOutcome outcome = Deliveries.receiveFixture(fixture);
        Set<String> expected = ROUTES.get(fixture);

        if (expected.isEmpty()) {
            assertInstanceOf(WebhookOutcome.Ignored.class, outcome, fixture);
        } else {
            List<TriggerEvent> events = assertInstanceOf(WebhookOutcome.Events.class, outcome, fixture).events();
            assertEquals(expected, Set.copyOf(events.stream().map(TriggerEvent::triggerKey).toList()), fixture);
            assertEquals(expected.size(), events.size(), fixture + " yields a trigger twice");
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("app.ponte.hotmart.ExpectedValues#cases")
    void extractsTheHandWrittenValues(String fixture, String trigger, Map<String, Value> expected) {
        TriggerEvent event = Deliveries.event(Samples.read(fixture), trigger);

        Map<String, Value> actual = new LinkedHashMap<>();
        expected.keySet().forEach(key -> actual.put(key, event.values().get(key)));
        assertEquals(expected, actual);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("app.ponte.hotmart.ExpectedValues#cases")
    void emitsEveryDeclaredFieldInOrderAndLeavesUnsourcedOnesEmpty(String fixture, String trigger, Map<String, Value> ignored) {
        TriggerDefinition definition = new HotmartConnector().descriptor().trigger(trigger).orElseThrow();
        TriggerEvent event = Deliveries.event(Samples.read(fixture), trigger);

        assertEquals(definition.outputs().stream().map(Field::key).toList(), List.copyOf(event.values().asMap().keySet()));
        for (Field field : definition.outputs()) {
            if (NO_SOURCE.contains(field.key())) {
                assertTrue(event.values().get(field.key()).isEmpty(), field.key());
                assertTrue(field.note().orElseThrow().pt().contains("Não é enviado pelo webhook atual da Hotmart"), field.key());
            }
        }
    }

    @Test
    void everyRoutedFixtureIsCoveredByTheValueTable() {
        Set<String> covered = ExpectedValues.cases().map(a -> a.get()[0] + "→" + a.get()[1])
                .collect(java.util.stream.Collectors.toSet());
        ROUTES.forEach((fixture, triggers) -> triggers.forEach(t -> assertTrue(covered.contains(fixture + "→" + t), fixture + "→" + t)));
    }

    @Test
    void rendersBothDateLabelsFromTheSameInstant() {
        TriggerEvent approved = Deliveries.event(Samples.read("PURCHASE_APPROVED.json"), "purchase_approved");

        assertEquals("2025-03-14T14:02:11Z", FieldType.DATE_TIME.render(approved.values().get("purchase.order_date"), SAO_PAULO));
        assertEquals("14/03/2025", FieldType.DATE.render(approved.values().get("purchase.order_date_br"), SAO_PAULO));
        assertEquals("14/03/2025", FieldType.DATE.render(approved.values().get("purchase.approved_date_br"), SAO_PAULO));
        assertEquals(Value.timestamp(Instant.parse("2025-03-21T00:00:00Z")), approved.values().get("product.warranty_date"));
    }

    @Test
    void keepsMoneyExactAsSent() {
        TriggerEvent approved = Deliveries.event(Samples.read("PURCHASE_APPROVED.json"), "purchase_approved");

        Value.Money total = assertInstanceOf(Value.Money.class, approved.values().get("purchase.full_price.value"));
        assertEquals(new BigDecimal("536.76"), total.amount());
        assertEquals("536.76", FieldType.MONEY.render(total, SAO_PAULO));
        Value.Money fee = assertInstanceOf(Value.Money.class, approved.values().get("commissions.marketplace"));
        assertEquals(new BigDecimal("50.2"), fee.amount());
    }
}
