package app.ponte.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load on a Hotmart webhook URL as Hotmart makes it: approved sales of many buyers (some buyers
 * buying again), posted from several threads; a delivery that is not answered 2xx (refused,
 * reset, 5xx) is sent again until it is, as Hotmart retries.
 */
public final class HotmartLoad implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofMinutes(6);
    private static final String FIXTURE = "/samples/hotmart/PURCHASE_APPROVED.json";

    /** One approved sale: its delivery's event id (the "Venda aprovada" de-dup key) and its transaction ("Venda criada"'s). */
    public record Sale(String email, String buyerName, String eventId, String transaction, String body) {
    }

    /**
     * A delivery's history: how many times it was sent and why the tries before the last were not
     * acknowledged (status codes or exceptions).
     */
    public record Delivery(Sale sale, List<String> refusals) {

        public int tries() {
            return refusals.size() + 1;
        }
    }

    /**
     * {@code buyers} buyers with one sale each, and every {@code repeatEvery}-th buyer with two more
     * sales; each sale a delivery of its own (new event id and transaction). The buyers' e-mails,
     * names and phones carry {@code tag}, so tests sharing a Kommo account tell their buyers apart.
     */
    public static List<Sale> sales(String tag, int buyers, int repeatEvery) {
        String fixture = fixture();
        List<Sale> sales = new ArrayList<>();
        for (int b = 0; b < buyers; b++) {
            sales.add(sale(fixture, tag, b, 0));
        }
        for (int b = 0; b < buyers; b += repeatEvery) {
            sales.add(sale(fixture, tag, b, 1));
            sales.add(sale(fixture, tag, b, 2));
        }
        return sales;
    }

    private static Sale sale(String fixture, String tag, int buyer, int nth) {
        String email = "comprador-" + tag + "-" + buyer + "@example.com";
        String name = "Comprador " + tag + " " + buyer;
        String eventId = UUID.randomUUID().toString();
        String transaction = "HP" + tag.toUpperCase() + buyer + "X" + nth;
        String phone = String.format("9%03d%05d", Math.abs(tag.hashCode()) % 1000, buyer);
        String body = fixture.replaceFirst("\"id\"\\s*:\\s*\"[^\"]+\"", "\"id\": \"" + eventId + "\"")
                .replace("\"marina.lobo@example.com\"", "\"" + email + "\"")
                .replace("\"Marina Tavares Lobo\"", "\"" + name + "\"")
                .replaceAll("\"transaction\"\\s*:\\s*\"[^\"]+\"", "\"transaction\": \"" + transaction + "\"")
                .replaceAll("\"checkout_phone\"\\s*:\\s*\"\\d+\"", "\"checkout_phone\": \"" + phone + "\"");
        return new Sale(email, name, eventId, transaction, body);
    }

    private final URI hook;
    private final String hottok;
    private final ExecutorService senders;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger acknowledged = new AtomicInteger();

    public HotmartLoad(URI hook, String hottok, int threads) {
        this.hook = hook;
        this.hottok = hottok;
        this.senders = Executors.newFixedThreadPool(threads);
    }

    /** Sends the sale's delivery (again and again, until it is answered 2xx). */
    public CompletableFuture<Delivery> post(Sale sale) {
        return CompletableFuture.supplyAsync(() -> deliver(sale), senders);
    }

    /** Deliveries answered 2xx so far. */
    public int acknowledged() {
        return acknowledged.get();
    }

    private Delivery deliver(Sale sale) {
        HttpRequest request = HttpRequest.newBuilder(hook).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-HOTMART-HOTTOK", hottok)
                .POST(HttpRequest.BodyPublishers.ofString(sale.body())).build();
        List<String> refusals = new ArrayList<>();
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    acknowledged.incrementAndGet();
                    return new Delivery(sale, List.copyOf(refusals));
                }
                refusals.add(response.statusCode() + " " + response.body());
            } catch (IOException e) {
                refusals.add(e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("delivery " + sale.eventId() + " was never acknowledged: " + refusals);
            }
            pause(250);
        }
    }

    @Override
    public void close() {
        senders.shutdownNow();
    }

    private static String fixture() {
        try (InputStream in = HotmartLoad.class.getResourceAsStream(FIXTURE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("fixture " + FIXTURE + " is missing", e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
