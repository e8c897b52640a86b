package app.ponte.server.tenant;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * The workspace the current thread acts for. Hibernate reads it (through {@link WorkspaceTenantResolver})
 * whenever a session opens: every entity with a {@code @TenantId} is then written with this tenant
 * and read only from it — the one place tenant isolation is enforced. Set explicitly: by the REST
 * layer after checking membership, and by background work from the tenant its message carries.
 */
@ApplicationScoped
public class TenantContext {

    /** The tenant of threads that act for no workspace: tenant-owned rows are invisible to them. */
    public static final UUID NONE = new UUID(0, 0);

    private static final ThreadLocal<UUID> CURRENT = new ThreadLocal<>();

    public Optional<UUID> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Runs {@code work} for {@code tenantId}; sessions opened inside see only that tenant's rows. */
    public <T> T call(UUID tenantId, Callable<T> work) {
        UUID previous = CURRENT.get();
        CURRENT.set(tenantId);
        // Quarkus consults the tenant resolver only while a request context is active; background
        // work (the runner, tests' own threads) gets one for the duration of the call.
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new TenantWorkException(e);
        } finally {
            if (activated) {
                requestContext.terminate();
            }
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    public void run(UUID tenantId, Runnable work) {
        call(tenantId, () -> {
            work.run();
            return null;
        });
    }

    /** A checked exception thrown by work done in a tenant's context. */
    public static final class TenantWorkException extends RuntimeException {
        TenantWorkException(Exception cause) {
            super(cause);
        }
    }
}
