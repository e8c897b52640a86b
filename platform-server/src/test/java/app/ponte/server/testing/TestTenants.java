package app.ponte.server.testing;

import app.ponte.server.tenant.Tenant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.UUID;

/** Creates workspaces for tests that need tenant-owned rows. */
public final class TestTenants {

    private TestTenants() {
    }

    public static UUID create(String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Tenant tenant = new Tenant();
            tenant.id = UUID.randomUUID();
            tenant.name = name;
            tenant.timeZone = "America/Sao_Paulo";
            tenant.createdAt = Instant.now();
            tenant.persist();
            return tenant.id;
        });
    }
}
