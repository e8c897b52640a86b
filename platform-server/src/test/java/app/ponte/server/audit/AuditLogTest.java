package app.ponte.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.server.audit.AuditLog.Actor;
import app.ponte.server.audit.AuditLog.Target;
import app.ponte.server.tenant.TenantContext;
import app.ponte.server.testing.TestTenants;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditLogTest {

    private static final Actor ANA = Actor.user(UUID.randomUUID(), "Ana");

    @Inject
    AuditLog audit;

    @Inject
    TenantContext tenants;

    @Test
    void keepsEachWorkspacesEntriesToItself() {
        UUID a = TestTenants.create("A");
        UUID b = TestTenants.create("B");

        audit.record(a, ANA, "connection.created", Target.of("connection", UUID.randomUUID()), Map.of("connector", "hotmart"));
        audit.record(b, Actor.system("runner"), "automation.paused", Target.of("automation", UUID.randomUUID()));

        AuditPage ofA = audit.list(a, 0, 10);
        assertEquals(1, ofA.total());
        assertEquals("connection.created", ofA.items().get(0).action());
        assertEquals("hotmart", ofA.items().get(0).detail().get("connector").asText());
        AuditPage ofB = audit.list(b, 0, 10);
        assertEquals(List.of("automation.paused"), ofB.items().stream().map(AuditEntry::action).toList());
        assertEquals("Ponte (runner)", ofB.items().get(0).actor().name());
    }

    @Test
    void anEntryRecordedInsideTheWorkspacesTransactionRollsBackWithIt() {
        UUID workspace = TestTenants.create("Rollback");

        assertThrows(IllegalStateException.class, () -> tenants.run(workspace, () -> QuarkusTransaction.requiringNew().run(() -> {
            audit.record(workspace, ANA, "workspace.updated", Target.of("workspace", workspace), Map.of("name", "x"));
            throw new IllegalStateException("the change itself failed");
        })));
        assertEquals(0, audit.list(workspace, 0, 10).total());

        tenants.run(workspace, () -> QuarkusTransaction.requiringNew().run(() ->
                audit.record(workspace, ANA, "workspace.updated", Target.of("workspace", workspace), Map.of("name", "y"))));
        assertEquals(1, audit.list(workspace, 0, 10).total());
    }

    @Test
    void refusesDetailsThatNameSecrets() {
        UUID workspace = TestTenants.create("Secrets");
        Target target = Target.of("connection", UUID.randomUUID());

        for (String key : List.of("hottok", "webhook_token", "client_secret", "password", "api_key", "credentials")) {
            assertThrows(IllegalArgumentException.class, () -> audit.record(workspace, ANA, "connection.created", target, Map.of(key, "x")),
                    key);
        }
        assertThrows(IllegalArgumentException.class,
                () -> audit.record(workspace, ANA, "connection.created", target, Map.of("payload", Map.of("buyer", "x"))));
        assertEquals(0, audit.list(workspace, 0, 10).total());
    }

    @Test
    void refusesMalformedActionsAndTargets() {
        UUID workspace = TestTenants.create("Names");
        Target target = Target.of("connection", "c1");

        for (String action : List.of("created", "Connection.Created", "connection created", "connection.", ".x")) {
            assertThrows(IllegalArgumentException.class, () -> audit.record(workspace, ANA, action, target), action);
        }
        assertThrows(IllegalArgumentException.class, () -> audit.record(workspace, ANA, "connection.created", Target.of("Conn", "1")));
    }

    @Test
    void cutsLongTextsAndOrdersNewestFirst() {
        UUID workspace = TestTenants.create("Order");

        for (int i = 0; i < 3; i++) {
            audit.record(workspace, ANA, "automation.changed", Target.of("automation", "a" + i), Map.of("name", "n".repeat(500)));
        }

        AuditPage page = audit.list(workspace, 0, 10);
        assertEquals(List.of("a2", "a1", "a0"), page.items().stream().map(e -> e.target().id()).toList());
        String name = page.items().get(0).detail().get("name").asText();
        assertTrue(name.length() <= AuditLog.MAX_TEXT, "cut to " + AuditLog.MAX_TEXT + ": " + name.length());
    }
}
