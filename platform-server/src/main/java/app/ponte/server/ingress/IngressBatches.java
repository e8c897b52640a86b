package app.ponte.server.ingress;

import app.ponte.server.config.PonteConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Group commit for the webhook ingress. A request hands its delivery to a queue and waits; a few
 * writer threads each take every delivery waiting when they are free (up to a number of events) and
 * commit them in one transaction, then answer each request. Under load one commit carries many
 * deliveries, so PostgreSQL does one transaction's work (commit, WAL flush, foreign-key checks of a
 * connection once) for many; when idle a batch is one delivery and costs a thread hand-off. Nothing
 * is answered before its commit: a request whose batch failed or did not commit in time is answered
 * 503 and the vendor retries (a delivery committed after all is then a repeat, de-duplicated).
 */
final class IngressBatches {

    private static final Logger LOG = Logger.getLogger(IngressBatches.class);

    private final IngressStore store;
    private final PonteConfig.Ingress config;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean started;
    private volatile boolean stopped;

    private record Waiting(IngressStore.Delivery delivery, CompletableFuture<IngressStore.Accepted> result) {
    }

    IngressBatches(IngressStore store, PonteConfig.Ingress config) {
        this.store = store;
        this.config = config;
    }

    /** Returns once the delivery is committed. */
    IngressStore.Accepted commit(IngressStore.Delivery delivery) {
        if (stopped) {
            throw new IllegalStateException("the ingress is stopping");
        }
        if (!started) {
            start();
        }
        Waiting waiting = new Waiting(delivery, new CompletableFuture<>());
        queue.add(waiting);
        try {
            return waiting.result().get(config.commitTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot store a webhook delivery", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("a webhook delivery was not committed within " + config.commitTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a webhook delivery was being committed", e);
        }
    }

    /** Deliveries waiting for a writer. */
    int waiting() {
        return queue.size();
    }

    private synchronized void start() {
        if (started || stopped) {
            return;
        }
        for (int i = 0; i < config.writers(); i++) {
            Thread writer = new Thread(this::write, "ponte-ingress-writer-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
        started = true;
    }

    /** Stops the writers; deliveries still waiting are answered 503. */
    synchronized void stop() {
        stopped = true;
        writers.forEach(Thread::interrupt);
        for (Thread writer : writers) {
            try {
                writer.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<Waiting> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(w -> w.result().completeExceptionally(new IllegalStateException("the ingress is stopping")));
    }

    private void write() {
        List<Waiting> batch = new ArrayList<>();
        while (!stopped) {
            try {
                Waiting first = queue.take();
                batch.add(first);
                int events = first.delivery().events().size();
                Waiting next;
                while (events < config.batchEvents() && (next = queue.poll()) != null) {
                    batch.add(next);
                    events += next.delivery().events().size();
                }
                commit(batch);
            } catch (InterruptedException e) {
                batch.forEach(w -> w.result().completeExceptionally(new IllegalStateException("the ingress is stopping")));
                return;
            } catch (RuntimeException | Error e) {
                // never leave a request waiting on a writer that died
                batch.forEach(w -> w.result().completeExceptionally(e));
                LOG.errorf("an ingress writer failed: %s", e.toString());
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Waiting> batch) {
        try {
            List<IngressStore.Accepted> accepted = QuarkusTransaction.requiringNew()
                    .call(() -> store.store(batch.stream().map(Waiting::delivery).toList()));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(accepted.get(i));
            }
        } catch (RuntimeException e) {
            if (batch.size() > 1 && isAboutOneDelivery(e)) {
                // one delivery's data (say, its connection deleted meanwhile) must not cost the others theirs
                batch.forEach(waiting -> commit(List.of(waiting)));
            } else {
                LOG.warnf("%d webhook deliveries could not be committed (answered 503): %s", batch.size(), e.getClass().getSimpleName());
                batch.forEach(waiting -> waiting.result().completeExceptionally(e));
            }
        }
    }

    /** A data or integrity error (SQLSTATE class 22 or 23): the next batch may well commit, unlike when the database is away. */
    private static boolean isAboutOneDelivery(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }
}
