package app.ponte.hotmart.fields;

import static app.ponte.api.field.FieldType.EMAIL;
import static app.ponte.api.field.FieldType.IDENTIFIER;
import static app.ponte.api.field.FieldType.PHONE;
import static app.ponte.api.field.FieldType.TEXT;
import static app.ponte.hotmart.fields.HotmartField.derived;
import static app.ponte.hotmart.fields.HotmartField.path;
import static app.ponte.hotmart.fields.HotmartField.unavailable;

/** The buyer of a purchase event ({@code data.buyer}) and of an abandoned cart. */
public final class BuyerFields {

    private static final String SAME_ADDRESS_PT = "A Hotmart envia um único endereço do comprador; mesmo valor do campo sem \"(checkout)\".";
    private static final String SAME_ADDRESS_EN = "Hotmart sends one buyer address; same value as the field without \"(checkout)\".";
    private static final String V1_ONLY_PT = "Existia só no postback v1 (phone_local_code / phone_number); o v2 traz apenas o telefone do checkout.";
    private static final String V1_ONLY_EN = "Only the v1 postback had it (phone_local_code / phone_number); v2 carries the checkout phone only.";

    public static final HotmartField EMAIL_ADDRESS = path("buyer.email", EMAIL, "Comprador: E-mail", "Buyer: e-mail",
            "$.data.buyer.email");
    public static final HotmartField NAME = path("buyer.name", TEXT, "Comprador: Nome completo", "Buyer: full name",
            "$.data.buyer.name");
    public static final HotmartField FIRST_NAME = derived("buyer.first_name", TEXT, "Comprador: Primeiro nome", "Buyer: first name",
            Derive.firstName("$.data.buyer.first_name", "$.data.buyer.name"),
            "Enviado pela Hotmart; quando ausente, a primeira palavra do nome completo.",
            "As Hotmart sends it; when absent, the first word of the full name.");
    public static final HotmartField LAST_NAME = derived("buyer.last_name", TEXT, "Comprador: Sobrenome", "Buyer: last name",
            Derive.lastName("$.data.buyer.last_name", "$.data.buyer.name"),
            "Enviado pela Hotmart; quando ausente, o nome completo sem a primeira palavra (vazio se for uma só).",
            "As Hotmart sends it; when absent, the full name after its first word (empty for a single word).");
    public static final HotmartField DOCUMENT = path("buyer.document", IDENTIFIER, "Comprador: Documento (número)",
            "Buyer: document (number)", "$.data.buyer.document");
    public static final HotmartField DOCUMENT_TYPE = path("buyer.document_type", TEXT, "Comprador: Tipo de Documento (CPF, CNPJ, etc)",
            "Buyer: document type (CPF, CNPJ, etc.)", "$.data.buyer.document_type");

    public static final HotmartField REGISTRATION_PHONE_DDD = unavailable("buyer.registration_phone.ddd", IDENTIFIER,
            "Comprador: DDD do telefone (cadastro)", "Buyer: phone area code (registration)", V1_ONLY_PT, V1_ONLY_EN);
    public static final HotmartField REGISTRATION_PHONE_NUMBER = unavailable("buyer.registration_phone.number", PHONE,
            "Comprador: Número do telefone (cadastro)", "Buyer: phone number (registration)", V1_ONLY_PT, V1_ONLY_EN);
    public static final HotmartField CHECKOUT_PHONE_DDD = derived("buyer.checkout_phone.ddd", IDENTIFIER,
            "Comprador: DDD do telefone (checkout)", "Buyer: phone area code (checkout)", Extract.digits("$.data.buyer.checkout_phone_code"),
            "Só dígitos. A Hotmart envia o DDD apenas para compradores do Brasil.",
            "Digits only. Hotmart sends the area code for Brazilian buyers only.");
    public static final HotmartField CHECKOUT_PHONE_NUMBER = derived("buyer.checkout_phone.number", PHONE,
            "Comprador: Número do telefone (checkout)", "Buyer: phone number (checkout)", Extract.digits("$.data.buyer.checkout_phone"),
            "Só dígitos. Para compradores de fora do Brasil inclui o código do país (DDI).",
            "Digits only. For buyers outside Brazil it includes the country calling code.");

    public static final HotmartField STREET = path("buyer.address.street", TEXT, "Comprador: Endereço", "Buyer: street address",
            "$.data.buyer.address.address", "$.data.buyer.address.street");
    public static final HotmartField CHECKOUT_STREET = path("buyer.checkout_address.street", TEXT, "Comprador: Endereço (checkout)",
            "Buyer: street address (checkout)", "$.data.buyer.address.address", "$.data.buyer.address.street")
            .noted(SAME_ADDRESS_PT, SAME_ADDRESS_EN);
    public static final HotmartField NUMBER = path("buyer.address.number", TEXT, "Comprador: Número do endereço",
            "Buyer: street number", "$.data.buyer.address.number");
    public static final HotmartField CHECKOUT_NUMBER = path("buyer.checkout_address.number", TEXT,
            "Comprador: Número do endereço (checkout)", "Buyer: street number (checkout)", "$.data.buyer.address.number")
            .noted(SAME_ADDRESS_PT, SAME_ADDRESS_EN);
    public static final HotmartField COUNTRY = path("buyer.address.country", TEXT, "Comprador: País", "Buyer: country",
            "$.data.buyer.address.country", "$.data.buyer.address.country_iso");
    public static final HotmartField CHECKOUT_COUNTRY = path("buyer.checkout_address.country", TEXT, "Comprador: País (checkout)",
            "Buyer: country (checkout)", "$.data.purchase.checkout_country.name")
            .noted("País em que a compra foi feita (purchase.checkout_country).", "Country the purchase was made in (purchase.checkout_country).");
    public static final HotmartField NEIGHBORHOOD = path("buyer.address.neighborhood", TEXT, "Comprador: Bairro",
            "Buyer: neighbourhood", "$.data.buyer.address.neighborhood");
    public static final HotmartField CHECKOUT_NEIGHBORHOOD = path("buyer.checkout_address.neighborhood", TEXT,
            "Comprador: Bairro (checkout)", "Buyer: neighbourhood (checkout)", "$.data.buyer.address.neighborhood")
            .noted(SAME_ADDRESS_PT, SAME_ADDRESS_EN);
    public static final HotmartField COMPLEMENT = path("buyer.address.complement", TEXT, "Comprador: Complemento do endereço",
            "Buyer: address complement", "$.data.buyer.address.complement");
    /** The page lists this label and "Comprador: Complemento do endereço (checkout)" side by side: two keys, one value. */
    public static final HotmartField CHECKOUT_COMPLEMENT_ALT = path("buyer.checkout_address_complement", TEXT,
            "Comprador: Complemento do endereço do checkout", "Buyer: checkout address complement", "$.data.buyer.address.complement")
            .noted(SAME_ADDRESS_PT, SAME_ADDRESS_EN);
    public static final HotmartField CHECKOUT_COMPLEMENT = path("buyer.checkout_address.complement", TEXT,
            "Comprador: Complemento do endereço (checkout)", "Buyer: address complement (checkout)", "$.data.buyer.address.complement")
            .noted(SAME_ADDRESS_PT, SAME_ADDRESS_EN);
    public static final HotmartField CITY = path("buyer.address.city", TEXT, "Comprador: Cidade", "Buyer: city",
            "$.data.buyer.address.city");
    public static final HotmartField CHECKOUT_CITY = path("buyer.checkout_address.city", TEXT, "Comprador: Cidade (checkout)",
            "Buyer: city (checkout)", "$.data.buyer.address.city").noted(SAME_ADDRESS_PT, SAME_ADDRESS_EN);
    public static final HotmartField STATE = path("buyer.address.state", TEXT, "Comprador: Estado", "Buyer: state",
            "$.data.buyer.address.state");
    public static final HotmartField CHECKOUT_STATE = path("buyer.checkout_address.state", TEXT, "Comprador: Estado (checkout)",
            "Buyer: state (checkout)", "$.data.buyer.address.state").noted(SAME_ADDRESS_PT, SAME_ADDRESS_EN);
    public static final HotmartField ZIPCODE = path("buyer.address.zipcode", TEXT, "Comprador: CEP", "Buyer: postal code",
            "$.data.buyer.address.zipcode");
    public static final HotmartField CHECKOUT_ZIPCODE = path("buyer.checkout_address.zipcode", TEXT, "Comprador: CEP (checkout)",
            "Buyer: postal code (checkout)", "$.data.buyer.address.zipcode").noted(SAME_ADDRESS_PT, SAME_ADDRESS_EN);

    /** "Venda criada" names the checkout phone without "(checkout)". */
    public static final HotmartField PHONE_DDD = CHECKOUT_PHONE_DDD.labelled("Comprador: DDD do telefone", "Buyer: phone area code");
    public static final HotmartField PHONE_NUMBER = CHECKOUT_PHONE_NUMBER.labelled("Comprador: Número do telefone", "Buyer: phone number");
    public static final HotmartField CODE = unavailable("buyer.code", IDENTIFIER, "Comprador: Código", "Buyer: code",
            "Só a API de vendas da Hotmart (buyer.ucode) o informa.", "Only Hotmart's sales API (buyer.ucode) has it.");

    /** Abandoned cart: one phone string as the lead typed it. */
    public static final HotmartField CART_PHONE = derived("buyer.phone", PHONE, "Comprador: Telefone", "Buyer: phone",
            Extract.digits("$.data.buyer.phone"),
            "Só dígitos, como digitado no checkout; inclui o código do país (DDI) para compradores de fora do Brasil.",
            "Digits only, as typed in the checkout; includes the country calling code for buyers outside Brazil.");

    private BuyerFields() {
    }
}
