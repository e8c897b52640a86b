package app.ponte.hotmart;

import static app.ponte.hotmart.Deliveries.at;
import static app.ponte.hotmart.Deliveries.edited;
import static app.ponte.hotmart.Deliveries.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.ponte.api.field.Value;
import app.ponte.api.field.FieldValues;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.Consumer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Derived values and Hotmart's format variations, on edited fixtures. */
class HotmartDerivationsTest {

    private static FieldValues approved(Consumer<ObjectNode> edit) {
        return event(edited("PURCHASE_APPROVED.json", edit), "purchase_approved").values();
    }

    @Test
    void splitsTheFullNameWhenHotmartSendsNoFirstOrLastName() {
        FieldValues values = approved(root -> {
            ObjectNode buyer = at(root, "data", "buyer");
            buyer.remove("first_name");
            buyer.remove("last_name");
            buyer.put("name", "  João  da Silva Sauro ");
        });

        assertEquals(Value.text("João  da Silva Sauro"), values.get("buyer.name"));
        assertEquals(Value.text("João"), values.get("buyer.first_name"));
        assertEquals(Value.text("da Silva Sauro"), values.get("buyer.last_name"));
    }

    @Test
    void leavesTheLastNameEmptyForASingleWordName() {
        FieldValues values = approved(root -> {
            ObjectNode buyer = at(root, "data", "buyer");
            buyer.remove("first_name");
            buyer.putNull("last_name");
            buyer.put("name", "Cher ");
        });

        assertEquals(Value.text("Cher"), values.get("buyer.name"));
        assertEquals(Value.text("Cher"), values.get("buyer.first_name"));
        assertEquals(Value.empty(), values.get("buyer.last_name"));
    }

    @Test
    void trimsTextsAndTreatsEmptyStringsAsAbsent() {
        FieldValues values = approved(root -> {
            at(root, "data", "buyer").put("name", "Marina Tavares Lobo  ");
            at(root, "data", "buyer").put("document", "");
            at(root, "data", "buyer").put("document_type", "");
            root.withArray("/data/affiliates").removeAll().addObject().put("affiliate_code", "").put("name", "");
        });

        assertEquals(Value.text("Marina Tavares Lobo"), values.get("buyer.name"));
        assertEquals(Value.empty(), values.get("buyer.document"));
        assertEquals(Value.empty(), values.get("buyer.document_type"));
        assertEquals(Value.empty(), values.get("affiliate.code"));
        assertEquals(Value.empty(), values.get("affiliate.name"));
    }

    @Test
    void keepsOnlyDigitsOfPhones() {
        FieldValues values = approved(root -> {
            at(root, "data", "buyer").put("checkout_phone", "+351 912-345-678");
            at(root, "data", "buyer").remove("checkout_phone_code");
        });

        assertEquals(Value.text("351912345678"), values.get("buyer.checkout_phone.number"));
        assertEquals(Value.empty(), values.get("buyer.checkout_phone.ddd"));
    }

    @Test
    void namesPaymentTypesInPortugueseAndKeepsUnknownCodesAsSent() {
        assertEquals(Value.text("Boleto"), approved(root -> at(root, "data", "purchase", "payment").put("type", "BILLET"))
                .get("purchase.payment.type_name"));
        assertEquals(Value.text("PayPal"), approved(root -> at(root, "data", "purchase", "payment").put("type", "PAYPAL"))
                .get("purchase.payment.type_name"));
        FieldValues unknown = approved(root -> at(root, "data", "purchase", "payment").put("type", "CRYPTO_WALLET"));
        assertEquals(Value.text("CRYPTO_WALLET"), unknown.get("purchase.payment.type_name"));
        assertEquals(Value.text("CRYPTO_WALLET"), unknown.get("purchase.payment.method"));
    }

    @Test
    void describesTheCurrencyBySymbolAndCarriesItWithEveryAmount() {
        FieldValues values = approved(root -> {
            at(root, "data", "purchase", "price").put("currency_value", "USD").put("value", new BigDecimal("99.90"));
            at(root, "data", "purchase", "full_price").put("currency_value", "EUR");
        });

        assertEquals(Value.text("US$"), values.get("purchase.price.currency_symbol"));
        assertEquals(Value.money(new BigDecimal("99.90"), "USD"), values.get("purchase.price.value"));
        assertEquals(Value.text("EUR"), values.get("purchase.full_price.currency"));
        assertEquals(Value.text("R$"), approved(root -> { }).get("purchase.price.currency_symbol"));
        assertEquals(Value.text("€"), approved(root -> at(root, "data", "purchase", "price").put("currency_value", "EUR"))
                .get("purchase.price.currency_symbol"));
    }

    @Test
    void readsMoneySentAsANumericStringExactly() {
        FieldValues values = approved(root -> at(root, "data", "purchase", "price").put("value", "1497.10"));

        assertEquals(Value.money(new BigDecimal("1497.10"), "BRL"), values.get("purchase.price.value"));
    }

    @Test
    void readsIsoDatesAndProductIdsSentAsStrings() {
        FieldValues values = approved(root -> {
            at(root, "data", "purchase").put("approved_date", "2025-03-14T14:02:39.000Z");
            at(root, "data", "product").put("id", "4812733");
        });

        assertEquals(Value.timestamp(Instant.parse("2025-03-14T14:02:39Z")), values.get("purchase.approved_date"));
        assertEquals(Value.text("4812733"), values.get("product.id"));
    }

    @Test
    void readsBooleansAndFillsEventTicketsAndCouponWhenSent() {
        FieldValues values = approved(root -> {
            at(root, "data", "purchase", "order_bump").put("is_order_bump", true);
            at(root, "data", "purchase").putObject("event_tickets").put("amount", 3);
            at(root, "data", "purchase", "offer").put("coupon_code", "BEMVINDO10");
        });

        assertEquals(Value.bool(true), values.get("purchase.order_bump.is_order_bump"));
        assertEquals(Value.decimal(new BigDecimal("3")), values.get("purchase.event_tickets.amount"));
        assertEquals(Value.text("BEMVINDO10"), values.get("purchase.offer.coupon_code"));
    }

    @Test
    void fallsBackToTheCountryCodeAndToTheStreetMember() {
        FieldValues values = approved(root -> {
            ObjectNode address = at(root, "data", "buyer", "address");
            address.remove("country");
            address.put("street", address.remove("address").asText());
        });

        assertEquals(Value.text("BR"), values.get("buyer.address.country"));
        assertEquals(Value.text("Rua das Acácias"), values.get("buyer.address.street"));
    }

    @Test
    void readsTheCoProducerCommissionWhenThereIsOne() {
        FieldValues values = approved(root -> root.withArray("/data/commissions").addObject()
                .put("value", new BigDecimal("10.00")).put("currency_value", "BRL").put("source", "COPRODUCER"));

        assertEquals(Value.money(new BigDecimal("10.00"), "BRL"), values.get("commissions.coproducer"));
    }
}
