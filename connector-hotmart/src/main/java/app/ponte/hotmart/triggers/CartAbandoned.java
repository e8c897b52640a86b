package app.ponte.hotmart.triggers;

import app.ponte.hotmart.fields.BuyerFields;
import app.ponte.hotmart.fields.SaleFields;
import java.util.List;

/**
 * "Carrinho Abandonado": someone typed their name and/or e-mail in the checkout and left (Hotmart's
 * PURCHASE_OUT_OF_SHOPPING_CART, checked every 30 minutes). Only what the lead typed is sent.
 */
public final class CartAbandoned {

    public static final String KEY = "cart_abandoned";

    private CartAbandoned() {
    }

    public static HotmartTrigger trigger() {
        return HotmartTrigger.builder(KEY, "Carrinho Abandonado", "Cart abandoned", "A cada carrinho abandonado na Hotmart",
                        "Every cart abandoned on Hotmart")
                .on("PURCHASE_OUT_OF_SHOPPING_CART")
                .fields(List.of(
                        SaleFields.PRODUCT_NAME.labelled("Nome do produto", "Product name"),
                        BuyerFields.NAME,
                        BuyerFields.EMAIL_ADDRESS,
                        BuyerFields.CART_PHONE))
                .samples("PURCHASE_OUT_OF_SHOPPING_CART.json")
                .build();
    }
}
