package app.ponte.hotmart.triggers;

import app.ponte.hotmart.fields.SaleFieldList;

/** "Venda reembolsada": every refunded purchase (Hotmart's PURCHASE_REFUNDED). */
public final class PurchaseRefunded {

    public static final String KEY = "purchase_refunded";

    private PurchaseRefunded() {
    }

    public static HotmartTrigger trigger() {
        return HotmartTrigger.builder(KEY, "Venda reembolsada", "Sale refunded", "A cada venda reembolsada na Hotmart", "Every sale refunded on Hotmart")
                .on("PURCHASE_REFUNDED")
                .fields(SaleFieldList.sale())
                .samples("PURCHASE_REFUNDED.json")
                .build();
    }
}
