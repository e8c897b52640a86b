package app.ponte.server.runner;

import app.ponte.server.config.PonteConfig;
import app.ponte.server.tenant.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.NotFoundException;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Usage per workspace per month (UTC): events received (counted from the events themselves) and
 * runs executed (a run that reached the action and finished). The plan's monthly run limit holds
 * further runs; changing a plan releases them at once.
 */
@ApplicationScoped
public class UsageMeter {

    /** The start of the error a held run shows; how held runs are told apart from retries. */
    static final String HELD = "Limite mensal do plano atingido";

    private final EntityManager em;
    private final TenantContext tenants;
    private final PonteConfig.Plans plans;

    UsageMeter(EntityManager em, TenantContext tenants, PonteConfig config) {
        this.em = em;
        this.tenants = tenants;
        this.plans = config.plans();
    }

    public record Month(String month, long eventsReceived, long runsExecuted) {
    }

    /**
     * @param monthlyRunLimit null when the plan has none
     * @param heldRuns        runs waiting because the limit was reached
     */
    public record Usage(String plan, Long monthlyRunLimit, long heldRuns, List<Month> months) {
    }

    /** The last {@code count} months, newest first. */
    public Usage usage(UUID tenantId, int count) {
        return tenants.call(TenantContext.NONE, () -> QuarkusTransaction.requiringNew().call(() -> {
            List<?> planRow = em.createNativeQuery("SELECT plan FROM tenant WHERE id = ?1").setParameter(1, tenantId).getResultList();
            if (planRow.isEmpty()) {
                throw new NotFoundException("workspace not found");
            }
            String plan = planRow.get(0) == null ? plans.defaultPlan() : (String) planRow.get(0);
            YearMonth now = YearMonth.now(ZoneOffset.UTC);
            LocalDate from = now.minusMonths(count - 1L).atDay(1);
            Map<String, long[]> byMonth = new HashMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> events = em.createNativeQuery("""
                            SELECT to_char(date_trunc('month', received_at AT TIME ZONE 'UTC'), 'YYYY-MM'), count(*) FROM inbound_event
                             WHERE tenant_id = ?1 AND received_at >= ?2 GROUP BY 1""")
                    .setParameter(1, tenantId).setParameter(2, java.sql.Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()))
                    .getResultList();
            events.forEach(r -> byMonth.computeIfAbsent((String) r[0], k -> new long[2])[0] = ((Number) r[1]).longValue());
            @SuppressWarnings("unchecked")
            List<Object[]> runs = em.createNativeQuery("""
                            SELECT to_char(month, 'YYYY-MM'), runs_executed FROM usage_month WHERE tenant_id = ?1 AND month >= ?2""")
                    .setParameter(1, tenantId).setParameter(2, Date.valueOf(from)).getResultList();
            runs.forEach(r -> byMonth.computeIfAbsent((String) r[0], k -> new long[2])[1] = ((Number) r[1]).longValue());
            List<Month> months = new ArrayList<>();
            for (YearMonth m = now; !m.isBefore(YearMonth.from(from)); m = m.minusMonths(1)) {
                long[] figures = byMonth.getOrDefault(m.toString(), new long[2]);
                months.add(new Month(m.toString(), figures[0], figures[1]));
            }
            long held = ((Number) em.createNativeQuery("SELECT count(*) FROM run WHERE tenant_id = ?1 AND status = 'RETRYING' "
                    + "AND error LIKE ?2").setParameter(1, tenantId).setParameter(2, HELD + "%").getSingleResult()).longValue();
            Long limit = plans.monthlyRuns().getOrDefault(plan, -1L);
            return new Usage(plan, limit < 0 ? null : limit, held, months);
        }));
    }

    /** Puts a workspace on a plan; its held runs are looked at again at once. */
    public void changePlan(UUID tenantId, String plan) {
        if (!plans.monthlyRuns().containsKey(plan)) {
            throw new IllegalArgumentException("unknown plan " + plan);
        }
        tenants.run(TenantContext.NONE, () -> QuarkusTransaction.requiringNew().run(() -> {
            if (em.createNativeQuery("UPDATE tenant SET plan = ?2 WHERE id = ?1").setParameter(1, tenantId).setParameter(2, plan)
                    .executeUpdate() == 0) {
                throw new NotFoundException("workspace not found");
            }
            em.createNativeQuery("UPDATE run SET next_attempt_at = now() WHERE tenant_id = ?1 AND status = 'RETRYING' AND error LIKE ?2")
                    .setParameter(1, tenantId).setParameter(2, HELD + "%").executeUpdate();
        }));
    }

    /** The plans this installation offers and their monthly run limits (null: none). */
    public Map<String, Long> plans() {
        Map<String, Long> offered = new java.util.TreeMap<>();
        plans.monthlyRuns().forEach((name, limit) -> offered.put(name, limit < 0 ? null : limit));
        return offered;
    }
}
