package app.ponte.server.runner;

import app.ponte.server.automation.Automation;
import app.ponte.server.ingress.EventValuesCodec;
import app.ponte.server.tenant.TenantContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The run history of the current workspace (call it in the workspace's tenant context: every read
 * here goes through Hibernate's tenant filter) and replays.
 */
@ApplicationScoped
public class RunHistory {

    private static final TypeReference<List<RunViews.Call>> CALLS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final TenantContext tenants;
    private final RunStore store;
    private final SubjectWorkers workers;
    private final ObjectMapper json;
    private final EventValuesCodec codec;

    RunHistory(EntityManager em, TenantContext tenants, RunStore store, SubjectWorkers workers, ObjectMapper json) {
        this.em = em;
        this.tenants = tenants;
        this.store = store;
        this.workers = workers;
        this.json = json;
        this.codec = new EventValuesCodec(json);
    }

    /** Which runs a list shows. */
    public record Query(Optional<UUID> automationId, Optional<RunStatus> status, Optional<Instant> from, Optional<Instant> to) {
    }

    public RunViews.Page page(Query query, int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StringBuilder where = new StringBuilder(" where 1 = 1");
            Map<String, Object> params = new LinkedHashMap<>();
            query.automationId().ifPresent(id -> {
                where.append(" and r.automationId = :automation");
                params.put("automation", id);
            });
            query.status().ifPresent(status -> {
                where.append(" and r.status = :status");
                params.put("status", status);
            });
            query.from().ifPresent(from -> {
                where.append(" and r.createdAt >= :from");
                params.put("from", from);
            });
            query.to().ifPresent(to -> {
                where.append(" and r.createdAt < :to");
                params.put("to", to);
            });
            TypedQuery<Run> select = em.createQuery("from Run r" + where + " order by r.createdAt desc, r.seq desc", Run.class);
            TypedQuery<Long> count = em.createQuery("select count(r) from Run r" + where, Long.class);
            params.forEach((name, value) -> {
                select.setParameter(name, value);
                count.setParameter(name, value);
            });
            List<Run> runs = select.setFirstResult(page * size).setMaxResults(size).getResultList();
            return new RunViews.Page(summaries(runs), page, size, count.getSingleResult());
        });
    }

    public RunViews.Detail detail(UUID runId, boolean full) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Run run = find(runId);
            InboundEvent event = em.find(InboundEvent.class, run.inboundEventId);
            List<RunViews.Attempt> attempts = em.createQuery("from RunAttempt a where a.runId = :run order by a.number, a.startedAt",
                            RunAttempt.class).setParameter("run", runId).getResultStream()
                    .map(a -> new RunViews.Attempt(a.number, a.automationVersion, a.startedAt, a.finishedAt, a.outcome, a.error,
                            a.nextAttemptAt, calls(a.calls)))
                    .toList();
            return new RunViews.Detail(summaries(List.of(run)).get(0), event.dedupKey, event.occurredAt, event.receivedAt,
                    values(event.payload, full), values(run.inputs, full), attempts, !full);
        });
    }

    /** Runs one run again, with its automation's current version. Refused while it is still open. */
    public RunViews.Summary replay(UUID tenantId, UUID runId) {
        Run run = QuarkusTransaction.requiringNew().call(() -> find(runId));
        if (!run.status.isFinal()) {
            throw new ClientErrorException("Esta execução ainda está em andamento; aguarde o fim para executá-la de novo.", 409);
        }
        store.requeue(tenantId, List.of(runId)).forEach(workers::wake);
        return QuarkusTransaction.requiringNew().call(() -> summaries(List.of(find(runId))).get(0));
    }

    /** Runs every failed run of an automation again, with its current version; how many were queued. */
    public int replayFailed(UUID tenantId, UUID automationId) {
        List<UUID> failed = QuarkusTransaction.requiringNew().call(() -> {
            if (em.find(Automation.class, automationId) == null) {
                throw new NotFoundException("automation not found");
            }
            return em.createQuery("select r.id from Run r where r.automationId = :automation and r.status = :failed order by r.seq",
                    UUID.class).setParameter("automation", automationId).setParameter("failed", RunStatus.FAILED).getResultList();
        });
        store.requeue(tenantId, failed).forEach(workers::wake);
        return failed.size();
    }

    private Run find(UUID runId) {
        Run run = em.find(Run.class, runId);
        if (run == null) {
            throw new NotFoundException("run not found");
        }
        return run;
    }

    private List<RunViews.Summary> summaries(List<Run> runs) {
        if (runs.isEmpty()) {
            return List.of();
        }
        Map<UUID, Automation> automations = em.createQuery("from Automation a where a.id in :ids", Automation.class)
                .setParameter("ids", runs.stream().map(r -> r.automationId).distinct().toList()).getResultStream()
                .collect(Collectors.toMap(a -> a.id, Function.identity()));
        Map<UUID, InboundEvent> events = em.createQuery("from InboundEvent e where e.id in :ids", InboundEvent.class)
                .setParameter("ids", runs.stream().map(r -> r.inboundEventId).distinct().toList()).getResultStream()
                .collect(Collectors.toMap(e -> e.id, Function.identity()));
        List<RunViews.Summary> summaries = new ArrayList<>();
        for (Run run : runs) {
            Automation automation = automations.get(run.automationId);
            InboundEvent event = events.get(run.inboundEventId);
            summaries.add(new RunViews.Summary(run.id, run.automationId, automation == null ? null : automation.name,
                    run.automationVersion, run.status, event == null ? null : event.triggerKey, event == null ? null : event.eventType,
                    run.attempts, run.error, run.nextAttemptAt, run.createdAt, run.finishedAt,
                    run.status == RunStatus.SUCCEEDED ? values(run.outputs, false) : Map.of()));
        }
        return summaries;
    }

    /** Stored typed values as text, documents and phones masked unless {@code full}. */
    private Map<String, String> values(String stored, boolean full) {
        if (stored == null || stored.isBlank() || !stored.startsWith("{")) {
            return Map.of();
        }
        Map<String, String> shown = new LinkedHashMap<>();
        codec.read(stored).asMap().forEach((key, value) -> {
            String text = value.isEmpty() ? "" : value.text();
            shown.put(key, !full && PersonalData.isSensitive(key) ? PersonalData.mask(text) : text);
        });
        return shown;
    }

    private List<RunViews.Call> calls(String stored) {
        try {
            return json.readValue(stored, CALLS);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
