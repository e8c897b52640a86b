package app.ponte.hotmart.triggers;

import static app.ponte.hotmart.fields.SaleFields.*;
import static app.ponte.hotmart.fields.SubscriptionFields.*;

import app.ponte.api.field.FieldType;
import app.ponte.api.field.Value;
import app.ponte.hotmart.fields.Extract;
import app.ponte.hotmart.fields.Extraction;
import app.ponte.hotmart.fields.HotmartPayload;
import app.ponte.hotmart.fields.SaleFields;
import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * "Assinatura criada". Hotmart has no such event: it is the first approved charge of a
 * subscription — a PURCHASE_APPROVED that carries {@code data.subscription} and
 * {@code purchase.recurrence_number} 1 (DECISIONS.md).
 */
public final class SubscriptionCreated {

    public static final String KEY = "subscription_created";

    private static final JsonPath SUBSCRIPTION = JsonPath.compile("$.data.subscription");
    private static final Extraction RECURRENCE = Extract.path(FieldType.INTEGER, "$.data.purchase.recurrence_number");

    private SubscriptionCreated() {
    }

    public static HotmartTrigger trigger() {
        return HotmartTrigger.builder(KEY, "Assinatura criada", "Subscription created", "Quando uma assinatura for criada na Hotmart",
                        "When a subscription is created on Hotmart")
                .on("PURCHASE_APPROVED")
                .when(SubscriptionCreated::isFirstCharge)
                .fields(List.of(
                        PRODUCT_ID, PRODUCT_NAME, NEW_EMAIL, NEW_NAME, NEW_PHONE_DDD, NEW_PHONE_NUMBER, NEW_CELL_DDD,
                        NEW_CELL_NUMBER, NEW_STREET, NEW_NUMBER, NEW_COUNTRY, NEW_NEIGHBORHOOD, NEW_COMPLEMENT, NEW_CITY,
                        NEW_STATE, NEW_ZIPCODE, TRANSACTION, PAYMENT_METHOD, PAYMENT_TYPE_NAME, SaleFields.PLAN_NAME,
                        SUBSCRIBER_CODE, RECURRENCE_PERIOD, ORDER_DATE, APPROVED_DATE, CURRENCY, PAID_CURRENCY, PRICE,
                        INSTALLMENTS))
                .samples("PURCHASE_APPROVED.subscription-created.json")
                .build();
    }

    /** A subscription is present and this is its first charge. */
    static boolean isFirstCharge(HotmartPayload payload) {
        return payload.read(SUBSCRIPTION) instanceof Map<?, ?> subscription && !subscription.isEmpty()
                && RECURRENCE.from(payload) instanceof Value.Decimal number && number.value().compareTo(BigDecimal.ONE) == 0;
    }
}
