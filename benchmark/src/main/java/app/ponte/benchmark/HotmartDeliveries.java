package app.ponte.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hotmart deliveries as the load generator posts them: the PURCHASE_APPROVED fixture
 * (/work/shared/fixtures/hotmart) with a fresh event id, transaction, buyer e-mail and phone each, so every
 * delivery is a new event (no de-duplication) of a new subject (no ordering wait behind another).
 * One such delivery yields two trigger events (purchase_approved and purchase_created) and one
 * run (only "venda aprovada" has an automation).
 */
final class HotmartDeliveries {

    private static final String HOTTOK_HEADER = "X-HOTMART-HOTTOK";

    private final String template;
    private final String batch = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicLong sequence = new AtomicLong();
    /** Phones differ per delivery too: the action looks a contact up by e-mail, then by phone. */
    private final long phoneBase = System.currentTimeMillis() % 100_000_000;

    HotmartDeliveries() {
        try (InputStream in = HotmartDeliveries.class.getResourceAsStream("/purchase-approved.json")) {
            this.template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new approved sale for the workspace. */
    OpenLoopLoad.Post approvedSale(Workspace workspace) {
        long n = sequence.incrementAndGet();
        String body = template
                .replace("__EVENT_ID__", UUID.randomUUID().toString())
                .replace("__CREATED__", Long.toString(System.currentTimeMillis()))
                .replace("__TRANSACTION__", "HPB" + batch + "x" + n)
                .replace("__EMAIL__", "comprador." + batch + "." + n + "@example.com")
                .replace("__PHONE__", String.format("9%08d", (phoneBase + n) % 100_000_000));
        return new OpenLoopLoad.Post("/hooks/hotmart/" + workspace.webhookToken(),
                Map.of("Content-Type", "application/json", HOTTOK_HEADER, workspace.hottok()), body);
    }
}
