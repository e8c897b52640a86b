package app.ponte.hotmart.triggers;

import app.ponte.hotmart.fields.SaleFieldList;

/** "Venda atrasada": a charge (typically a subscription recurrence) that could not be collected on time (Hotmart's PURCHASE_DELAYED). */
public final class PurchaseDelayed {

    public static final String KEY = "purchase_delayed";

    private PurchaseDelayed() {
    }

    public static HotmartTrigger trigger() {
        return HotmartTrigger.builder(KEY, "Venda atrasada", "Sale overdue", "Quando uma venda estiver atrasada na Hotmart", "When a sale is overdue on Hotmart")
                .on("PURCHASE_DELAYED")
                .fields(SaleFieldList.sale())
                .samples("PURCHASE_DELAYED.json")
                .build();
    }
}
