package app.ponte.kommo.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/**
 * Sends webhooks to subscribed destinations (§6): form-encoded bodies, one POST per destination per causing
 * request, causal order per destination, retries on the simulated clock, and disabling after too many
 * invalid answers. Every attempt is recorded for {@code GET /__sim/webhook-deliveries}.
 */
public final class WebhookDelivery {
    private static final Logger LOG = Logger.getLogger(WebhookDelivery.class.getName());
    static final String USER_AGENT = "amoCRM-Webhooks/3.0";

    /** One delivery (all its attempts share the request id). {@code webhookId} 0 = not subject to disabling. */
    record Delivery(long webhookId, long accountId, String destination, String body, String requestId, int attempt,
                    List<Long> delays) {
        Delivery next() {
            return new Delivery(webhookId, accountId, destination, body, requestId, attempt + 1, delays);
        }
    }

    private record Pending(Delivery delivery, long dueAt) {
    }

    private final SimState state;
    private final SimClock clock;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, CompletableFuture<Void>> chains = new HashMap<>();
    private final List<Pending> pending = new ArrayList<>();
    private final SeqLog log = new SeqLog(20_000);

    WebhookDelivery(SimState state, SimClock clock) {
        this.state = state;
        this.clock = clock;
    }

    SeqLog log() {
        return log;
    }

    /** Sends the events of one causing request to every active subscription that wants some of them. */
    void dispatch(long accountId, List<WebhookEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<Delivery> deliveries = new ArrayList<>();
        synchronized (state) {
            Account account = state.accounts.get(accountId);
            if (account == null) {
                return;
            }
            for (Webhook webhook : account.webhooks) {
                if (webhook.disabled) {
                    continue;
                }
                List<WebhookEvent> wanted = events.stream().filter(e -> webhook.settings.contains(e.setting())).toList();
                if (!wanted.isEmpty()) {
                    String body = FormEncoder.encode(WebhookPayloads.body(account, wanted));
                    deliveries.add(new Delivery(webhook.id, accountId, webhook.destination, body,
                            UUID.randomUUID().toString(), 1, state.config.webhookRetryDelaysS));
                }
            }
        }
        deliveries.forEach(this::enqueue);
    }

    /** Sends a delivery not tied to a subscription (digital-pipeline hook). */
    CompletableFuture<Void> sendNow(long accountId, String destination, String body, List<Long> delays) {
        return enqueue(new Delivery(0, accountId, destination, body, UUID.randomUUID().toString(), 1, delays));
    }

    private CompletableFuture<Void> enqueue(Delivery delivery) {
        CompletableFuture<Void> start = new CompletableFuture<>();
        CompletableFuture<Void> next = start.thenCompose(x -> attempt(delivery)).exceptionally(e -> null);
        CompletableFuture<Void> tail;
        synchronized (this) {
            tail = chains.getOrDefault(delivery.destination(), CompletableFuture.completedFuture(null));
            chains.put(delivery.destination(), next);
        }
        // started outside the lock: attempt() takes the state's lock, and record() takes this one inside the
        // state's — starting it here while holding this lock deadlocked the whole simulator now and then
        tail.whenComplete((done, failed) -> start.complete(null));
        return next;
    }

    private CompletableFuture<Void> attempt(Delivery d) {
        int timeoutMs;
        synchronized (state) {
            if (d.webhookId() != 0 && !isActive(d)) {
                return CompletableFuture.completedFuture(null);
            }
            timeoutMs = state.config.webhookTimeoutMs;
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(d.destination())).timeout(Duration.ofMillis(timeoutMs))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("User-Agent", USER_AGENT)
                    .header("X-Amocrm-Requestid", d.requestId())
                    .POST(HttpRequest.BodyPublishers.ofString(d.body())).build();
        } catch (IllegalArgumentException e) {
            record(d, null, 0, "invalid_destination");
            return CompletableFuture.completedFuture(null);
        }
        long started = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
            long ms = (System.nanoTime() - started) / 1_000_000;
            if (error != null) {
                String outcome = error.getCause() instanceof java.net.http.HttpTimeoutException
                        || error instanceof java.net.http.HttpTimeoutException ? "timeout" : "connection_error";
                record(d, null, ms, outcome);
            } else {
                int status = response.statusCode();
                boolean ok = status >= 100 && status <= 299 && ms <= timeoutMs;
                record(d, status, ms, ok ? "success" : "invalid_status");
            }
            return null;
        });
    }

    private boolean isActive(Delivery d) {
        Account account = state.accounts.get(d.accountId());
        return account != null && account.webhooks.stream().anyMatch(w -> w.id == d.webhookId() && !w.disabled);
    }

    private void record(Delivery d, Integer status, long ms, String outcome) {
        boolean success = outcome.equals("success");
        Long retryAt = null;
        long now = clock.now();
        synchronized (state) {
            if (!success) {
                boolean disabled = d.webhookId() != 0 && countInvalid(d);
                if (!disabled && d.attempt() - 1 < d.delays().size()) {
                    retryAt = now + d.delays().get(d.attempt() - 1);
                    synchronized (this) {
                        pending.add(new Pending(d.next(), retryAt));
                    }
                }
            }
        }
        ObjectNode entry = Json.object();
        entry.put("time", now).put("webhook_id", d.webhookId()).put("account_id", d.accountId())
                .put("destination", d.destination());
        entry.putObject("headers").put("Content-Type", "application/x-www-form-urlencoded")
                .put("User-Agent", USER_AGENT).put("X-Amocrm-Requestid", d.requestId());
        entry.put("body", d.body()).put("attempt", d.attempt());
        if (status == null) {
            entry.putNull("response_status");
        } else {
            entry.put("response_status", status);
        }
        entry.put("duration_ms", ms).put("outcome", outcome);
        if (retryAt == null) {
            entry.putNull("next_attempt_at");
        } else {
            entry.put("next_attempt_at", retryAt);
        }
        log.add(entry);
        LOG.fine(() -> "webhook " + d.webhookId() + " attempt " + d.attempt() + " -> " + outcome);
    }

    /** Records an invalid attempt; returns true when the webhook is (now) disabled. */
    private boolean countInvalid(Delivery d) {
        Account account = state.accounts.get(d.accountId());
        Webhook webhook = account == null ? null
                : account.webhooks.stream().filter(w -> w.id == d.webhookId()).findFirst().orElse(null);
        if (webhook == null) {
            return true;
        }
        long now = clock.now();
        webhook.invalidAttempts.add(now);
        webhook.invalidAttempts.removeIf(t -> t <= now - state.config.webhookDisableWindowS);
        if (webhook.invalidAttempts.size() > state.config.webhookDisableThreshold) {
            if (!webhook.disabled) {
                LOG.info("webhook " + webhook.id + " disabled after " + webhook.invalidAttempts.size()
                        + " invalid attempts");
            }
            webhook.disabled = true;
        }
        return webhook.disabled;
    }

    /** Starts the retries whose time (simulated clock) has come. */
    void fireDue() {
        List<Delivery> due = new ArrayList<>();
        long now = clock.now();
        synchronized (this) {
            for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
                Pending p = it.next();
                if (p.dueAt() <= now) {
                    due.add(p.delivery());
                    it.remove();
                }
            }
        }
        due.forEach(this::enqueue);
    }

    /** Starts every pending retry now; the future completes when those attempts are done. */
    CompletableFuture<Void> flush() {
        List<Delivery> all = new ArrayList<>();
        synchronized (this) {
            pending.forEach(p -> all.add(p.delivery()));
            pending.clear();
        }
        return CompletableFuture.allOf(all.stream().map(this::enqueue).toArray(CompletableFuture[]::new));
    }

    /** Completes when everything queued so far has been attempted once. */
    synchronized CompletableFuture<Void> idle() {
        return CompletableFuture.allOf(chains.values().toArray(CompletableFuture[]::new));
    }

    synchronized int pendingCount() {
        return pending.size();
    }

    synchronized void clear() {
        pending.clear();
        log.clear();
    }
}
