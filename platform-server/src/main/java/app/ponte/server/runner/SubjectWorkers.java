package app.ponte.server.runner;

import app.ponte.server.config.PonteConfig;
import app.ponte.server.observability.Tracing;
import app.ponte.server.ratelimit.WorkerPlaces;
import app.ponte.server.tenant.TenantContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Drains subjects' queues on this instance's worker threads. A subject is drained by one thread
 * at a time here, and only its head run is ever claimed (see {@link RunStore#claim}), so one
 * person's runs execute one after the other, in order, across instances too; different subjects
 * run in parallel. A wake-up for a subject already being drained makes that drain look again.
 *
 * <p>Subjects wait for a thread in a {@link WorkspaceRotation}: one workspace's backlog gets its
 * share of the threads ({@code ponte.runner.workers-per-workspace}), never all of them.
 *
 * <p>{@code ponte.runner.workers} runs work at once ({@link WorkerPlaces}); there are twice as many
 * threads, because a run waiting for its account's pace or turn lends its place to a run of
 * another account meanwhile.
 */
@ApplicationScoped
public class SubjectWorkers {

    private static final Logger LOG = Logger.getLogger(SubjectWorkers.class);
    /** Beyond this many waiting subjects, the caller (the Kafka consumer, the scheduler) drains the subject itself: back-pressure. */
    private static final int MAX_WAITING = 10_000;

    private final RunStore store;
    private final RunExecutor executor;
    private final TenantContext tenants;
    private final RunMetrics metrics;
    private final Tracing tracing;
    private final int threadCount;
    private final List<Thread> threads = new ArrayList<>();
    private final Set<RunStore.Subject> draining = ConcurrentHashMap.newKeySet();
    private final Set<RunStore.Subject> again = ConcurrentHashMap.newKeySet();
    private final WorkspaceRotation rotation;
    private final WorkerPlaces places;

    SubjectWorkers(RunStore store, RunExecutor executor, TenantContext tenants, RunMetrics metrics, PonteConfig config,
            Tracing tracing) {
        this.store = store;
        this.tracing = tracing;
        this.executor = executor;
        this.tenants = tenants;
        this.metrics = metrics;
        this.rotation = new WorkspaceRotation(config.runner().workersPerWorkspace(), MAX_WAITING);
        this.places = new WorkerPlaces(config.runner().workers());
        this.threadCount = 2 * config.runner().workers();
    }

    @PostConstruct
    void start() {
        for (int n = 1; n <= threadCount; n++) {
            Thread thread = new Thread(this::work, "ponte-runner-" + n);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Makes sure the subject's queue is looked at soon. */
    public void wake(RunStore.Subject subject) {
        if (!draining.add(subject)) {
            again.add(subject);
            return;
        }
        if (!rotation.offer(subject)) {
            drain(subject);
        }
    }

    /**
     * Wakes the subject unless this instance is on it already (waiting for a thread or being
     * drained): the scheduler's safety net, which would otherwise make every subject of a backlog
     * look at its queue once more for each of its ticks.
     */
    public void nudge(RunStore.Subject subject) {
        if (!draining.contains(subject)) {
            wake(subject);
        }
    }

    private void work() {
        while (!rotation.closed()) {
            RunStore.Subject subject;
            try {
                subject = rotation.take();
            } catch (InterruptedException e) {
                return;
            }
            places.enter();
            try {
                drain(subject);
            } finally {
                places.leave();
                rotation.done(subject);
            }
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
        for (Optional<RunWork> claimed = store.claim(subject); claimed.isPresent(); claimed = store.claim(subject)) {
            RunWork work = claimed.get();
            UUID runId = work.runId();
            Instant started = Instant.now();
            // every log line of the execution names the run and its workspace (JSON logs carry the MDC)
            MDC.put("runId", runId.toString());
            MDC.put("tenantId", subject.tenantId().toString());
            // the execution continues the trace of the webhook request that brought the event (ids only, no personal data)
            Span span = tracing.tracer().spanBuilder("ponte.run").setSpanKind(SpanKind.CONSUMER)
                    .setParent(tracing.parent(work.traceParent()))
                    .setAttribute("ponte.run.id", runId.toString())
                    .setAttribute("ponte.tenant.id", subject.tenantId().toString())
                    .setAttribute("ponte.automation.id", work.automationId().toString())
                    .setAttribute("ponte.run.attempt", (long) work.attempts() + 1)
                    .setAttribute("ponte.connector.action", work.actionConnector())
                    .startSpan();
            RunExecutor.Executed executed;
            boolean more;
            try (Scope scope = span.makeCurrent()) {
                executed = tenants.call(subject.tenantId(), () -> executor.execute(work));
                more = store.finish(work, executed, started);
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
            if (executed.outcome().status() == RunStatus.SUCCEEDED && work.attempts() == 0 && !work.deferred()) {
                metrics.succeededFirstTime(Duration.between(work.receivedAt(), finished));
            }
            // a run that is not over holds its queue; an empty queue is looked at again only when woken
            if (!executed.outcome().status().isFinal() || !more) {
                return;
            }
        }
    }

    /** Runs being executed or waiting for a worker thread here. */
    int busy() {
        return rotation.size();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stop();
    }

    @PreDestroy
    void stop() {
        if (rotation.closed()) {
            return;
        }
        // the threads finish the subject in hand; idle ones wake up and leave
        rotation.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
