package app.ponte.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** An audit log entry as the API shows it. */
public record AuditEntry(UUID id, Instant at, AuditLog.Actor actor, String action, AuditLog.Target target, JsonNode detail) {
}
