package app.ponte.server.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import app.ponte.server.connection.ConnectionStore;
import app.ponte.server.connection.OAuthClients;
import app.ponte.server.connector.ConnectorService;
import app.ponte.server.testing.RunnerWorkspace;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The runner's native queries name the tenant themselves (they run outside Hibernate's tenant
 * discriminator): the very same delivery — same event id, same buyer — reaching two workspaces is
 * de-duplicated per workspace, ordered per workspace, and written to each workspace's own Kommo
 * account only.
 */
@QuarkusTest
class TenantSeparationTest {

    @Inject
    ConnectorService connectors;

    @Inject
    OAuthClients clients;

    @Inject
    ConnectionStore store;

    @Test
    void theSameDeliveryToTwoWorkspacesRunsInEachAndWritesOnlyToEachOnesKommoAccount() {
        RunnerWorkspace first = RunnerWorkspace.create("Vera", connectors, clients, store);
        RunnerWorkspace second = RunnerWorkspace.create("Wanda", connectors, clients, store);
        first.activate("purchase_approved_to_kommo_lead");
        second.activate("purchase_approved_to_kommo_lead");
        String delivery = RunnerWorkspace.asAnotherBuyer(RunnerWorkspace.fixture("PURCHASE_APPROVED.json"), 73);

        first.deliver(delivery);
        second.deliver(delivery);

        JsonPath firstRuns = first.awaitRuns("", RunnerWorkspace.settled(1));
        JsonPath secondRuns = second.awaitRuns("", RunnerWorkspace.settled(1));
        assertEquals("SUCCEEDED", firstRuns.getString("items[0].status"), firstRuns.prettify());
        assertEquals("SUCCEEDED", secondRuns.getString("items[0].status"), secondRuns.prettify());
        assertNotEquals(firstRuns.getString("items[0].id"), secondRuns.getString("items[0].id"));
        assertEquals(1, first.kommo().state().getList("leads").size(), "one lead in the first workspace's account");
        assertEquals(1, second.kommo().state().getList("leads").size(), "one lead in the second workspace's account");
        assertEquals(firstRuns.getString("items[0].outputs['lead.id']"), first.kommo().state().getString("leads[0].id"));
        assertEquals(secondRuns.getString("items[0].outputs['lead.id']"), second.kommo().state().getString("leads[0].id"));
    }
}
