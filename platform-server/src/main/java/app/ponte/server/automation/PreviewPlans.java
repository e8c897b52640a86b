package app.ponte.server.automation;

import app.ponte.api.action.ActionDefinition;
import app.ponte.api.action.ActionInput;
import app.ponte.api.action.ActionPlan;
import app.ponte.api.action.ActionPlanner;
import app.ponte.api.action.Failure;
import app.ponte.api.context.ConnectionContext;
import app.ponte.server.automation.AutomationPreview.PlanPreview;
import app.ponte.server.automation.AutomationPreview.PlanStep;
import app.ponte.server.connection.ConnectionContexts;
import app.ponte.server.connection.ConnectionStatus;
import app.ponte.server.connection.ConnectionStore;
import app.ponte.server.connection.ConnectionView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The preview's plan: asks the action's {@link ActionPlanner} what a run would do with a sample's
 * inputs on the automation's action connection. Planners only read at the vendor; nothing is written
 * here either (a refusal does not even mark the connection for reconnecting). Never called inside a
 * transaction: the vendor calls take permits from the database-backed rate limiter.
 */
@ApplicationScoped
public class PreviewPlans {

    private static final Logger LOG = Logger.getLogger(PreviewPlans.class);

    private final ConnectionContexts contexts;
    private final ConnectionStore connections;

    PreviewPlans(ConnectionContexts contexts, ConnectionStore connections) {
        this.contexts = contexts;
        this.connections = connections;
    }

    /** Why a sample gets no plan, when it is decided before asking the vendor. */
    static PlanPreview skipped(String reason) {
        return new PlanPreview(PlanPreview.Status.SKIPPED, reason, List.of());
    }

    /**
     * @param input the sample's rendered inputs; empty when the mapping has problems with it
     */
    PlanPreview plan(UUID tenantId, ActionDefinition action, UUID connectionId, Optional<ActionInput> input, boolean passesFilter) {
        if (QuarkusTransaction.isActive()) {
            throw new IllegalStateException("a preview's plan calls the vendor; it must not run inside a transaction");
        }
        if (action.planner().isEmpty()) {
            return skipped("Esta ação não mostra plano: ela receberia os valores acima.");
        }
        if (input.isEmpty()) {
            return skipped("O mapeamento tem problemas com este exemplo; corrija-os para ver o plano.");
        }
        if (!passesFilter) {
            return skipped("O filtro não deixa este exemplo passar: a ação não seria executada.");
        }
        Optional<ConnectionView> connection = connectionId == null ? Optional.empty() : connections.find(tenantId, connectionId);
        if (connection.isEmpty()) {
            return skipped("Escolha a conexão da ação para ver o plano.");
        }
        if (connection.get().status() != ConnectionStatus.OK) {
            return skipped("A conexão " + connection.get().displayName() + " precisa ser reconectada para mostrar o plano.");
        }
        Optional<ConnectionContext> context = contexts.forConnection(tenantId, connectionId);
        if (context.isEmpty()) {
            return skipped("Escolha a conexão da ação para ver o plano.");
        }
        ActionPlan plan;
        try {
            plan = action.planner().get().plan(input.get(), context.get());
        } catch (RuntimeException e) {
            LOG.errorf(e, "the planner of action %s threw", action.key());
            plan = ActionPlan.stopped(List.of(), Failure.permanent("Erro inesperado ao montar o plano."));
        }
        List<PlanStep> steps = new ArrayList<>();
        plan.steps().forEach(step -> steps.add(new PlanStep(step.kind().name(), step.label().pt(), step.label().en())));
        if (plan.stoppedBy().isEmpty()) {
            return new PlanPreview(PlanPreview.Status.PLANNED, null, steps);
        }
        String message = message(plan.stoppedBy().get());
        steps.add(new PlanStep(PlanStep.ERROR, message, message));
        return new PlanPreview(PlanPreview.Status.FAILED, message, steps);
    }

    /** The failure as the tenant reads it in a preview (nothing will be retried here). */
    private static String message(Failure failure) {
        return switch (failure.kind()) {
            case THROTTLED -> "A conta está no limite de chamadas agora; peça a prévia de novo em alguns segundos.";
            case RETRYABLE -> failure.message() + " Peça a prévia de novo em instantes.";
            case NEEDS_RECONNECT, PERMANENT -> failure.message();
        };
    }
}
