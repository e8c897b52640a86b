package app.ponte.hotmart.fields;

import static app.ponte.hotmart.fields.BuyerFields.*;
import static app.ponte.hotmart.fields.SaleFields.*;

import java.util.List;

/**
 * The 72 outputs the page lists, in its order, for "Venda aprovada", "Venda expirada", "Venda
 * atrasada", "Venda cancelada", "Venda reembolsada" and "Venda completa". Only three labels differ
 * between them (same values, same keys): the boleto link, the paid currency and the total.
 */
public final class SaleFieldList {

    private SaleFieldList() {
    }

    /** Labels of "Venda aprovada": "Boleto: Link para impressão", "… da venda", "Valor total da venda". */
    public static List<HotmartField> approvedSale() {
        return with(BILLET_PRINT_URL, PAID_CURRENCY_OF_SALE, TOTAL_OF_SALE);
    }

    /** Labels of the other five: "Boleto: Link", "… da compra", "Valor total da compra". */
    public static List<HotmartField> sale() {
        return with(BILLET_URL, PAID_CURRENCY, TOTAL);
    }

    private static List<HotmartField> with(HotmartField billetUrl, HotmartField paidCurrency, HotmartField total) {
        return List.of(
                PRODUCT_ID, PRODUCT_NAME, OFFER_CODE, OFFER_PRICE, AFFILIATE_CODE, AFFILIATE_NAME,
                EMAIL_ADDRESS, NAME, FIRST_NAME, LAST_NAME, DOCUMENT, DOCUMENT_TYPE,
                REGISTRATION_PHONE_DDD, REGISTRATION_PHONE_NUMBER, CHECKOUT_PHONE_DDD, CHECKOUT_PHONE_NUMBER,
                STREET, CHECKOUT_STREET, NUMBER, CHECKOUT_NUMBER, COUNTRY, CHECKOUT_COUNTRY,
                NEIGHBORHOOD, CHECKOUT_NEIGHBORHOOD, COMPLEMENT, CHECKOUT_COMPLEMENT_ALT, CHECKOUT_COMPLEMENT,
                CITY, CHECKOUT_CITY, STATE, CHECKOUT_STATE, ZIPCODE, CHECKOUT_ZIPCODE,
                TRANSACTION, PAYMENT_METHOD, PAYMENT_TYPE_NAME, HOTKEY, PLAN_NAME, SUBSCRIBER_CODE,
                RECURRENCE_PERIOD, RECURRENCE_NUMBER, MARKETPLACE_FEE, PRODUCER_COMMISSION, AFFILIATE_COMMISSION,
                COPRODUCER_COMMISSION, COUPON, SUBSCRIPTION_STATUS, EXTERNAL_TRANSACTION,
                ORDER_DATE, APPROVED_DATE, ORDER_DAY, APPROVED_DAY, billetUrl, BILLET_BARCODE,
                CURRENCY, ORIGINAL_PRICE, CURRENCY_SYMBOL, PRODUCER_NAME, PRODUCER_DOCUMENT, PRODUCER_LEGAL_NATURE,
                paidCurrency, total, WARRANTY_DATE, SUPPORT_EMAIL, RECEIVER_TYPE, E_TICKETS, INSTALLMENTS,
                OFFER_PAYMENT_MODE, COMMISSION_CURRENCY, SCK, ORDER_BUMP, STATUS);
    }
}
