package app.ponte.hotmart.triggers;

import app.ponte.hotmart.fields.SaleFieldList;

/** "Venda expirada": every purchase whose payment (e.g. a boleto) expired unpaid (Hotmart's PURCHASE_EXPIRED). */
public final class PurchaseExpired {

    public static final String KEY = "purchase_expired";

    private PurchaseExpired() {
    }

    public static HotmartTrigger trigger() {
        return HotmartTrigger.builder(KEY, "Venda expirada", "Sale expired", "A cada venda expirada na Hotmart", "Every sale that expires on Hotmart")
                .on("PURCHASE_EXPIRED")
                .fields(SaleFieldList.sale())
                .samples("PURCHASE_EXPIRED.json")
                .build();
    }
}
