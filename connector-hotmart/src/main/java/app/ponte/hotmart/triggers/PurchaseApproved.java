package app.ponte.hotmart.triggers;

import app.ponte.hotmart.fields.SaleFieldList;

/** "Venda aprovada": every approved purchase, one-time or a subscription charge (Hotmart's PURCHASE_APPROVED). */
public final class PurchaseApproved {

    public static final String KEY = "purchase_approved";

    private PurchaseApproved() {
    }

    public static HotmartTrigger trigger() {
        return HotmartTrigger.builder(KEY, "Venda aprovada", "Sale approved", "A cada venda aprovada na Hotmart",
                        "Every sale approved on Hotmart")
                .on("PURCHASE_APPROVED")
                .fields(SaleFieldList.approvedSale())
                .samples("PURCHASE_APPROVED.json", "PURCHASE_APPROVED.subscription-created.json")
                .build();
    }
}
