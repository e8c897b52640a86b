package app.ponte.server.runner;

import app.ponte.server.config.PonteConfig;
import app.ponte.server.observability.Tracing;
import app.ponte.server.tenant.TenantContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Drains subjects' queues on this instance's worker threads. A subject is drained by one thread
 * at a time here, and only its head run is ever claimed (see {@link RunStore#claimHead}), so one
 * person's runs execute one after the other, in order, across instances too; different subjects
 * run in parallel. A wake-up for a subject already being drained makes that drain look again.
 */
@ApplicationScoped
public class SubjectWorkers {

    private static final Logger LOG = Logger.getLogger(SubjectWorkers.class);

    private final RunStore store;
    private final RunExecutor executor;
    private final TenantContext tenants;
    private final RunMetrics metrics;
    private final Tracing tracing;
    private final ThreadPoolExecutor pool;
    private final Set<RunStore.Subject> draining = ConcurrentHashMap.newKeySet();
    private final Set<RunStore.Subject> again = ConcurrentHashMap.newKeySet();

    SubjectWorkers(RunStore store, RunExecutor executor, TenantContext tenants, RunMetrics metrics, PonteConfig config,
            Tracing tracing) {
        this.store = store;
        this.tracing = tracing;
        this.executor = executor;
        this.tenants = tenants;
        this.metrics = metrics;
        int workers = config.runner().workers();
        AtomicInteger n = new AtomicInteger();
        // A full queue makes the caller (the Kafka consumer, the scheduler) drain the subject itself: back-pressure.
        this.pool = new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(10_000), runnable -> {
            Thread thread = new Thread(runnable, "ponte-runner-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /** Makes sure the subject's queue is looked at soon. */
    public void wake(RunStore.Subject subject) {
        if (draining.add(subject)) {
            pool.execute(() -> drain(subject));
        } else {
            again.add(subject);
        }
    }

    private void drain(RunStore.Subject subject) {
        try {
            do {
                drainQueue(subject);
            } while (again.remove(subject));
        } catch (RuntimeException e) {
            // The scheduler picks the subject up again; the run keeps its lease until then.
            LOG.errorf(e, "draining a subject of tenant %s failed", subject.tenantId());
        } finally {
            draining.remove(subject);
            if (again.remove(subject)) {
                wake(subject);
            }
        }
    }

    private void drainQueue(RunStore.Subject subject) {
        for (Optional<UUID> claimed = store.claimHead(subject); claimed.isPresent(); claimed = store.claimHead(subject)) {
            UUID runId = claimed.get();
            Optional<RunWork> work = store.load(runId);
            if (work.isEmpty()) {
                continue;
            }
            Instant started = Instant.now();
            // every log line of the execution names the run and its workspace (JSON logs carry the MDC)
            MDC.put("runId", runId.toString());
            MDC.put("tenantId", subject.tenantId().toString());
            // the execution continues the trace of the webhook request that brought the event (ids only, no personal data)
            Span span = tracing.tracer().spanBuilder("ponte.run").setSpanKind(SpanKind.CONSUMER)
                    .setParent(tracing.parent(work.get().traceParent()))
                    .setAttribute("ponte.run.id", runId.toString())
                    .setAttribute("ponte.tenant.id", subject.tenantId().toString())
                    .setAttribute("ponte.automation.id", work.get().automationId().toString())
                    .setAttribute("ponte.run.attempt", (long) work.get().attempts() + 1)
                    .setAttribute("ponte.connector.action", work.get().actionConnector())
                    .startSpan();
            RunExecutor.Executed executed;
            try (Scope scope = span.makeCurrent()) {
                executed = tenants.call(subject.tenantId(), () -> executor.execute(work.get()));
                store.finish(work.get(), executed.outcome(), started, executed.calls());
                span.setAttribute("ponte.run.status", executed.outcome().status().name());
                span.setAttribute("ponte.run.outcome", executed.outcome().attemptOutcome());
                if (executed.outcome().status() == RunStatus.FAILED) {
                    span.setStatus(StatusCode.ERROR);
                }
            } catch (RuntimeException e) {
                span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
                throw e;
            } finally {
                span.end();
                MDC.remove("runId");
                MDC.remove("tenantId");
            }
            Instant finished = Instant.now();
            metrics.executed(executed.outcome(), Duration.between(started, finished));
            if (executed.outcome().status() == RunStatus.SUCCEEDED && work.get().attempts() == 0 && !work.get().deferred()) {
                metrics.succeededFirstTime(Duration.between(work.get().receivedAt(), finished));
            }
            if (!executed.outcome().status().isFinal()) {
                return;
            }
        }
    }

    /** Runs being executed or waiting for a worker thread here. */
    int busy() {
        return pool.getActiveCount() + pool.getQueue().size();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stop();
    }

    @PreDestroy
    void stop() {
        pool.shutdown();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
