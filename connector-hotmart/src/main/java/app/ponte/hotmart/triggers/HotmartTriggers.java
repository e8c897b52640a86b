package app.ponte.hotmart.triggers;

import java.util.List;

/** Every Hotmart trigger, in the order the product page lists them. */
public final class HotmartTriggers {

    private HotmartTriggers() {
    }

    public static List<HotmartTrigger> all() {
        return List.of(
                PurchaseApproved.trigger(),
                PurchaseExpired.trigger(),
                PurchaseDelayed.trigger(),
                SubscriptionCreated.trigger(),
                PurchaseCanceled.trigger(),
                PurchaseRefunded.trigger(),
                RefundRequested.trigger(),
                CartAbandoned.trigger(),
                PurchaseComplete.trigger(),
                PurchaseCreated.trigger(),
                SubscriptionCanceled.trigger());
    }
}
