package app.ponte.hotmart.triggers;

import static app.ponte.hotmart.fields.BuyerFields.*;
import static app.ponte.hotmart.fields.SaleFields.*;

import java.util.List;

/**
 * "Pedido de reembolso": the buyer asked for a refund / opened a dispute (Hotmart's
 * PURCHASE_PROTEST, status DISPUTE). The page lists 58 labels: no "(checkout)" address, no
 * DD/MM/AAAA dates, no commission currency, order bump or sale status, and "Produtor: Legal Nature".
 */
public final class RefundRequested {

    public static final String KEY = "refund_requested";

    private RefundRequested() {
    }

    public static HotmartTrigger trigger() {
        return HotmartTrigger.builder(KEY, "Pedido de reembolso", "Refund requested", "Quando um pedido de reembolso for feito na Hotmart",
                        "When a refund is requested on Hotmart")
                .on("PURCHASE_PROTEST")
                .fields(List.of(
                        PRODUCT_ID, PRODUCT_NAME, OFFER_CODE, OFFER_PRICE, AFFILIATE_CODE, AFFILIATE_NAME,
                        EMAIL_ADDRESS, NAME, FIRST_NAME, LAST_NAME, DOCUMENT, DOCUMENT_TYPE,
                        REGISTRATION_PHONE_DDD, REGISTRATION_PHONE_NUMBER, CHECKOUT_PHONE_DDD, CHECKOUT_PHONE_NUMBER,
                        STREET, NUMBER, COUNTRY, NEIGHBORHOOD, COMPLEMENT, CITY, STATE, ZIPCODE,
                        TRANSACTION, PAYMENT_METHOD, PAYMENT_TYPE_NAME, HOTKEY, PLAN_NAME, SUBSCRIBER_CODE,
                        RECURRENCE_PERIOD, RECURRENCE_NUMBER, MARKETPLACE_FEE, PRODUCER_COMMISSION, AFFILIATE_COMMISSION,
                        COPRODUCER_COMMISSION, COUPON, SUBSCRIPTION_STATUS, EXTERNAL_TRANSACTION,
                        ORDER_DATE, APPROVED_DATE, BILLET_PRINT_URL, BILLET_BARCODE,
                        CURRENCY, ORIGINAL_PRICE, CURRENCY_SYMBOL, PRODUCER_NAME, PRODUCER_DOCUMENT, PRODUCER_LEGAL_NATURE_EN,
                        PAID_CURRENCY, TOTAL, WARRANTY_DATE, SUPPORT_EMAIL, RECEIVER_TYPE, E_TICKETS, INSTALLMENTS,
                        OFFER_PAYMENT_MODE, SCK))
                .samples("PURCHASE_PROTEST.json")
                .build();
    }
}
