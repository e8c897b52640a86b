package app.ponte.hotmart;

import static app.ponte.hotmart.Deliveries.at;
import static app.ponte.hotmart.Deliveries.edited;
import static app.ponte.hotmart.Deliveries.event;
import static app.ponte.hotmart.Deliveries.events;
import static app.ponte.hotmart.Deliveries.headers;
import static app.ponte.hotmart.Deliveries.receive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.api.trigger.TriggerEvent;
import app.ponte.api.webhook.WebhookOutcome;
import app.ponte.api.webhook.WebhookRequest;
import app.ponte.hotmart.triggers.Samples;
import app.ponte.testkit.InMemoryCredentials;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The receiver: authentication, malformed bodies, ignored events, routing, de-duplication keys, subjects, dates. */
class HotmartWebhooksTest {

    private static final String HEADER = HotmartConnector.HOTTOK_HEADER;
    private static final String APPROVED = Samples.read("PURCHASE_APPROVED.json");

    // --- authentication ---

    @Test
    void rejectsWebhookWithWrongHottok() {
        WebhookOutcome outcome = receive(headers(HEADER, "not-the-hottok"), APPROVED);

        var refused = assertInstanceOf(WebhookOutcome.Unauthenticated.class, outcome);
        assertFalse(refused.reason().contains("not-the-hottok"));
        assertFalse(refused.reason().contains(Samples.SAMPLE_HOTTOK));
    }

    @Test
    void rejectsWebhookWithoutHottok() {
        assertInstanceOf(WebhookOutcome.Unauthenticated.class, receive(headers(null, null), APPROVED));
    }

    @Test
    void rejectsWebhookWithEmptyHottokHeaderEvenWhenTheBodyCarriesTheRightOne() {
        String body = edited("PURCHASE_APPROVED.json", root -> root.put("hottok", Samples.SAMPLE_HOTTOK));

        assertInstanceOf(WebhookOutcome.Unauthenticated.class, receive(headers(HEADER, ""), body));
    }

    @Test
    void rejectsWebhookWhenHottokDiffersOnlyInLength() {
        assertInstanceOf(WebhookOutcome.Unauthenticated.class, receive(headers(HEADER, Samples.SAMPLE_HOTTOK + "x"), APPROVED));
    }

    @Test
    void acceptsHottokHeaderWhateverItsCase() {
        assertInstanceOf(WebhookOutcome.Events.class, receive(headers("x-hotmart-hottok", Samples.SAMPLE_HOTTOK), APPROVED));
    }

    @Test
    void acceptsBodyHottokWhenTheHeaderIsAbsent() {
        String body = edited("PURCHASE_APPROVED.json", root -> root.put("hottok", Samples.SAMPLE_HOTTOK));

        assertInstanceOf(WebhookOutcome.Events.class, receive(headers(null, null), body));
    }

    @Test
    void rejectsWrongBodyHottokWhenTheHeaderIsAbsent() {
        String body = edited("PURCHASE_APPROVED.json", root -> root.put("hottok", "guess"));

        var refused = assertInstanceOf(WebhookOutcome.Unauthenticated.class, receive(headers(null, null), body));
        assertFalse(refused.reason().contains("guess"));
    }

    @Test
    void ignoresBodyHottokWhenTheHeaderIsPresent() {
        String rightBody = edited("PURCHASE_APPROVED.json", root -> root.put("hottok", Samples.SAMPLE_HOTTOK));
        String wrongBody = edited("PURCHASE_APPROVED.json", root -> root.put("hottok", "guess"));

        assertInstanceOf(WebhookOutcome.Unauthenticated.class, receive(headers(HEADER, "wrong"), rightBody));
        assertInstanceOf(WebhookOutcome.Events.class, receive(headers(HEADER, Samples.SAMPLE_HOTTOK), wrongBody));
    }

    @Test
    void treatsANonJsonBodyWithoutHeaderAsUnauthenticated() {
        assertInstanceOf(WebhookOutcome.Unauthenticated.class, receive(headers(null, null), "hottok=" + Samples.SAMPLE_HOTTOK));
    }

    @Test
    void rejectsEveryCallWhenTheConnectionHasNoHottok() {
        var receiver = new HotmartConnector().descriptor().webhooks().orElseThrow();
        var noHottok = InMemoryCredentials.secrets(Map.of());

        WebhookOutcome outcome = receiver.receive(WebhookRequest.post(headers(HEADER, ""), APPROVED), noHottok);

        assertInstanceOf(WebhookOutcome.Unauthenticated.class, outcome);
    }

    @Test
    void authenticatesBeforeReadingTheBody() {
        assertInstanceOf(WebhookOutcome.Unauthenticated.class, receive(headers(HEADER, "wrong"), "not json"));
    }

    // --- malformed ---

    @Test
    void reportsABodyThatIsNotJsonAsMalformed() {
        var malformed = assertInstanceOf(WebhookOutcome.Malformed.class, receive("event=PURCHASE_APPROVED&id=1"));
        assertTrue(malformed.reason().contains("não é um JSON válido"), malformed.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"id\":\"1\",\"event\":\"PURCHASE_APPROVED\"}]", "\"text\"", "42", "null"})
    void reportsJsonThatIsNotAnObjectAsMalformed(String body) {
        var malformed = assertInstanceOf(WebhookOutcome.Malformed.class, receive(body));
        assertTrue(malformed.reason().contains("objeto JSON"), malformed.reason());
    }

    @Test
    void reportsAnEmptyBodyAsMalformed() {
        assertInstanceOf(WebhookOutcome.Malformed.class, receive(""));
    }

    @Test
    void reportsADeliveryWithoutEventAsMalformed() {
        String body = edited("PURCHASE_APPROVED.json", root -> root.remove("event"));

        var malformed = assertInstanceOf(WebhookOutcome.Malformed.class, receive(body));
        assertTrue(malformed.reason().contains("\"event\""), malformed.reason());
    }

    @Test
    void reportsADeliveryWithoutIdAsMalformed() {
        String body = edited("PURCHASE_APPROVED.json", root -> root.remove("id"));
        String blank = edited("PURCHASE_APPROVED.json", root -> root.put("id", "  "));

        var malformed = assertInstanceOf(WebhookOutcome.Malformed.class, receive(body));
        assertTrue(malformed.reason().contains("\"id\""), malformed.reason());
        assertInstanceOf(WebhookOutcome.Malformed.class, receive(blank));
    }

    @Test
    void reportsAPurchaseEventWithoutDataOrCreationDateAsMalformed() {
        String noData = edited("PURCHASE_APPROVED.json", root -> root.remove("data"));
        String noDate = edited("PURCHASE_APPROVED.json", root -> root.remove("creation_date"));

        assertInstanceOf(WebhookOutcome.Malformed.class, receive(noData));
        var malformed = assertInstanceOf(WebhookOutcome.Malformed.class, receive(noDate));
        assertTrue(malformed.reason().contains("creation_date"), malformed.reason());
    }

    // --- ignored ---

    @ParameterizedTest
    @ValueSource(strings = {"CLUB_FIRST_ACCESS.json", "CLUB_MODULE_COMPLETED.json", "PURCHASE_CHARGEBACK.json", "SWITCH_PLAN.json",
            "UPDATE_SUBSCRIPTION_CHARGE_DATE.json"})
    void ignoresAuthenticEventsNoTriggerUses(String fixture) {
        var ignored = assertInstanceOf(WebhookOutcome.Ignored.class, Deliveries.receiveFixture(fixture));
        assertEquals(fixture.substring(0, fixture.indexOf('.')), ignored.eventType());
    }

    @Test
    void ignoresEventTypesHotmartAddsLater() {
        String body = edited("PURCHASE_APPROVED.json", root -> root.put("event", "PURCHASE_SOMETHING_NEW"));

        var ignored = assertInstanceOf(WebhookOutcome.Ignored.class, receive(body));
        assertEquals("PURCHASE_SOMETHING_NEW", ignored.eventType());
    }

    // --- routing and de-duplication ---

    @Test
    void routesOnTheEventNeverOnThePurchaseStatus() {
        String body = edited("PURCHASE_APPROVED.json", root -> at(root, "data", "purchase").put("status", "REFUNDED"));

        assertEquals(List.of("purchase_created", "purchase_approved"), events(body).stream().map(TriggerEvent::triggerKey).toList());
    }

    @Test
    void givesADeliverysEventsInTheOrderTheyHappenedTheBeginningsFirst() {
        assertEquals(List.of("purchase_created", "subscription_created", "purchase_approved"),
                keys(Samples.read("PURCHASE_APPROVED.subscription-created.json")));
        assertEquals(List.of("purchase_created", "purchase_canceled"), keys(Samples.read("PURCHASE_CANCELED.json")));
    }

    @Test
    void keysEventsOnTheEnvelopeIdAndRecordsTheHotmartEventType() {
        TriggerEvent approved = event(APPROVED, "purchase_approved");

        assertEquals("680dcc6b-6a00-54da-a569-29983485fdd5", approved.dedupKey());
        assertEquals("PURCHASE_APPROVED", approved.eventType());
        assertEquals("0b18aa5c-adb0-5e2b-ae30-4285c4f1f10f",
                event(Samples.read("PURCHASE_REFUNDED.json"), "purchase_refunded").dedupKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PURCHASE_BILLET_PRINTED.json", "PURCHASE_APPROVED.json", "PURCHASE_CANCELED.json"})
    void keysVendaCriadaOnTheTransactionCode(String fixture) {
        String body = edited(fixture, root -> at(root, "data", "purchase").put("transaction", "HP0000000001"));

        TriggerEvent created = event(body, "purchase_created");

        assertEquals("HP0000000001", created.dedupKey());
    }

    @Test
    void givesVendaCriadaOneKeyPerSaleWhicheverEventComesFirst() {
        String printed = edited("PURCHASE_BILLET_PRINTED.json", root -> at(root, "data", "purchase").put("transaction", "HP42"));
        String approved = edited("PURCHASE_APPROVED.json", root -> at(root, "data", "purchase").put("transaction", "HP42"));

        assertEquals(event(printed, "purchase_created").dedupKey(), event(approved, "purchase_created").dedupKey());
        assertTrue(!event(approved, "purchase_approved").dedupKey().equals("HP42"));
    }

    @Test
    void yieldsNoVendaCriadaWithoutATransactionCode() {
        String body = edited("PURCHASE_BILLET_PRINTED.json", root -> at(root, "data", "purchase").remove("transaction"));
        String approved = edited("PURCHASE_APPROVED.json", root -> at(root, "data", "purchase").remove("transaction"));

        assertInstanceOf(WebhookOutcome.Ignored.class, receive(body));
        assertEquals(List.of("purchase_approved"), events(approved).stream().map(TriggerEvent::triggerKey).toList());
    }

    @Test
    void yieldsAssinaturaCriadaOnTheFirstRecurrenceOfASubscription() {
        String fixture = "PURCHASE_APPROVED.subscription-created.json";
        String second = edited(fixture, root -> at(root, "data", "purchase").put("recurrence_number", 2));
        String textual = edited(fixture, root -> at(root, "data", "purchase").put("recurrence_number", "1"));
        String noSubscription = edited(fixture, root -> at(root, "data").remove("subscription"));
        String nullSubscription = edited(fixture, root -> at(root, "data").putNull("subscription"));
        String noRecurrence = edited(fixture, root -> at(root, "data", "purchase").remove("recurrence_number"));

        assertEquals("49657203-db05-5e83-a69e-115353e3dee3", event(Samples.read(fixture), "subscription_created").dedupKey());
        assertTrue(keys(textual).contains("subscription_created"));
        for (String body : List.of(second, noSubscription, nullSubscription, noRecurrence)) {
            assertEquals(List.of("purchase_created", "purchase_approved"), keys(body));
        }
    }

    @Test
    void yieldsAssinaturaCriadaOnlyFromAnApproval() {
        String delayedFirst = edited("PURCHASE_DELAYED.json", root -> at(root, "data", "purchase").put("recurrence_number", 1));

        assertEquals(List.of("purchase_delayed"), keys(delayedFirst));
    }

    // --- subject (ordering key) ---

    @Test
    void ordersByTheBuyersEmailTrimmedAndLowerCased() {
        String body = edited("PURCHASE_APPROVED.json", root -> at(root, "data", "buyer").put("email", "  Marina.Lobo@Example.COM "));

        for (TriggerEvent event : events(body)) {
            assertEquals("marina.lobo@example.com", event.subject());
        }
        assertEquals("marina.lobo@example.com", event(body, "purchase_approved").values().get("buyer.email").text().toLowerCase());
    }

    @Test
    void ordersBySubscriberEmailThenSubscriberCodeOnCancellations() {
        String noEmail = edited("SUBSCRIPTION_CANCELLATION.json", root -> at(root, "data", "subscriber").remove("email"));

        assertEquals("fernanda.reis@example.com", event(Samples.read("SUBSCRIPTION_CANCELLATION.json"), "subscription_canceled").subject());
        assertEquals("T4NW8B2C", event(noEmail, "subscription_canceled").subject());
    }

    @Test
    void ordersByTransactionWithoutEmailAndByEventIdWithoutEither() {
        String noEmail = edited("PURCHASE_APPROVED.json", root -> at(root, "data", "buyer").remove("email"));
        String anonymousCart = edited("PURCHASE_OUT_OF_SHOPPING_CART.json", root -> at(root, "data").remove("buyer"));

        assertEquals("HP1823746501", event(noEmail, "purchase_approved").subject());
        assertEquals("ced5013b-f2f9-5bc8-93ed-4a8fa66b8883", event(anonymousCart, "cart_abandoned").subject());
    }

    // --- dates ---

    @Test
    void takesOccurredAtFromCreationDate() {
        assertEquals(Instant.parse("2025-03-14T14:02:41Z"), event(APPROVED, "purchase_approved").occurredAt());
    }

    @Test
    void takesOccurredAtFromCamelCaseCreationDate() {
        String body = edited("PURCHASE_APPROVED.json", root -> root.set("creationDate", root.remove("creation_date")));

        assertEquals(Instant.parse("2025-03-14T14:02:41Z"), event(body, "purchase_approved").occurredAt());
    }

    @Test
    void readsOrderDateAsNumberOrNumericString() {
        String textual = edited("PURCHASE_APPROVED.json", root -> at(root, "data", "purchase").put("order_date", "1741960931000"));

        TriggerEvent fromNumber = event(APPROVED, "purchase_approved");
        TriggerEvent fromText = event(textual, "purchase_approved");

        assertEquals(fromNumber.values().get("purchase.order_date"), fromText.values().get("purchase.order_date"));
        assertEquals(fromNumber.values().get("purchase.order_date_br"), fromText.values().get("purchase.order_date_br"));
        assertEquals(Instant.parse("2025-03-14T14:02:11Z"),
                ((app.ponte.api.field.Value.Timestamp) fromText.values().get("purchase.order_date")).instant());
    }

    @Test
    void givesTheSameOutcomeForTheSameDelivery() {
        assertEquals(receive(APPROVED), receive(APPROVED));
    }

    private static List<String> keys(String body) {
        return events(body).stream().map(TriggerEvent::triggerKey).toList();
    }
}
