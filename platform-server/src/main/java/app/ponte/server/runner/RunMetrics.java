package app.ponte.server.runner;

import app.ponte.server.tenant.TenantContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The runner's Prometheus metrics. Labels are statuses, outcomes and connector ids only — never a
 * tenant, an account or a person (they would be high-cardinality and identifying).
 * <ul>
 * <li>{@code ponte_runs_finished_total{status}} — runs ending SUCCEEDED, FILTERED or FAILED</li>
 * <li>{@code ponte_run_attempts_total{outcome}} — every execution: SUCCEEDED, FILTERED, FAILED, RETRY, PARKED, DEFERRED</li>
 * <li>{@code ponte_run_execution_seconds} — one execution, from claim to outcome</li>
 * <li>{@code ponte_run_received_to_finished_seconds} — from the webhook's receipt to the run's end (first-try runs)</li>
 * <li>{@code ponte_runs_open{status}} — QUEUED, RUNNING, RETRYING, PARKED runs now (parked runs need a reconnect)</li>
 * <li>{@code ponte_outbox_unrelayed} — received events not yet in Kafka</li>
 * <li>{@code ponte_connector_calls_total{connector,status}}, {@code ponte_connector_call_seconds{connector}} — vendor calls</li>
 * </ul>
 * Kafka's own consumer metrics (records lag per partition) come from the Kafka binder
 * ({@code quarkus.micrometer.binder.kafka.enabled}).
 */
@ApplicationScoped
public class RunMetrics {

    private static final List<String> OPEN = List.of("QUEUED", "RUNNING", "RETRYING", "PARKED");

    private final MeterRegistry registry;
    private final EntityManager em;
    private final TenantContext tenants;
    private final Timer execution;
    private final Timer receivedToFinished;
    private final Map<String, AtomicLong> open = new ConcurrentHashMap<>();
    private final AtomicLong unrelayed = new AtomicLong();

    RunMetrics(MeterRegistry registry, EntityManager em, TenantContext tenants) {
        this.registry = registry;
        this.em = em;
        this.tenants = tenants;
        this.execution = Timer.builder("ponte.run.execution").description("one execution of a run").register(registry);
        this.receivedToFinished = Timer.builder("ponte.run.received.to.finished")
                .description("from the webhook's receipt to the end of a run that succeeded at its first try")
                .publishPercentiles(0.5, 0.99).register(registry);
        for (String status : OPEN) {
            AtomicLong value = new AtomicLong();
            open.put(status, value);
            registry.gauge("ponte.runs.open", List.of(io.micrometer.core.instrument.Tag.of("status", status)), value);
        }
        registry.gauge("ponte.outbox.unrelayed", unrelayed);
    }

    void executed(Outcome outcome, Duration took) {
        execution.record(took);
        registry.counter("ponte.run.attempts", "outcome", outcome.attemptOutcome()).increment();
        if (outcome.status().isFinal()) {
            registry.counter("ponte.runs.finished", "status", outcome.status().name()).increment();
        }
    }

    void succeededFirstTime(Duration sinceReceipt) {
        receivedToFinished.record(sinceReceipt);
    }

    /** A vendor call of a run; {@code status} 0 when no answer came. */
    void call(String connector, int status, long millis) {
        String outcome = status == 0 ? "none" : status == 429 ? "429" : (status / 100) + "xx";
        registry.counter("ponte.connector.calls", "connector", connector, "status", outcome).increment();
        registry.timer("ponte.connector.call", "connector", connector).record(Duration.ofMillis(millis));
    }

    /** Refreshes the gauges that count rows (called by the scheduler every few seconds). */
    void refreshGauges() {
        tenants.run(TenantContext.NONE, () -> QuarkusTransaction.requiringNew().run(() -> {
            Map<String, Long> counts = new java.util.HashMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT status, count(*) FROM run WHERE status IN " + RunStore.OPEN
                    + " GROUP BY status").getResultList();
            rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
            OPEN.forEach(status -> open.get(status).set(counts.getOrDefault(status, 0L)));
            unrelayed.set(((Number) em.createNativeQuery("SELECT count(*) FROM inbound_event WHERE relayed_at IS NULL")
                    .getSingleResult()).longValue());
        }));
    }
}
