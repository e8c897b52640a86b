package app.ponte.hotmart.triggers;

import app.ponte.hotmart.fields.SaleFieldList;

/** "Venda completa": every purchase whose warranty period ended without a refund (Hotmart's PURCHASE_COMPLETE). */
public final class PurchaseComplete {

    public static final String KEY = "purchase_complete";

    private PurchaseComplete() {
    }

    public static HotmartTrigger trigger() {
        return HotmartTrigger.builder(KEY, "Venda completa", "Sale completed", "A cada venda completa na Hotmart", "Every sale completed on Hotmart")
                .on("PURCHASE_COMPLETE")
                .fields(SaleFieldList.sale())
                .samples("PURCHASE_COMPLETE.json")
                .build();
    }
}
