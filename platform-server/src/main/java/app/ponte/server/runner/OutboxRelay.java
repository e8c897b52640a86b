package app.ponte.server.runner;

import app.ponte.server.config.PonteConfig;
import app.ponte.server.observability.Tracing;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import app.ponte.server.tenant.TenantContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Relays received events from the PostgreSQL outbox ({@code inbound_event}) to Kafka, keyed by
 * subject so one person's events land on one partition in the order they arrived. An event is
 * marked relayed only after Kafka acknowledged it (acks=all); a crash in between relays it again
 * and the run's unique key absorbs the repeat. While Kafka is away the outbox keeps filling and
 * the ingress keeps answering 2xx. One relay at a time across instances (an advisory lock), so
 * the order holds.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long LOCK = 0x706f6e7465_01L;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final EntityManager em;
    private final TenantContext tenants;
    private final MutinyEmitter<String> kafka;
    private final PonteConfig.Runner config;
    private final Tracing tracing;
    private final ScheduledExecutorService relay = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "ponte-outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean kicked = new AtomicBoolean();

    OutboxRelay(EntityManager em, TenantContext tenants,
            @Channel("trigger-events-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096) MutinyEmitter<String> kafka,
            PonteConfig config, Tracing tracing) {
        this.em = em;
        this.tracing = tracing;
        this.tenants = tenants;
        this.kafka = kafka;
        this.config = config.runner();
    }

    void start(@Observes StartupEvent startup) {
        if (config.enabled()) {
            long every = config.relayInterval().toMillis();
            relay.scheduleWithFixedDelay(this::relayAll, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Relays soon (the ingress calls this after committing events); coalesces many calls into one relay. */
    public void kick() {
        if (config.enabled() && kicked.compareAndSet(false, true)) {
            relay.execute(() -> {
                kicked.set(false);
                relayAll();
            });
        }
    }

    /** Relays until the outbox is empty (or another instance holds the relay). */
    void relayAll() {
        try {
            while (relayBatch() == config.relayBatch()) {
                // a full batch: there may be more
            }
        } catch (RuntimeException e) {
            LOG.warnf("relaying events to Kafka failed (they stay in the outbox and are relayed later): %s", e.toString());
        }
    }

    /** One batch, in one transaction holding the relay lock. */
    int relayBatch() {
        return tenants.call(TenantContext.NONE, () -> QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)").setParameter(1, LOCK)
                    .getSingleResult();
            if (!locked) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            SELECT id, tenant_id, subject_hash, trace_parent FROM inbound_event WHERE relayed_at IS NULL
                             ORDER BY received_at, id LIMIT ?1""")
                    .setParameter(1, config.relayBatch()).getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            // Sent and awaited with the transaction suspended: Kafka acknowledges on the producer's network
            // thread, and context propagation would make that thread join this transaction, whose commit
            // then fails at random ("committing with 2 threads active", quarkusio/quarkus#39098) and rolls
            // back a relay Kafka already took. The advisory lock stays held by the transaction's connection.
            // Each record's publish span joins the trace of the request that received its event.
            QuarkusTransaction.suspendingExisting().run(() -> Uni.join().all(rows.stream()
                            .map(row -> kafka.sendMessage(Message.of(row[1] + " " + row[0])
                                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey((String) row[2]).build())
                                    .addMetadata(TracingMetadata.withCurrent(tracing.parent((String) row[3])))))
                            .toList())
                    .andFailFast().await().atMost(SEND_TIMEOUT));
            em.createNativeQuery("UPDATE inbound_event SET relayed_at = now() WHERE id = ANY(?1)")
                    .setParameter(1, rows.stream().map(row -> (UUID) row[0]).toArray(UUID[]::new)).executeUpdate();
            return rows.size();
        }));
    }

    /** Stops before the datasource and Hibernate do (a shutdown event comes first), so no tick meets a closed database. */
    void stop(@Observes ShutdownEvent shutdown) {
        stop();
    }

    @PreDestroy
    void stop() {
        relay.shutdownNow();
    }
}
