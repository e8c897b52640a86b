package app.ponte.hotmart.triggers;

import static app.ponte.hotmart.fields.BuyerFields.*;
import static app.ponte.hotmart.fields.SaleFields.*;

import app.ponte.hotmart.fields.NewSaleFields;
import java.util.List;

/**
 * "Venda criada". Hotmart has no such event: a sale begins with a boleto/PIX generated
 * (PURCHASE_BILLET_PRINTED), a card approved (PURCHASE_APPROVED) or a card refused
 * (PURCHASE_CANCELED). Each of them yields this trigger keyed by the transaction code, so the
 * platform's de-duplication fires it once per sale, on whichever comes first (DECISIONS.md).
 * A delivery without a transaction code cannot be tied to a sale and does not yield it.
 */
public final class PurchaseCreated {

    public static final String KEY = "purchase_created";

    private PurchaseCreated() {
    }

    public static HotmartTrigger trigger() {
        return HotmartTrigger.builder(KEY, "Venda criada", "Sale created", "A cada venda criada na Hotmart", "Every sale created on Hotmart")
                .on("PURCHASE_BILLET_PRINTED", "PURCHASE_APPROVED", "PURCHASE_CANCELED")
                .when(payload -> !TRANSACTION.extraction().from(payload).isEmpty())
                .dedupKey(HotmartTrigger.DedupKey.TRANSACTION)
                .fields(List.of(
                        PRODUCT_ID, PRODUCT_NAME, OFFER_CODE, NewSaleFields.OFFER_PAYMENT_MODE, NewSaleFields.PRICE,
                        AFFILIATE_CODE, AFFILIATE_NAME, CODE, EMAIL_ADDRESS, NAME, DOCUMENT, DOCUMENT_TYPE,
                        PHONE_DDD, PHONE_NUMBER, STREET, NUMBER, COUNTRY, NEIGHBORHOOD, COMPLEMENT, CITY, STATE, ZIPCODE,
                        TRANSACTION, PAYMENT_METHOD, PAYMENT_TYPE_NAME, RECURRENCE_PERIOD, NewSaleFields.SALE_NATURE,
                        NewSaleFields.COMMISSION, ORDER_DATE, APPROVED_DATE, NewSaleFields.CURRENCY, TOTAL, INSTALLMENTS))
                .samples("PURCHASE_BILLET_PRINTED.json", "PURCHASE_APPROVED.json", "PURCHASE_CANCELED.json")
                .build();
    }
}
