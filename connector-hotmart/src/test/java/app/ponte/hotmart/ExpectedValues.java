package app.ponte.hotmart;

import app.ponte.api.field.Value;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Hand-written expected values, read off the fixture files: fixture, trigger, then key/value pairs.
 * The first case of each family lists every field; the others list what differs or matters.
 */
final class ExpectedValues {

    private static final Value E = Value.empty();

    private ExpectedValues() {
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                expect("PURCHASE_APPROVED.json", "purchase_approved",
                        "product.id", t("4812733"), "product.name", t("Fotografia de Rua na Prática"),
                        "purchase.offer.code", t("q7m2xk4d"), "purchase.price.value", m("497.0", "BRL"),
                        "affiliate.code", t("K73920154P"), "affiliate.name", t("Rafael Prado Conteúdos"),
                        "buyer.email", t("marina.lobo@example.com"), "buyer.name", t("Marina Tavares Lobo"),
                        "buyer.first_name", t("Marina"), "buyer.last_name", t("Tavares Lobo"),
                        "buyer.document", t("52814736019"), "buyer.document_type", t("CPF"),
                        "buyer.registration_phone.ddd", E, "buyer.registration_phone.number", E,
                        "buyer.checkout_phone.ddd", t("21"), "buyer.checkout_phone.number", t("987651234"),
                        "buyer.address.street", t("Rua das Acácias"), "buyer.checkout_address.street", t("Rua das Acácias"),
                        "buyer.address.number", t("145"), "buyer.checkout_address.number", t("145"),
                        "buyer.address.country", t("Brasil"), "buyer.checkout_address.country", t("Brasil"),
                        "buyer.address.neighborhood", t("Tijuca"), "buyer.checkout_address.neighborhood", t("Tijuca"),
                        "buyer.address.complement", t("Apto 302"), "buyer.checkout_address_complement", t("Apto 302"),
                        "buyer.checkout_address.complement", t("Apto 302"),
                        "buyer.address.city", t("Rio de Janeiro"), "buyer.checkout_address.city", t("Rio de Janeiro"),
                        "buyer.address.state", t("RJ"), "buyer.checkout_address.state", t("RJ"),
                        "buyer.address.zipcode", t("20511070"), "buyer.checkout_address.zipcode", t("20511070"),
                        "purchase.transaction", t("HP1823746501"), "purchase.payment.method", t("CREDIT_CARD"),
                        "purchase.payment.type_name", t("Cartão de crédito"), "purchase.hotkey", E,
                        "subscription.plan.name", E, "subscription.subscriber.code", E, "subscription.recurrence_period", E,
                        "purchase.recurrence_number", E, "commissions.marketplace", m("50.2", "BRL"),
                        "commissions.producer", m("268.08", "BRL"), "commissions.affiliate", m("178.72", "BRL"),
                        "commissions.coproducer", E, "purchase.offer.coupon_code", E, "subscription.status", E,
                        "purchase.external_transaction", E,
                        "purchase.order_date", at("2025-03-14T14:02:11Z"), "purchase.approved_date", at("2025-03-14T14:02:39Z"),
                        "purchase.order_date_br", at("2025-03-14T14:02:11Z"), "purchase.approved_date_br", at("2025-03-14T14:02:39Z"),
                        "purchase.payment.billet_url", E, "purchase.payment.billet_barcode", E,
                        "purchase.price.currency", t("BRL"), "purchase.original_offer_price.value", m("497.0", "BRL"),
                        "purchase.price.currency_symbol", t("R$"), "producer.name", t("Estúdio Lumen Educação Ltda"),
                        "producer.document", t("41298375000162"), "producer.legal_nature", t("Pessoa Jurídica"),
                        "purchase.full_price.currency", t("BRL"), "purchase.full_price.value", m("536.76", "BRL"),
                        "product.warranty_date", at("2025-03-21T00:00:00Z"), "product.support_email", t("suporte@lumen-educacao.example"),
                        "purchase.receiver_type", E, "purchase.event_tickets.amount", E, "purchase.payment.installments_number", n("6"),
                        "purchase.offer.payment_mode", E, "commissions.producer_currency", t("BRL"),
                        "purchase.origin.sck", t("checkout_principal"), "purchase.order_bump.is_order_bump", Value.bool(false),
                        "purchase.status", t("APPROVED")),
                expect("PURCHASE_APPROVED.json", "purchase_created",
                        "purchase.transaction", t("HP1823746501"), "purchase.offer.payment_mode", E, "purchase.price.value", m("497.0", "BRL"),
                        "buyer.code", E, "buyer.checkout_phone.ddd", t("21"), "buyer.checkout_phone.number", t("987651234"),
                        "purchase.commission_as", E, "commissions.producer", m("268.08", "BRL"), "purchase.price.currency", t("BRL"),
                        "purchase.full_price.value", m("536.76", "BRL"), "purchase.approved_date", at("2025-03-14T14:02:39Z")),
                expect("PURCHASE_APPROVED.subscription-created.json", "purchase_approved",
                        "subscription.plan.name", t("Plano Mensal"), "subscription.subscriber.code", t("R7KQ2M9T"),
                        "purchase.recurrence_number", n("1"), "subscription.status", t("ACTIVE"), "affiliate.code", E, "affiliate.name", E,
                        "commissions.affiliate", E, "purchase.price.value", m("59.9", "BRL"), "buyer.address.city", t("São Paulo"),
                        "product.warranty_date", E, "purchase.origin.sck", E),
                expect("PURCHASE_APPROVED.subscription-created.json", "subscription_created",
                        "product.id", t("5107742"), "product.name", t("Clube Lumen de Edição"),
                        "subscriber.email", t("renata.figueiredo@example.com"), "subscriber.name", t("Renata Okabe Figueiredo"),
                        "subscriber.phone.ddd", E, "subscriber.phone.number", E,
                        "subscriber.cell.ddd", t("11"), "subscriber.cell.number", t("983310927"),
                        "subscriber.address.street", t("Rua Harmonia"), "subscriber.address.number", t("312"),
                        "subscriber.address.country", t("Brasil"), "subscriber.address.neighborhood", t("Vila Madalena"),
                        "subscriber.address.complement", t("Casa 1"), "subscriber.address.city", t("São Paulo"),
                        "subscriber.address.state", t("SP"), "subscriber.address.zipcode", t("05435000"),
                        "purchase.transaction", t("HP1823690318"), "purchase.payment.method", t("CREDIT_CARD"),
                        "purchase.payment.type_name", t("Cartão de crédito"), "subscription.plan.name", t("Plano Mensal"),
                        "subscription.subscriber.code", t("R7KQ2M9T"), "subscription.recurrence_period", E,
                        "purchase.order_date", at("2025-03-03T15:12:01Z"), "purchase.approved_date", at("2025-03-03T15:12:33Z"),
                        "purchase.price.currency", t("BRL"), "purchase.full_price.currency", t("BRL"),
                        "subscription.price", m("59.9", "BRL"), "purchase.payment.installments_number", n("1")),
                expect("PURCHASE_APPROVED.subscription-created.json", "purchase_created",
                        "purchase.transaction", t("HP1823690318"), "purchase.price.value", m("59.9", "BRL"), "affiliate.code", E),
                expect("PURCHASE_COMPLETE.json", "purchase_complete",
                        "purchase.transaction", t("HP1823746501"), "purchase.status", t("COMPLETED"), "purchase.payment.billet_url", E,
                        "purchase.full_price.value", m("536.76", "BRL"), "product.warranty_date", at("2025-03-21T00:00:00Z"),
                        "purchase.approved_date_br", at("2025-03-14T14:02:39Z"), "buyer.first_name", t("Marina")),
                expect("PURCHASE_CANCELED.json", "purchase_canceled",
                        "buyer.name", t("Henrique Sasaki Moura"), "buyer.last_name", t("Sasaki Moura"),
                        "buyer.address.neighborhood", t("Saúde"), "buyer.address.complement", E,
                        "buyer.checkout_address_complement", E, "buyer.checkout_address.complement", E,
                        "affiliate.code", E, "affiliate.name", E, "purchase.approved_date", E, "purchase.approved_date_br", E,
                        "purchase.order_date_br", at("2025-04-02T13:20:05Z"), "commissions.producer", m("446.8", "BRL"),
                        "purchase.full_price.value", m("517.38", "BRL"), "purchase.payment.installments_number", n("3"),
                        "purchase.status", t("CANCELED"), "product.warranty_date", at("2025-03-21T00:00:00Z")),
                expect("PURCHASE_CANCELED.json", "purchase_created",
                        "purchase.transaction", t("HP1823750944"), "purchase.approved_date", E, "buyer.email", t("henrique.moura@example.org")),
                expect("PURCHASE_REFUNDED.json", "purchase_refunded",
                        "buyer.email", t("beatriz.cardoso@example.com"), "purchase.payment.method", t("PIX"),
                        "purchase.payment.type_name", t("Pix"), "purchase.full_price.value", m("497.0", "BRL"),
                        "buyer.address.city", t("Porto Alegre"), "buyer.checkout_phone.ddd", t("51"), "purchase.status", t("REFUNDED")),
                expect("PURCHASE_PROTEST.json", "refund_requested",
                        "buyer.name", t("Otávio Rezende Lima"), "buyer.first_name", t("Otávio"), "buyer.address.street", t("Rua Grão Pará"),
                        "buyer.address.neighborhood", t("Funcionários"), "producer.legal_nature", t("Pessoa Jurídica"),
                        "purchase.transaction", t("HP1823770306"), "purchase.approved_date", at("2025-04-15T12:30:20Z"),
                        "commissions.producer", m("446.8", "BRL"), "purchase.payment.billet_url", E, "purchase.hotkey", E),
                expect("PURCHASE_EXPIRED.json", "purchase_expired",
                        "purchase.payment.method", t("BILLET"), "purchase.payment.type_name", t("Boleto"),
                        "purchase.payment.billet_url", t("https://boleto.example.com/b/HP1823788870"),
                        "purchase.payment.billet_barcode", t("23793381286008301234567890123456710450000049700"),
                        "purchase.approved_date", E, "affiliate.code", E, "buyer.address.complement", E, "buyer.address.state", t("PE"),
                        "purchase.status", t("EXPIRED")),
                expect("PURCHASE_DELAYED.json", "purchase_delayed",
                        "buyer.name", t("Patrícia Gomes Rocha"), "purchase.recurrence_number", n("4"), "subscription.status", t("DELAYED"),
                        "subscription.subscriber.code", t("P2VX7L4Q"), "subscription.plan.name", t("Plano Mensal"),
                        "purchase.status", t("DELAYED"), "purchase.price.value", m("59.9", "BRL"), "commissions.marketplace", m("6.93", "BRL")),
                expect("PURCHASE_BILLET_PRINTED.json", "purchase_created",
                        "product.id", t("4812733"), "product.name", t("Fotografia de Rua na Prática"), "purchase.offer.code", t("q7m2xk4d"),
                        "purchase.offer.payment_mode", E, "purchase.price.value", m("497.0", "BRL"),
                        "affiliate.code", t("K73920154P"), "affiliate.name", t("Rafael Prado Conteúdos"), "buyer.code", E,
                        "buyer.email", t("sergio.vidal@example.net"), "buyer.name", t("Sérgio Antunes Vidal"),
                        "buyer.document", t("40928365107"), "buyer.document_type", t("CPF"),
                        "buyer.checkout_phone.ddd", t("62"), "buyer.checkout_phone.number", t("981447203"),
                        "buyer.address.street", t("Avenida T-63"), "buyer.address.number", t("1296"), "buyer.address.country", t("Brasil"),
                        "buyer.address.neighborhood", t("Setor Bueno"), "buyer.address.complement", t("Qd 145 Lt 10"),
                        "buyer.address.city", t("Goiânia"), "buyer.address.state", t("GO"), "buyer.address.zipcode", t("74230100"),
                        "purchase.transaction", t("HP1823812253"), "purchase.payment.method", t("BILLET"),
                        "purchase.payment.type_name", t("Boleto"), "subscription.recurrence_period", E, "purchase.commission_as", E,
                        "commissions.producer", m("268.08", "BRL"), "purchase.order_date", at("2025-06-11T14:30:44Z"),
                        "purchase.approved_date", E, "purchase.price.currency", t("BRL"), "purchase.full_price.value", m("497.0", "BRL"),
                        "purchase.payment.installments_number", n("1")),
                expect("PURCHASE_OUT_OF_SHOPPING_CART.json", "cart_abandoned",
                        "product.name", t("Fotografia de Rua na Prática"), "buyer.name", t("Gustavo Lemos Barreto"),
                        "buyer.email", t("gustavo.barreto@example.net"), "buyer.phone", t("11974328815")),
                expect("SUBSCRIPTION_CANCELLATION.json", "subscription_canceled",
                        "subscription.id", t("3390121"), "subscriber.code", t("T4NW8B2C"),
                        "subscription.cancellation_date", at("2025-06-21T13:48:20Z"), "subscriber.name", t("Fernanda Castilho Reis"),
                        "subscriber.email", t("fernanda.reis@example.com"), "subscription.actual_recurrence_value", m("59.9", null),
                        "product.name", t("Clube Lumen de Edição"), "subscription.plan.name", t("Plano Mensal")));
    }

    private static Arguments expect(String fixture, String trigger, Object... pairs) {
        Map<String, Value> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (values.put((String) pairs[i], (Value) pairs[i + 1]) != null) {
                throw new IllegalArgumentException(fixture + " " + trigger + ": " + pairs[i] + " twice");
            }
        }
        return Arguments.of(fixture, trigger, values);
    }

    private static Value t(String text) {
        return Value.text(text);
    }

    private static Value m(String amount, String currency) {
        return Value.money(new BigDecimal(amount), currency);
    }

    private static Value n(String number) {
        return Value.decimal(new BigDecimal(number));
    }

    private static Value at(String instant) {
        return Value.timestamp(Instant.parse(instant));
    }
}
