package app.ponte.hotmart.fields;

import static app.ponte.api.field.FieldType.DATE_TIME;
import static app.ponte.api.field.FieldType.EMAIL;
import static app.ponte.api.field.FieldType.IDENTIFIER;
import static app.ponte.api.field.FieldType.PHONE;
import static app.ponte.api.field.FieldType.TEXT;
import static app.ponte.hotmart.fields.HotmartField.derived;
import static app.ponte.hotmart.fields.HotmartField.money;
import static app.ponte.hotmart.fields.HotmartField.path;
import static app.ponte.hotmart.fields.HotmartField.unavailable;

import app.ponte.api.field.Field;
import app.ponte.api.field.FieldType;

/**
 * The subscriber: of a new subscription (read from the buyer of its first approved charge) and of a
 * cancelled one ({@code SUBSCRIPTION_CANCELLATION}'s own {@code data.subscriber}).
 */
public final class SubscriptionFields {

    private static final String FROM_BUYER_PT = "Comprador da primeira cobrança aprovada da assinatura.";
    private static final String FROM_BUYER_EN = "Buyer of the subscription's first approved charge.";
    private static final String NO_LANDLINE_PT = "Os eventos de compra não trazem o telefone fixo do assinante.";
    private static final String NO_LANDLINE_EN = "Purchase events do not carry the subscriber's landline.";
    private static final String B = "$.data.buyer.";

    // "Assinatura criada": the first approved charge of a subscription (PURCHASE_APPROVED)
    public static final HotmartField NEW_EMAIL = path("subscriber.email", EMAIL, "Assinante: E-mail", "Subscriber: e-mail", B + "email")
            .noted(FROM_BUYER_PT, FROM_BUYER_EN);
    public static final HotmartField NEW_NAME = path("subscriber.name", TEXT, "Assinante: Nome completo", "Subscriber: full name",
            B + "name").noted(FROM_BUYER_PT, FROM_BUYER_EN);
    public static final HotmartField NEW_PHONE_DDD = unavailable("subscriber.phone.ddd", IDENTIFIER, "Assinante: DDD do telefone",
            "Subscriber: phone area code", NO_LANDLINE_PT, NO_LANDLINE_EN);
    public static final HotmartField NEW_PHONE_NUMBER = unavailable("subscriber.phone.number", PHONE,
            "Assinante: Número do telefone (cadastro)", "Subscriber: phone number (registration)", NO_LANDLINE_PT, NO_LANDLINE_EN);
    public static final HotmartField NEW_CELL_DDD = derived("subscriber.cell.ddd", IDENTIFIER, "Assinante: DDD do celular",
            "Subscriber: mobile area code", Extract.digits(B + "checkout_phone_code"),
            "DDD do telefone informado no checkout, só dígitos.", "Area code of the phone given at checkout, digits only.");
    public static final HotmartField NEW_CELL_NUMBER = derived("subscriber.cell.number", PHONE, "Assinante: Número do celular",
            "Subscriber: mobile number", Extract.digits(B + "checkout_phone"),
            "Telefone informado no checkout, só dígitos.", "Phone given at checkout, digits only.");
    public static final HotmartField NEW_STREET = address("street", "Assinante: Endereço", "Subscriber: street address",
            B + "address.address", B + "address.street");
    public static final HotmartField NEW_NUMBER = address("number", "Assinante: Número do endereço", "Subscriber: street number",
            B + "address.number");
    public static final HotmartField NEW_COUNTRY = address("country", "Assinante: País", "Subscriber: country",
            B + "address.country", B + "address.country_iso");
    public static final HotmartField NEW_NEIGHBORHOOD = address("neighborhood", "Assinante: Bairro", "Subscriber: neighbourhood",
            B + "address.neighborhood");
    public static final HotmartField NEW_COMPLEMENT = address("complement", "Assinante: Complemento do endereço",
            "Subscriber: address complement", B + "address.complement");
    public static final HotmartField NEW_CITY = address("city", "Assinante: Cidade", "Subscriber: city", B + "address.city");
    public static final HotmartField NEW_STATE = address("state", "Assinante: Estado", "Subscriber: state", B + "address.state");
    public static final HotmartField NEW_ZIPCODE = address("zipcode", "Assinante: CEP", "Subscriber: postal code", B + "address.zipcode");
    public static final HotmartField PRICE = money("subscription.price", "Valor da assinatura", "Subscription price", "$.data.purchase.price")
            .noted("Preço da primeira cobrança da assinatura.", "Price of the subscription's first charge.");

    // "Assinatura cancelada" (SUBSCRIPTION_CANCELLATION)
    public static final HotmartField SUBSCRIPTION_ID = path("subscription.id", IDENTIFIER, "Código da assinatura", "Subscription code",
            "$.data.subscription.id");
    public static final HotmartField CODE = path("subscriber.code", IDENTIFIER, "Assinante: Código", "Subscriber: code",
            "$.data.subscriber.code");
    public static final HotmartField CANCELLATION_DATE = path("subscription.cancellation_date", DATE_TIME, "Data do cancelamento",
            "Cancellation date", "$.data.cancellation_date");
    public static final HotmartField NAME = path("subscriber.name", TEXT, "Assinante: Nome", "Subscriber: name", "$.data.subscriber.name");
    public static final HotmartField EMAIL_ADDRESS = path("subscriber.email", EMAIL, "Assinante: E-mail", "Subscriber: e-mail",
            "$.data.subscriber.email");
    public static final HotmartField RECURRENCE_VALUE = new HotmartField(
            Field.of("subscription.actual_recurrence_value", FieldType.MONEY, "Valor atual da recorrência cobrada", "Current recurring charge")
                    .withNote("Valor da última recorrência cobrada; a Hotmart não informa a moeda neste evento.",
                            "Amount of the last recurring charge; Hotmart does not send its currency in this event."),
            Extract.money("$.data.actual_recurrence_value", null));
    public static final HotmartField PLAN_NAME = SaleFields.PLAN_NAME.labelled("Plano: Nome do plano de assinatura",
            "Plan: subscription plan name");

    private SubscriptionFields() {
    }

    private static HotmartField address(String part, String pt, String en, String... paths) {
        return path("subscriber.address." + part, TEXT, pt, en, paths).noted(FROM_BUYER_PT, FROM_BUYER_EN);
    }
}
