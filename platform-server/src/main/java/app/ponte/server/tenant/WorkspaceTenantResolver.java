package app.ponte.server.tenant;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;

/** Tells Hibernate's tenant discriminator which workspace a new session belongs to. */
@PersistenceUnitExtension
@ApplicationScoped
public class WorkspaceTenantResolver implements TenantResolver {

    private final TenantContext context;

    WorkspaceTenantResolver(TenantContext context) {
        this.context = context;
    }

    @Override
    public String getDefaultTenantId() {
        return TenantContext.NONE.toString();
    }

    @Override
    public String resolveTenantId() {
        return context.current().orElse(TenantContext.NONE).toString();
    }
}
