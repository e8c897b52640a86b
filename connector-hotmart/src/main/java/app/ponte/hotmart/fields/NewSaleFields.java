package app.ponte.hotmart.fields;

import static app.ponte.api.field.FieldType.TEXT;
import static app.ponte.hotmart.fields.HotmartField.unavailable;

/**
 * Labels only "Venda criada" uses. The page names them after Hotmart's sales API; each reads the
 * same value as its counterpart on the other sale triggers (same key) or has no webhook source.
 */
public final class NewSaleFields {

    public static final HotmartField OFFER_PAYMENT_MODE = SaleFields.OFFER_PAYMENT_MODE.labelled(
            "Oferta: Tipo de pagamento (ex: PAGAMENTO_UNICO)", "Offer: payment mode (e.g. PAGAMENTO_UNICO)");
    public static final HotmartField PRICE = SaleFields.OFFER_PRICE.labelled("Preço da compra", "Purchase price");
    public static final HotmartField SALE_NATURE = unavailable("purchase.commission_as", TEXT, "Natureza da Venda",
            "Sale nature (as producer, co-producer or affiliate)",
            "Só a API de vendas da Hotmart (commission_as) a informa.", "Only Hotmart's sales API (commission_as) has it.");
    public static final HotmartField COMMISSION = SaleFields.PRODUCER_COMMISSION.labelled("Valor da comissão da venda",
            "Sale commission (producer's)");
    public static final HotmartField CURRENCY = SaleFields.CURRENCY.labelled("Moeda utilizada na compra", "Purchase currency");

    private NewSaleFields() {
    }
}
