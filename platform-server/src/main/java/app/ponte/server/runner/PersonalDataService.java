package app.ponte.server.runner;

import app.ponte.server.ingress.EventValuesCodec;
import app.ponte.server.tenant.TenantContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import app.ponte.server.persistence.NativeRows;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * LGPD: everything Ponte holds about one e-mail address in a workspace — the trigger events that
 * carry it (found by their ordering subject, which for Hotmart is the normalised e-mail, or by the
 * address inside the event) and the runs made of them — exported in full, or erased.
 */
@ApplicationScoped
public class PersonalDataService {

    private final EntityManager em;
    private final TenantContext tenants;
    private final EventValuesCodec codec;

    PersonalDataService(EntityManager em, TenantContext tenants, ObjectMapper json) {
        this.em = em;
        this.tenants = tenants;
        this.codec = new EventValuesCodec(json);
    }

    public record ExportedRun(UUID id, UUID automationId, int automationVersion, String status, int attempts, Map<String, String> inputs,
            Map<String, String> outputs, String error, Instant createdAt, Instant finishedAt) {
    }

    public record ExportedEvent(UUID id, String connector, String trigger, String eventType, Instant occurredAt, Instant receivedAt,
            Map<String, String> fields, List<ExportedRun> runs) {
    }

    public record Export(String email, Instant exportedAt, List<ExportedEvent> events) {
    }

    public record Erased(int events, int runs) {
    }

    /** The normalised address (trimmed, lower case), or an error for something that is not an e-mail. */
    public static String normalise(String email) {
        String normalised = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (!normalised.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || normalised.length() > 254) {
            throw new IllegalArgumentException("not an e-mail address");
        }
        return normalised;
    }

    /** A stable, non-reversible reference to the address for the audit log. */
    public static String reference(UUID tenantId, String normalisedEmail) {
        return sha256(tenantId + "|" + normalisedEmail).substring(0, 16);
    }

    public Export export(UUID tenantId, String email) {
        String address = normalise(email);
        return tenants.call(TenantContext.NONE, () -> QuarkusTransaction.requiringNew().call(() -> {
            List<ExportedEvent> events = new ArrayList<>();
            for (Object[] e : events(tenantId, address)) {
                UUID eventId = (UUID) e[0];
                @SuppressWarnings("unchecked")
                List<Object[]> runs = em.createNativeQuery("""
                                SELECT id, automation_id, automation_version, status, attempts, inputs, outputs, error, created_at, finished_at
                                  FROM run WHERE tenant_id = ?1 AND inbound_event_id = ?2 ORDER BY seq""")
                        .setParameter(1, tenantId).setParameter(2, eventId).getResultList();
                List<ExportedRun> exported = runs.stream().map(r -> new ExportedRun((UUID) r[0], (UUID) r[1], ((Number) r[2]).intValue(),
                        (String) r[3], ((Number) r[4]).intValue(), values((String) r[5]), values((String) r[6]), (String) r[7],
                        NativeRows.instant(r[8]), NativeRows.instant(r[9]))).toList();
                events.add(new ExportedEvent(eventId, (String) e[1], (String) e[2], (String) e[3], NativeRows.instant(e[4]), NativeRows.instant(e[5]),
                        values((String) e[6]), exported));
            }
            return new Export(address, Instant.now(), events);
        }));
    }

    /** Deletes the address's events; their runs and attempts go with them. */
    public Erased erase(UUID tenantId, String email) {
        String address = normalise(email);
        return tenants.call(TenantContext.NONE, () -> QuarkusTransaction.requiringNew().call(() -> {
            UUID[] ids = events(tenantId, address).stream().map(e -> (UUID) e[0]).toArray(UUID[]::new);
            if (ids.length == 0) {
                return new Erased(0, 0);
            }
            int runs = ((Number) em.createNativeQuery("SELECT count(*) FROM run WHERE tenant_id = ?1 AND inbound_event_id = ANY(?2)")
                    .setParameter(1, tenantId).setParameter(2, ids).getSingleResult()).intValue();
            int events = em.createNativeQuery("DELETE FROM inbound_event WHERE tenant_id = ?1 AND id = ANY(?2)")
                    .setParameter(1, tenantId).setParameter(2, ids).executeUpdate();
            return new Erased(events, runs);
        }));
    }

    /** The workspace's events about the address: by ordering subject, or carrying it in a field. */
    private List<Object[]> events(UUID tenantId, String address) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, connector_id, trigger_key, event_type, occurred_at, received_at, payload FROM inbound_event
                         WHERE tenant_id = ?1 AND (subject_hash = ?2 OR lower(payload) LIKE ?3)
                         ORDER BY received_at""")
                .setParameter(1, tenantId).setParameter(2, sha256(tenantId + "|" + address))
                .setParameter(3, "%\"v\":\"" + address.replace("%", "\\%").replace("_", "\\_") + "\"%").getResultList();
        return rows;
    }

    private Map<String, String> values(String stored) {
        if (stored == null || !stored.startsWith("{")) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        codec.read(stored).asMap().forEach((key, value) -> values.put(key, value.isEmpty() ? "" : value.text()));
        return values;
    }


    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
