package app.ponte.server.runner;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads trigger events from Kafka in batches, queues their runs in PostgreSQL (in partition order,
 * which is each subject's order) and wakes the subjects' workers. The batch's offsets are
 * committed only after its runs are queued: a crash before that re-reads the batch, and the
 * (automation, event) key queues nothing twice.
 */
@ApplicationScoped
public class TriggerEventConsumer {

    private static final Logger LOG = Logger.getLogger(TriggerEventConsumer.class);

    private final RunStore store;
    private final SubjectWorkers workers;

    TriggerEventConsumer(RunStore store, SubjectWorkers workers) {
        this.store = store;
        this.workers = workers;
    }

    @Incoming("trigger-events-in")
    // its own worker pool: on the shared one, a flood of webhook requests queued ahead of every batch,
    // and all tenants' events waited in Kafka behind it (docs/benchmarks.md, noisy tenant)
    @Blocking("ponte-trigger-events")
    public void consume(ConsumerRecords<String, String> records) {
        Set<RunStore.Subject> subjects = new LinkedHashSet<>();
        UUID[] tenants = new UUID[records.count()];
        UUID[] events = new UUID[records.count()];
        int i = 0;
        for (ConsumerRecord<String, String> record : records) {
            String[] parts = record.value().split(" ", 2);
            tenants[i] = UUID.fromString(parts[0]);
            events[i] = UUID.fromString(parts[1]);
            subjects.add(new RunStore.Subject(tenants[i], record.key()));
            i++;
        }
        queue(tenants, events);
        subjects.forEach(workers::wake);
    }

    /**
     * Queues the batch's runs, trying until the database takes them: the batch is not acknowledged
     * to Kafka before, so its partitions wait (nothing is skipped, nothing lost).
     */
    private void queue(UUID[] tenants, UUID[] events) {
        long backoff = 100;
        while (true) {
            try {
                store.queueRuns(tenants, events);
                return;
            } catch (RuntimeException e) {
                LOG.warnf("queueing the runs of %d events failed; trying again in %d ms: %s", events.length, backoff, e.toString());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while queueing runs", interrupted);
                }
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }
}
