package app.ponte.hotmart.triggers;

import app.ponte.hotmart.fields.SaleFieldList;

/** "Venda cancelada": every canceled purchase, e.g. a refused card (Hotmart's PURCHASE_CANCELED). */
public final class PurchaseCanceled {

    public static final String KEY = "purchase_canceled";

    private PurchaseCanceled() {
    }

    public static HotmartTrigger trigger() {
        return HotmartTrigger.builder(KEY, "Venda cancelada", "Sale canceled", "A cada venda cancelada na Hotmart", "Every sale canceled on Hotmart")
                .on("PURCHASE_CANCELED")
                .fields(SaleFieldList.sale())
                .samples("PURCHASE_CANCELED.json")
                .build();
    }
}
