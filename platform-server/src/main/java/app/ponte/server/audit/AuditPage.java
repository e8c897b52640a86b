package app.ponte.server.audit;

import java.util.List;

/**
 * One page of a workspace's audit log, newest first.
 *
 * @param page  zero-based page number
 * @param size  the page size asked for
 * @param total how many entries the whole log has
 */
public record AuditPage(List<AuditEntry> items, int page, int size, long total) {
}
