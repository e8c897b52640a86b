package app.ponte.hotmart.triggers;

import static app.ponte.hotmart.fields.SubscriptionFields.*;

import app.ponte.hotmart.fields.SaleFields;
import java.util.List;

/** "Assinatura cancelada": a subscriber cancelled, or the subscription was cancelled (Hotmart's SUBSCRIPTION_CANCELLATION). */
public final class SubscriptionCanceled {

    public static final String KEY = "subscription_canceled";

    private SubscriptionCanceled() {
    }

    public static HotmartTrigger trigger() {
        return HotmartTrigger.builder(KEY, "Assinatura cancelada", "Subscription canceled", "Quando uma assinatura for cancelada na Hotmart",
                        "When a subscription is canceled on Hotmart")
                .on("SUBSCRIPTION_CANCELLATION")
                .fields(List.of(
                        SUBSCRIPTION_ID, CODE, CANCELLATION_DATE, NAME, EMAIL_ADDRESS, RECURRENCE_VALUE,
                        SaleFields.PRODUCT_NAME, PLAN_NAME))
                .samples("SUBSCRIPTION_CANCELLATION.json")
                .build();
    }
}
