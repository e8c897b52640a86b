package app.ponte.hotmart.fields;

import static app.ponte.api.field.FieldType.BOOLEAN;
import static app.ponte.api.field.FieldType.DATE;
import static app.ponte.api.field.FieldType.DATE_TIME;
import static app.ponte.api.field.FieldType.EMAIL;
import static app.ponte.api.field.FieldType.IDENTIFIER;
import static app.ponte.api.field.FieldType.INTEGER;
import static app.ponte.api.field.FieldType.TEXT;
import static app.ponte.api.field.FieldType.URL;
import static app.ponte.hotmart.fields.HotmartField.derived;
import static app.ponte.hotmart.fields.HotmartField.money;
import static app.ponte.hotmart.fields.HotmartField.path;
import static app.ponte.hotmart.fields.HotmartField.unavailable;

/** Product, offer, affiliate, payment, dates and producer of a purchase event ({@code data.product}, {@code data.purchase}, ...). */
public final class SaleFields {

    private static final String DAY_PT = "Mesmo instante do campo em AAAA-MM-DD, exibido como DD/MM/AAAA no fuso horário do workspace.";
    private static final String DAY_EN = "Same instant as the ISO field, shown as DD/MM/YYYY in the workspace's time zone.";

    public static final HotmartField PRODUCT_ID = path("product.id", IDENTIFIER, "Produto: Código", "Product: code", "$.data.product.id");
    public static final HotmartField PRODUCT_NAME = path("product.name", TEXT, "Produto: Nome", "Product: name", "$.data.product.name");
    public static final HotmartField OFFER_CODE = path("purchase.offer.code", IDENTIFIER, "Oferta: Código", "Offer: code",
            "$.data.purchase.offer.code");
    public static final HotmartField OFFER_PRICE = money("purchase.price.value", "Oferta: Preço", "Offer: price", "$.data.purchase.price");
    public static final HotmartField AFFILIATE_CODE = path("affiliate.code", IDENTIFIER, "Afiliado: Código", "Affiliate: code",
            "$.data.affiliates[0].affiliate_code");
    public static final HotmartField AFFILIATE_NAME = path("affiliate.name", TEXT, "Afiliado: Nome", "Affiliate: name",
            "$.data.affiliates[0].name");
    public static final HotmartField TRANSACTION = path("purchase.transaction", IDENTIFIER, "Código de transação", "Transaction code",
            "$.data.purchase.transaction");
    public static final HotmartField PAYMENT_METHOD = derived("purchase.payment.method", TEXT, "Método de Pagamento", "Payment method",
            Extract.path(TEXT, "$.data.purchase.payment.type"),
            "Código do tipo de pagamento enviado pela Hotmart (ex.: CREDIT_CARD, PIX, BILLET); o webhook v2 não detalha a bandeira.",
            "Hotmart's payment type code (e.g. CREDIT_CARD, PIX, BILLET); the v2 webhook does not name the card brand.");
    public static final HotmartField PAYMENT_TYPE_NAME = derived("purchase.payment.type_name", TEXT,
            "Forma de Pagamento (boleto, cartão de crédito, etc)", "Payment type (boleto, credit card, etc.)",
            Derive.paymentTypeName("$.data.purchase.payment.type"),
            "Nome em português do tipo de pagamento (ex.: CREDIT_CARD → Cartão de crédito, BILLET → Boleto).",
            "Portuguese name of the payment type (e.g. CREDIT_CARD → Cartão de crédito, BILLET → Boleto).");
    public static final HotmartField HOTKEY = unavailable("purchase.hotkey", TEXT, "Hotkey", "Hotkey",
            "Existia só no postback v1 (hotkey).", "Only the v1 postback had it (hotkey).");
    public static final HotmartField PLAN_NAME = path("subscription.plan.name", TEXT, "Nome do plano de assinatura",
            "Subscription plan name", "$.data.subscription.plan.name");
    public static final HotmartField SUBSCRIBER_CODE = path("subscription.subscriber.code", IDENTIFIER, "Código do assinante",
            "Subscriber code", "$.data.subscription.subscriber.code");
    public static final HotmartField RECURRENCE_PERIOD = unavailable("subscription.recurrence_period", INTEGER, "Período de recorrência",
            "Recurrence period", "Só o postback v1 e a API de assinaturas informam o período (em dias).",
            "Only the v1 postback and the subscriptions API carry the period (in days).");
    public static final HotmartField RECURRENCE_NUMBER = path("purchase.recurrence_number", INTEGER,
            "Período do pagamento em que o assinante está", "Billing period the subscriber is in (recurrence number)",
            "$.data.purchase.recurrence_number");
    public static final HotmartField MARKETPLACE_FEE = commission("marketplace", "MARKETPLACE",
            "Tarifa de intermediação e processamento do pagamento", "Hotmart's intermediation and payment processing fee");
    public static final HotmartField PRODUCER_COMMISSION = commission("producer", "PRODUCER", "Comissão do produtor", "Producer commission");
    public static final HotmartField AFFILIATE_COMMISSION = commission("affiliate", "AFFILIATE", "Comissão do afiliado", "Affiliate commission");
    public static final HotmartField COPRODUCER_COMMISSION = commission("coproducer", "COPRODUCER", "Comissão do co-produtor",
            "Co-producer commission");
    public static final HotmartField COUPON = path("purchase.offer.coupon_code", TEXT, "Cupom de desconto", "Discount coupon",
            "$.data.purchase.offer.coupon_code");
    public static final HotmartField SUBSCRIPTION_STATUS = path("subscription.status", TEXT, "Status da assinatura", "Subscription status",
            "$.data.subscription.status");
    public static final HotmartField EXTERNAL_TRANSACTION = unavailable("purchase.external_transaction", IDENTIFIER,
            "Código de transação gerado pelo meio de pagamento externo", "Transaction code from the external payment provider",
            "Existia só no postback v1 (transaction_ext).", "Only the v1 postback had it (transaction_ext).");
    public static final HotmartField ORDER_DATE = path("purchase.order_date", DATE_TIME, "Data do pedido (em AAAA-MM-DD T HH:MM:SS Z)",
            "Order date (ISO 8601, UTC)", "$.data.purchase.order_date");
    public static final HotmartField APPROVED_DATE = path("purchase.approved_date", DATE_TIME,
            "Data da liberação da compra (em AAAA-MM-DD T HH:MM:SS Z)", "Purchase release date (ISO 8601, UTC)",
            "$.data.purchase.approved_date");
    public static final HotmartField ORDER_DAY = path("purchase.order_date_br", DATE, "Data do pedido (em DD/MM/AAAA)",
            "Order date (DD/MM/YYYY)", "$.data.purchase.order_date").noted(DAY_PT, DAY_EN);
    public static final HotmartField APPROVED_DAY = path("purchase.approved_date_br", DATE, "Data da liberação da compra (em DD/MM/AAAA)",
            "Purchase release date (DD/MM/YYYY)", "$.data.purchase.approved_date").noted(DAY_PT, DAY_EN);
    public static final HotmartField BILLET_URL = path("purchase.payment.billet_url", URL, "Boleto: Link", "Boleto: link",
            "$.data.purchase.payment.billet_url");
    public static final HotmartField BILLET_PRINT_URL = BILLET_URL.labelled("Boleto: Link para impressão", "Boleto: link to print");
    public static final HotmartField BILLET_BARCODE = path("purchase.payment.billet_barcode", IDENTIFIER, "Boleto: Código de barras",
            "Boleto: barcode", "$.data.purchase.payment.billet_barcode");
    public static final HotmartField CURRENCY = path("purchase.price.currency", TEXT, "Moeda", "Currency",
            "$.data.purchase.price.currency_value");
    public static final HotmartField ORIGINAL_PRICE = money("purchase.original_offer_price.value", "Valor original", "Original price",
            "$.data.purchase.original_offer_price");
    public static final HotmartField CURRENCY_SYMBOL = derived("purchase.price.currency_symbol", TEXT, "Descrição da moeda (R$, €, US$)",
            "Currency symbol (R$, €, US$)", Derive.currencySymbol("$.data.purchase.price.currency_value"),
            "Símbolo do código da moeda (BRL → R$, USD → US$, EUR → €); um código sem símbolo conhecido aparece como veio.",
            "Symbol of the currency code (BRL → R$, USD → US$, EUR → €); a code without a known symbol appears as sent.");
    public static final HotmartField PRODUCER_NAME = path("producer.name", TEXT, "Produtor: Nome", "Producer: name", "$.data.producer.name");
    public static final HotmartField PRODUCER_DOCUMENT = path("producer.document", IDENTIFIER, "Produtor: Documento", "Producer: document",
            "$.data.producer.document");
    public static final HotmartField PRODUCER_LEGAL_NATURE = path("producer.legal_nature", TEXT, "Produtor: Natureza Jurídica",
            "Producer: legal nature", "$.data.producer.legal_nature");
    public static final HotmartField PRODUCER_LEGAL_NATURE_EN = PRODUCER_LEGAL_NATURE.labelled("Produtor: Legal Nature", "Producer: legal nature");
    public static final HotmartField PAID_CURRENCY_OF_SALE = path("purchase.full_price.currency", TEXT,
            "Origem da moeda utilizada no pagamento da venda", "Currency the buyer paid in", "$.data.purchase.full_price.currency_value");
    public static final HotmartField PAID_CURRENCY = PAID_CURRENCY_OF_SALE.labelled("Origem da moeda utilizada no pagamento da compra",
            "Currency the buyer paid in");
    public static final HotmartField TOTAL_OF_SALE = money("purchase.full_price.value", "Valor total da venda", "Sale total (paid)",
            "$.data.purchase.full_price");
    public static final HotmartField TOTAL = TOTAL_OF_SALE.labelled("Valor total da compra", "Purchase total (paid)");
    public static final HotmartField WARRANTY_DATE = path("product.warranty_date", DATE_TIME,
            "Data de vencimento da garantia (em AAAA-MM-DD T HH:MM:SS Z)", "Warranty expiry date (ISO 8601, UTC)",
            "$.data.product.warranty_date");
    public static final HotmartField SUPPORT_EMAIL = path("product.support_email", EMAIL, "E-mail de suporte do produto",
            "Product support e-mail", "$.data.product.support_email");
    public static final HotmartField RECEIVER_TYPE = unavailable("purchase.receiver_type", TEXT, "Tipo de recebedor", "Receiver type",
            "Existia só no postback v1 (receiver_type).", "Only the v1 postback had it (receiver_type).");
    public static final HotmartField E_TICKETS = path("purchase.event_tickets.amount", INTEGER, "Quantidade de e-tickets",
            "Number of e-tickets", "$.data.purchase.event_tickets.amount");
    public static final HotmartField INSTALLMENTS = path("purchase.payment.installments_number", INTEGER, "Número de parcelas",
            "Number of installments", "$.data.purchase.payment.installments_number");
    public static final HotmartField OFFER_PAYMENT_MODE = unavailable("purchase.offer.payment_mode", TEXT,
            "Tipo de pagamento da oferta (ex: pagamento à vista, múltiplos pagamentos, etc)",
            "Offer payment mode (e.g. single payment, multiple payments)",
            "Só o postback v1 e a API de vendas informam o modo de pagamento da oferta.",
            "Only the v1 postback and the sales API carry the offer's payment mode.");
    public static final HotmartField COMMISSION_CURRENCY = path("commissions.producer_currency", TEXT, "Valor em que a comissão será paga.",
            "Currency the commission is paid in", "$.data.commissions[?(@.source=='PRODUCER')].currency_value")
            .noted("Moeda em que a comissão do produtor é paga.", "Currency of the producer's commission.");
    public static final HotmartField SCK = path("purchase.origin.sck", TEXT, "Produto: SCK", "Product: SCK (checkout tracking code)",
            "$.data.purchase.origin.sck");
    public static final HotmartField ORDER_BUMP = path("purchase.order_bump.is_order_bump", BOOLEAN, "Order Bump", "Order bump",
            "$.data.purchase.order_bump.is_order_bump");
    public static final HotmartField STATUS = path("purchase.status", TEXT, "Status da venda", "Sale status", "$.data.purchase.status")
            .noted("Código enviado pela Hotmart (ex.: APPROVED, COMPLETED, CANCELED).", "Hotmart's code as sent (e.g. APPROVED, COMPLETED, CANCELED).");

    private SaleFields() {
    }

    private static HotmartField commission(String who, String source, String pt, String en) {
        String at = "$.data.commissions[?(@.source=='" + source + "')]";
        return new HotmartField(app.ponte.api.field.Field.of("commissions." + who, app.ponte.api.field.FieldType.MONEY, pt, en),
                Extract.money(at + ".value", at + ".currency_value"));
    }
}
