package app.ponte.server.runner;

import app.ponte.server.config.PonteConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The runner's safety net and clock: wakes subjects whose retry is due, whose runs nobody woke
 * (a crash between queueing and waking), whose worker died (lease expired), and whose parked runs
 * may resume because their connection was reconnected.
 */
@ApplicationScoped
public class RunScheduler {

    private static final Logger LOG = Logger.getLogger(RunScheduler.class);
    private static final int SUBJECTS_PER_TICK = 2_000;

    private final RunStore store;
    private final SubjectWorkers workers;
    private final PonteConfig.Runner config;
    private final RunMetrics metrics;
    private long ticks;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "ponte-run-scheduler");
        thread.setDaemon(true);
        return thread;
    });

    RunScheduler(RunStore store, SubjectWorkers workers, RunMetrics metrics, PonteConfig config) {
        this.metrics = metrics;
        this.store = store;
        this.workers = workers;
        this.config = config.runner();
    }

    void start(@Observes StartupEvent startup) {
        if (config.enabled()) {
            long every = config.schedulerInterval().toMillis();
            clock.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
        }
    }

    void tick() {
        try {
            store.resumeParked().forEach(workers::wake);
            // every tick: due retries and expired leases; about every 5 s, runs left queued (a lost wake-up)
            boolean everyFiveSeconds = ticks++ % Math.max(1, 5_000 / Math.max(1, config.schedulerInterval().toMillis())) == 0;
            store.dueSubjects(SUBJECTS_PER_TICK, everyFiveSeconds).forEach(workers::nudge);
            if (everyFiveSeconds) {
                metrics.refreshGauges();
            }
        } catch (RuntimeException e) {
            LOG.warnf("the run scheduler could not look for due runs (it tries again): %s", e.toString());
        }
    }

    /** Stops before the datasource and Hibernate do (a shutdown event comes first), so no tick meets a closed database. */
    void stop(@Observes ShutdownEvent shutdown) {
        stop();
    }

    @PreDestroy
    void stop() {
        clock.shutdownNow();
    }
}
