package app.ponte.hotmart.fields;

import app.ponte.api.field.Value;
import com.jayway.jsonpath.JsonPath;
import java.util.Locale;
import java.util.Map;

/** Values Hotmart does not send as such but that follow from what it sends (documented on each field). */
public final class Derive {

    /** pt-BR names of Hotmart's {@code purchase.payment.type} codes (Hotmart Webhook v2.0.0 enum). */
    static final Map<String, String> PAYMENT_TYPES = Map.ofEntries(
            Map.entry("BILLET", "Boleto"),
            Map.entry("CASH_PAYMENT", "Pagamento em dinheiro"),
            Map.entry("CREDIT_CARD", "Cartão de crédito"),
            Map.entry("DIRECT_BANK_TRANSFER", "Transferência bancária"),
            Map.entry("DIRECT_DEBIT", "Débito em conta"),
            Map.entry("FINANCED_BILLET", "Boleto parcelado"),
            Map.entry("FINANCED_INSTALLMENT", "Parcelamento financiado"),
            Map.entry("GOOGLE_PAY", "Google Pay"),
            Map.entry("HOTCARD", "Hotcard"),
            Map.entry("HYBRID", "Híbrido (mais de um meio de pagamento)"),
            Map.entry("MANUAL_TRANSFER", "Transferência manual"),
            Map.entry("PAYPAL", "PayPal"),
            Map.entry("PAYPAL_INTERNACIONAL", "PayPal internacional"),
            Map.entry("PICPAY", "PicPay"),
            Map.entry("PIX", "Pix"),
            Map.entry("SAMSUNG_PAY", "Samsung Pay"),
            Map.entry("WALLET", "Carteira digital"));

    /** Symbols of the currencies Hotmart sells in; any other code is shown as the code itself. */
    static final Map<String, String> CURRENCY_SYMBOLS = Map.ofEntries(
            Map.entry("BRL", "R$"),
            Map.entry("USD", "US$"),
            Map.entry("EUR", "€"),
            Map.entry("GBP", "£"),
            Map.entry("CAD", "C$"),
            Map.entry("AUD", "A$"),
            Map.entry("CHF", "CHF"),
            Map.entry("JPY", "¥"),
            Map.entry("ARS", "AR$"),
            Map.entry("CLP", "CLP$"),
            Map.entry("COP", "COL$"),
            Map.entry("MXN", "MX$"),
            Map.entry("PEN", "S/"),
            Map.entry("UYU", "$U"),
            Map.entry("BOB", "Bs"),
            Map.entry("PYG", "₲"));

    private Derive() {
    }

    /** The first name Hotmart sends; when it sends none, the first word of the full name. */
    public static Extraction firstName(String firstNamePath, String fullNamePath) {
        JsonPath first = JsonPath.compile(firstNamePath);
        JsonPath full = JsonPath.compile(fullNamePath);
        return payload -> {
            String sent = Extract.text(payload.read(first));
            if (sent != null) {
                return Value.text(sent);
            }
            String[] words = words(Extract.text(payload.read(full)));
            return Value.text(words.length == 0 ? null : words[0]);
        };
    }

    /** The last name Hotmart sends; when it sends none, the full name after its first word (empty for one word). */
    public static Extraction lastName(String lastNamePath, String fullNamePath) {
        JsonPath last = JsonPath.compile(lastNamePath);
        JsonPath full = JsonPath.compile(fullNamePath);
        return payload -> {
            String sent = Extract.text(payload.read(last));
            if (sent != null) {
                return Value.text(sent);
            }
            String[] words = words(Extract.text(payload.read(full)));
            return Value.text(words.length < 2 ? null : String.join(" ", java.util.Arrays.copyOfRange(words, 1, words.length)));
        };
    }

    /** The pt-BR name of a payment type code (e.g. CREDIT_CARD → "Cartão de crédito"); an unknown code as sent. */
    public static Extraction paymentTypeName(String codePath) {
        return lookup(codePath, PAYMENT_TYPES);
    }

    /** The symbol of an ISO-4217 code (BRL → "R$", USD → "US$", EUR → "€"); an unknown code as sent. */
    public static Extraction currencySymbol(String codePath) {
        return lookup(codePath, CURRENCY_SYMBOLS);
    }

    private static Extraction lookup(String codePath, Map<String, String> names) {
        JsonPath compiled = JsonPath.compile(codePath);
        return payload -> {
            String code = Extract.text(payload.read(compiled));
            return Value.text(code == null ? null : names.getOrDefault(code.toUpperCase(Locale.ROOT), code));
        };
    }

    private static String[] words(String name) {
        return name == null ? new String[0] : name.strip().split("\\s+");
    }
}
