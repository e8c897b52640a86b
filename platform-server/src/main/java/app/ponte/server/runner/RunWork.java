package app.ponte.server.runner;

import app.ponte.server.connection.ConnectionSnapshot;
import app.ponte.server.connection.ConnectionStatus;
import app.ponte.server.persistence.NativeRows;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything one execution of a run needs: the run, its trigger event and the automation version it
 * uses; {@code deferred}: its last try was put off by Ponte's pacing of the vendor account; {@code manual}:
 * started by hand, it runs whatever the automation's status; {@code traceParent}: the trace of the webhook request that
 * brought the event (null when tracing was off); {@code plan}: the workspace's plan (null: the installation's default);
 * {@code recentSubjectRuns}: the runs of its subject created in the minute up to it, itself included (the loop guard's
 * count); {@code actionConnection}: the action's connection as stored when the run was claimed (empty: removed).
 */
public record RunWork(UUID runId, UUID tenantId, UUID automationId, int automationVersion, int attempts, String subjectHash,
        UUID eventId, UUID triggerConnectionId, String triggerConnector, String triggerKey, String dedupKey, String eventType,
        Instant occurredAt, String payload, String automationStatus, String actionConnector, String actionKey,
        UUID actionConnectionId, String mapping, String filter, String triggerSettings, String timeZone, boolean deferred, boolean manual, Instant receivedAt,
        String traceParent, String plan, long recentSubjectRuns, Optional<ConnectionSnapshot> actionConnection) {

    static RunWork of(Object[] r) {
        return new RunWork((UUID) r[0], (UUID) r[1], (UUID) r[2], ((Number) r[3]).intValue(), ((Number) r[4]).intValue(),
                (String) r[5], (UUID) r[6], (UUID) r[7], (String) r[8], (String) r[9], (String) r[10], (String) r[11],
                NativeRows.instant(r[12]), (String) r[13], (String) r[14], (String) r[15], (String) r[16], (UUID) r[17], (String) r[18],
                (String) r[19], (String) r[20], (String) r[21], Boolean.TRUE.equals(r[22]), Boolean.TRUE.equals(r[23]), NativeRows.instant(r[24]),
                (String) r[25], (String) r[26], ((Number) r[27]).longValue(),
                r[28] == null ? Optional.empty() : Optional.of(new ConnectionSnapshot((UUID) r[17], (UUID) r[1], (String) r[29],
                        ConnectionStatus.valueOf((String) r[28]), (String) r[30], (String) r[31], Optional.ofNullable(r[32]).map(NativeRows::instant))));
    }
}
