package app.ponte.server.runner;

import app.ponte.api.ConnectorDescriptor;
import app.ponte.api.trigger.TriggerDefinition;
import app.ponte.server.api.ValidationProblem;
import app.ponte.server.automation.Automation;
import app.ponte.server.automation.AutomationStatus;
import app.ponte.server.automation.SampleEvents;
import app.ponte.server.connector.ConnectorService;
import app.ponte.server.ingress.IngressStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * "Executar agora": runs one automation for real on a sample event of its trigger (or again on an
 * event it already received), like Zapier's test step, whatever its status. The run goes through
 * the same queue, executor and history as any other; only this automation sees the event.
 * Call in the workspace's tenant context.
 */
@ApplicationScoped
public class ManualRuns {

    private final EntityManager em;
    private final ConnectorService connectors;
    private final SampleEvents samples;
    private final IngressStore ingress;
    private final RunStore store;
    private final SubjectWorkers workers;

    ManualRuns(EntityManager em, ConnectorService connectors, SampleEvents samples, IngressStore ingress, RunStore store,
            SubjectWorkers workers) {
        this.em = em;
        this.connectors = connectors;
        this.samples = samples;
        this.ingress = ingress;
        this.store = store;
        this.workers = workers;
    }

    /**
     * @param sampleName one of the trigger's samples (empty: the first)
     * @param eventId    instead of a sample, an event this workspace received
     * @return the run's id
     */
    public UUID runOnce(UUID tenantId, UUID automationId, Optional<String> sampleName, Optional<UUID> eventId) {
        Automation automation = QuarkusTransaction.requiringNew().call(() -> em.find(Automation.class, automationId));
        if (automation == null || automation.status == AutomationStatus.DELETED) {
            throw new NotFoundException("automation not found");
        }
        if (automation.triggerConnectionId == null || automation.actionConnectionId == null) {
            throw ValidationProblem.field(automation.triggerConnectionId == null ? "trigger.connectionId" : "action.connectionId",
                    "Escolha as conexões da automação antes de executá-la.");
        }
        UUID event = eventId.map(id -> received(id, automation)).orElseGet(() -> sample(tenantId, automation, sampleName));
        RunStore.Subject subject = store.queueManual(tenantId, automationId, event);
        if (subject == null) {
            throw new ClientErrorException("Esta automação já está executando este evento; aguarde o fim.", 409);
        }
        workers.wake(subject);
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select r.id from Run r where r.automationId = :automation and r.inboundEventId = :event", UUID.class)
                .setParameter("automation", automationId).setParameter("event", event).getSingleResult());
    }

    private UUID received(UUID eventId, Automation automation) {
        InboundEvent event = QuarkusTransaction.requiringNew().call(() -> em.find(InboundEvent.class, eventId));
        if (event == null) {
            throw new NotFoundException("event not found");
        }
        if (!event.triggerKey.equals(automation.triggerKey) || !event.connectionId.equals(automation.triggerConnectionId)) {
            throw ValidationProblem.field("eventId", "Este evento não é do gatilho nem da conexão desta automação.");
        }
        return eventId;
    }

    private UUID sample(UUID tenantId, Automation automation, Optional<String> sampleName) {
        ConnectorDescriptor connector = connectors.descriptor(automation.triggerConnector).orElseThrow();
        TriggerDefinition trigger = connector.trigger(automation.triggerKey).orElseThrow();
        List<SampleEvents.Sample> available = samples.of(connector, trigger);
        SampleEvents.Sample chosen = available.stream().filter(s -> sampleName.map(s.name()::equals).orElse(true)).findFirst()
                .orElseThrow(() -> ValidationProblem.field("sample", sampleName.map(n -> "Não há amostra '" + n + "' para este gatilho.")
                        .orElse("Este gatilho não tem eventos de amostra.")));
        return ingress.storeSample(tenantId, automation.triggerConnectionId, automation.triggerConnector, chosen.event());
    }
}
