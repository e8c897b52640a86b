package app.ponte.server.automation;

import app.ponte.api.ConnectorDescriptor;
import app.ponte.api.action.ActionDefinition;
import app.ponte.api.action.ActionInput;
import app.ponte.api.trigger.TriggerDefinition;
import app.ponte.mapping.Filter;
import app.ponte.mapping.FilterEngine;
import app.ponte.mapping.FilterProblem;
import app.ponte.mapping.FilterResult;
import app.ponte.mapping.FilterValidator;
import app.ponte.mapping.Mapping;
import app.ponte.mapping.MappingEngine;
import app.ponte.mapping.MappingPreview;
import app.ponte.mapping.MappingProblem;
import app.ponte.mapping.MappingResult;
import app.ponte.mapping.RenderContext;
import app.ponte.mapping.MappingValidator;
import app.ponte.server.api.Problem;
import app.ponte.server.api.ValidationProblem;
import app.ponte.server.connection.ConnectionStatus;
import app.ponte.server.connection.ConnectionStore;
import app.ponte.server.connection.ConnectionView;
import app.ponte.server.connector.ConnectorService;
import app.ponte.server.template.AutomationTemplate;
import app.ponte.server.template.TemplateCatalog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Creates, edits (as new versions), activates, pauses and deletes automations. Callers run it in
 * the workspace's {@link app.ponte.server.tenant.TenantContext}; the tenant discriminator scopes
 * every query. A draft may be saved with problems; it cannot be activated until they are fixed.
 */
@ApplicationScoped
public class AutomationService {

    private static final Logger LOG = Logger.getLogger(AutomationService.class);
    private static final Locale PT_BR = Locale.forLanguageTag("pt-BR");
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };
    static final int MAX_TEMPLATE_LENGTH = 2_000;
    /** How many of the last received events a preview also shows. */
    static final int RECENT_EVENTS = 3;

    private final EntityManager em;
    private final ObjectMapper json;
    private final ConnectorService connectors;
    private final ConnectionStore connections;
    private final TemplateCatalog templates;
    private final TriggerSubscriptions subscriptions;
    private final PreviewPlans plans;

    AutomationService(EntityManager em, ObjectMapper json, ConnectorService connectors, ConnectionStore connections,
            TemplateCatalog templates, TriggerSubscriptions subscriptions, PreviewPlans plans) {
        this.em = em;
        this.json = json;
        this.connectors = connectors;
        this.connections = connections;
        this.templates = templates;
        this.subscriptions = subscriptions;
        this.plans = plans;
    }

    public AutomationView fromTemplate(UUID tenantId, UUID userId, String templateKey, UUID triggerConnectionId,
            UUID actionConnectionId, String name) {
        AutomationTemplate template = templates.find(templateKey)
                .orElseThrow(() -> ValidationProblem.field("templateKey", "Modelo desconhecido: " + templateKey));
        AutomationDraft draft = new AutomationDraft(name == null || name.isBlank() ? template.title().pt() : name,
                template.trigger().connector(), template.trigger().key(), triggerConnectionId, Map.of(),
                template.action().connector(), template.action().key(), actionConnectionId, template.mapping(), null);
        return create(tenantId, userId, draft, templateKey);
    }

    public AutomationView create(UUID tenantId, UUID userId, AutomationDraft draft, String templateKey) {
        requireKnownSteps(draft);
        requireReasonableSize(draft);
        requireReadableFilter(draft);
        return QuarkusTransaction.requiringNew().call(() -> {
            Automation automation = new Automation();
            automation.id = UUID.randomUUID();
            automation.tenantId = tenantId.toString();
            automation.status = AutomationStatus.DRAFT;
            automation.templateKey = templateKey;
            automation.createdAt = Instant.now();
            apply(automation, draft);
            automation.currentVersion = 1;
            automation.updatedAt = automation.createdAt;
            em.persist(automation);
            em.persist(version(automation, 1, draft, userId));
            LOG.infof("automation %s created in tenant %s", automation.id, tenantId);
            return view(automation);
        });
    }

    /** Saves an edit as a new version. An active automation stays active only while it still validates. */
    public AutomationView update(UUID tenantId, UUID userId, UUID automationId, AutomationDraft draft) {
        requireKnownSteps(draft);
        requireReasonableSize(draft);
        requireReadableFilter(draft);
        Optional<UUID> triggerConnectionBefore = find(automationId).map(a -> a.trigger().connectionId());
        AutomationView updated = QuarkusTransaction.requiringNew().call(() -> {
            Automation automation = live(automationId);
            apply(automation, draft);
            automation.currentVersion++;
            automation.updatedAt = Instant.now();
            em.persist(version(automation, automation.currentVersion, draft, userId));
            AutomationView view = view(automation);
            if (automation.status == AutomationStatus.ACTIVE && !view.problems().isEmpty()) {
                automation.status = AutomationStatus.PAUSED;
                view = view(automation);
            }
            return view;
        });
        triggerConnectionBefore.filter(before -> !before.equals(updated.trigger().connectionId())).ifPresent(subscriptions::deactivated);
        if (updated.status() == AutomationStatus.ACTIVE) {
            subscriptions.activated(updated.trigger().connectionId());
        } else {
            subscriptions.deactivated(updated.trigger().connectionId());
        }
        return find(automationId).orElse(updated);
    }

    /** Switches it on; then makes sure its trigger's webhook subscription exists (see {@link TriggerSubscriptions}). */
    public AutomationView activate(UUID automationId) {
        AutomationView activated = QuarkusTransaction.requiringNew().call(() -> {
            Automation automation = live(automationId);
            AutomationView view = view(automation);
            if (!view.problems().isEmpty()) {
                throw new ValidationProblem("A automação ainda tem problemas; corrija-os para ativá-la.", view.problems());
            }
            automation.status = AutomationStatus.ACTIVE;
            automation.activatedAt = Instant.now();
            automation.updatedAt = automation.activatedAt;
            return view(automation);
        });
        subscriptions.activated(activated.trigger().connectionId());
        return find(automationId).orElse(activated);
    }

    /** Switches it off; the last active automation of a trigger's subscription removes it at the vendor. */
    public AutomationView pause(UUID automationId) {
        AutomationView paused = QuarkusTransaction.requiringNew().call(() -> {
            Automation automation = live(automationId);
            automation.status = AutomationStatus.PAUSED;
            automation.updatedAt = Instant.now();
            return view(automation);
        });
        subscriptions.deactivated(paused.trigger().connectionId());
        return paused;
    }

    /** Soft delete: the automation stops and disappears from lists; its versions stay for the run history. */
    public void delete(UUID automationId) {
        UUID triggerConnection = QuarkusTransaction.requiringNew().call(() -> {
            Automation automation = live(automationId);
            automation.status = AutomationStatus.DELETED;
            automation.deletedAt = Instant.now();
            automation.updatedAt = automation.deletedAt;
            return automation.triggerConnectionId;
        });
        subscriptions.deactivated(triggerConnection);
    }

    public Optional<AutomationView> find(UUID automationId) {
        return QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(em.find(Automation.class, automationId))
                .filter(a -> a.status != AutomationStatus.DELETED).map(this::view));
    }

    /** A page of the workspace's automations, newest first, and the total. */
    public Page list(int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long total = em.createQuery("select count(a) from Automation a where a.status <> :deleted", Long.class)
                    .setParameter("deleted", AutomationStatus.DELETED).getSingleResult();
            List<AutomationView> items = em.createQuery("from Automation a where a.status <> :deleted order by a.createdAt desc, a.id",
                            Automation.class)
                    .setParameter("deleted", AutomationStatus.DELETED)
                    .setFirstResult(page * size).setMaxResults(size).getResultList().stream().map(this::view).toList();
            return new Page(items, page, size, total);
        });
    }

    /**
     * Runs the current mapping over the trigger's sample events (all of them, or the one named); with
     * {@code plan}, each sample also gets the plan its action would execute, asked of the action's
     * planner after the transaction that reads the automation (the vendor is never called inside one).
     */
    public AutomationPreview preview(UUID automationId, Optional<String> sampleName, SampleEvents samples, java.time.ZoneId zone,
            boolean plan) {
        Rendered rendered = render(automationId, sampleName, samples, zone);
        if (!plan) {
            return new AutomationPreview(rendered.previews());
        }
        List<AutomationPreview.SamplePreview> planned = new ArrayList<>();
        for (int i = 0; i < rendered.previews().size(); i++) {
            AutomationPreview.SamplePreview sample = rendered.previews().get(i);
            AutomationPreview.PlanPreview steps = plans.plan(rendered.tenantId(), rendered.action(), rendered.actionConnectionId(),
                    rendered.inputs().get(i), sample.passesFilter());
            planned.add(new AutomationPreview.SamplePreview(sample.sample(), sample.ok(), sample.passesFilter(),
                    sample.filterExplanation(), sample.inputs(), steps));
        }
        return new AutomationPreview(planned);
    }

    /** The previews, and what planning needs: each sample's typed inputs (empty when the mapping fails on it). */
    private record Rendered(UUID tenantId, ActionDefinition action, UUID actionConnectionId,
            List<AutomationPreview.SamplePreview> previews, List<Optional<ActionInput>> inputs) {
    }

    private Rendered render(UUID automationId, Optional<String> sampleName, SampleEvents samples, java.time.ZoneId zone) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Automation automation = live(automationId);
            AutomationVersion version = currentVersion(automation);
            // the trigger's samples, then the last events the connection really received
            ConnectorDescriptor connector = connectors.descriptor(automation.triggerConnector).orElseThrow();
            List<SampleEvents.Sample> candidates = new ArrayList<>(samples.of(connector, trigger(automation.triggerConnector,
                    automation.triggerKey)));
            candidates.addAll(samples.received(em, automation.triggerConnectionId, automation.triggerKey, RECENT_EVENTS));
            Samples previewed = previewSamples(automation.triggerConnector, automation.triggerKey, automation.actionConnector,
                    automation.actionKey, read(version.mapping), filter(version), sampleName, candidates, zone);
            return new Rendered(UUID.fromString(automation.tenantId), previewed.action(), automation.actionConnectionId,
                    previewed.previews(), previewed.inputs());
        });
    }

    /**
     * What an unsaved edit of an automation would be (nothing is stored): the problems that would
     * keep it from being activated, exactly as {@link AutomationView#problems()} would list them once
     * saved, and its preview over all the trigger's sample events.
     *
     * @throws ValidationProblem when it could not even be saved (unknown steps, sizes, unreadable filter)
     */
    public DraftCheck check(UUID tenantId, AutomationDraft draft, SampleEvents samples, java.time.ZoneId zone) {
        requireKnownSteps(draft);
        requireReasonableSize(draft);
        requireReadableFilter(draft);
        requireName(draft.name());
        Filter filter = draft.filter() == null || draft.filter().isNull() ? readFilter("{}") : readFilter(draft.filter().toString());
        return QuarkusTransaction.requiringNew().call(() -> new DraftCheck(
                problems(tenantId, draft.triggerConnector(), draft.triggerKey(), draft.triggerConnectionId(), draft.actionConnector(),
                        draft.actionKey(), draft.actionConnectionId(), draft.mapping(), filter),
                new AutomationPreview(previewSamples(draft.triggerConnector(), draft.triggerKey(), draft.actionConnector(),
                        draft.actionKey(), draft.mapping(), filter, Optional.empty(),
                        samples.of(connectors.descriptor(draft.triggerConnector()).orElseThrow(),
                                trigger(draft.triggerConnector(), draft.triggerKey())), zone).previews())));
    }

    /** An unsaved edit's problems and preview. */
    public record DraftCheck(List<Problem.FieldError> problems, AutomationPreview preview) {
    }

    /** Previews over the trigger's samples, each sample's typed inputs (empty when the mapping fails on it) and the action. */
    private record Samples(List<AutomationPreview.SamplePreview> previews, List<Optional<ActionInput>> inputs, ActionDefinition action) {
    }

    private Samples previewSamples(String triggerConnector, String triggerKey, String actionConnector, String actionKey,
            Map<String, String> mapping, Filter filter, Optional<String> sampleName, List<SampleEvents.Sample> candidates,
            java.time.ZoneId zone) {
        TriggerDefinition trigger = trigger(triggerConnector, triggerKey);
        ActionDefinition action = action(actionConnector, actionKey);
        Locale pt = PT_BR;
        List<AutomationPreview.SamplePreview> previews = new ArrayList<>();
        List<Optional<ActionInput>> inputs = new ArrayList<>();
        for (SampleEvents.Sample sample : candidates) {
            if (sampleName.isPresent() && !sampleName.get().equals(sample.name())) {
                continue;
            }
            MappingPreview preview = MappingEngine.preview(Mapping.of(mapping), action, trigger, sample.event().values(),
                    RenderContext.of(zone));
            FilterResult passes = FilterEngine.matches(filter, sample.event().values(), trigger, RenderContext.of(zone));
            previews.add(new AutomationPreview.SamplePreview(sample.name(), preview.isOk(), passes.matched(),
                    passes.conditions().stream().map(c -> c.explanation().pt()).toList(), preview.inputs().stream()
                    .map(i -> new AutomationPreview.InputPreview(i.key(), i.label().pt(), i.required(),
                            i.template().orElse(null), i.error().isPresent() ? "" : i.text(),
                            i.error().map(e -> e.message(pt)).orElse(null)))
                    .toList(), null));
            inputs.add(preview.result() instanceof MappingResult.Ok ok ? Optional.of(ok.input()) : Optional.empty());
        }
        if (previews.isEmpty()) {
            throw new NotFoundException(sampleName.map(n -> "no sample '" + n + "' for this trigger")
                    .orElse("this trigger has no sample events"));
        }
        return new Samples(previews, inputs, action);
    }

    /** One page of a list. */
    public record Page(List<AutomationView> items, int page, int size, long total) {
    }

    private Automation live(UUID automationId) {
        Automation automation = em.find(Automation.class, automationId);
        if (automation == null || automation.status == AutomationStatus.DELETED) {
            throw new NotFoundException("automation not found");
        }
        return automation;
    }

    private void apply(Automation automation, AutomationDraft draft) {
        automation.name = requireName(draft.name());
        automation.triggerConnector = draft.triggerConnector();
        automation.triggerKey = draft.triggerKey();
        automation.triggerConnectionId = draft.triggerConnectionId();
        automation.actionConnector = draft.actionConnector();
        automation.actionKey = draft.actionKey();
        automation.actionConnectionId = draft.actionConnectionId();
    }

    private AutomationVersion version(Automation automation, int number, AutomationDraft draft, UUID userId) {
        AutomationVersion version = new AutomationVersion();
        version.id = UUID.randomUUID();
        version.tenantId = automation.tenantId;
        version.automationId = automation.id;
        version.version = number;
        version.mapping = write(draft.mapping());
        version.filter = draft.filter() == null || draft.filter().isNull() ? "{}" : draft.filter().toString();
        version.triggerSettings = write(draft.triggerSettings());
        version.createdAt = Instant.now();
        version.createdBy = userId;
        return version;
    }

    AutomationVersion currentVersion(Automation automation) {
        return em.createQuery("from AutomationVersion v where v.automationId = :id and v.version = :version", AutomationVersion.class)
                .setParameter("id", automation.id).setParameter("version", automation.currentVersion).getSingleResult();
    }

    private AutomationView view(Automation automation) {
        AutomationVersion version = currentVersion(automation);
        Map<String, String> mapping = read(version.mapping);
        Map<String, String> settings = read(version.triggerSettings);
        JsonNode filter;
        try {
            filter = json.readTree(version.filter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored filter is not JSON", e);
        }
        return new AutomationView(automation.id, automation.name, automation.status, automation.templateKey,
                new AutomationView.Step(automation.triggerConnector, automation.triggerKey, automation.triggerConnectionId),
                new AutomationView.Step(automation.actionConnector, automation.actionKey, automation.actionConnectionId),
                automation.currentVersion, mapping, filter, settings,
                problems(UUID.fromString(automation.tenantId), automation.triggerConnector, automation.triggerKey,
                        automation.triggerConnectionId, automation.actionConnector, automation.actionKey, automation.actionConnectionId,
                        mapping, filter(version)),
                automation.createdAt, automation.updatedAt, automation.activatedAt,
                automation.status != AutomationStatus.ACTIVE ? null : subscriptions.view(UUID.fromString(automation.tenantId),
                        automation.triggerConnector, automation.triggerKey, automation.triggerConnectionId).orElse(null));
    }

    /** Why this automation cannot run yet: connections and the mapping, checked against the catalogs. */
    private List<Problem.FieldError> problems(UUID tenantId, String triggerConnector, String triggerKey, UUID triggerConnectionId,
            String actionConnector, String actionKey, UUID actionConnectionId, Map<String, String> mapping, Filter filter) {
        List<Problem.FieldError> problems = new ArrayList<>();
        checkConnection(tenantId, "trigger.connectionId", triggerConnectionId, triggerConnector, problems);
        checkConnection(tenantId, "action.connectionId", actionConnectionId, actionConnector, problems);
        TriggerDefinition trigger = trigger(triggerConnector, triggerKey);
        ActionDefinition action = action(actionConnector, actionKey);
        for (MappingProblem problem : MappingValidator.validate(Mapping.of(mapping), action, trigger)) {
            problems.add(new Problem.FieldError("mapping." + problem.inputKey(), problem.error().message(PT_BR)));
        }
        for (FilterProblem problem : FilterValidator.validate(filter, trigger)) {
            problems.add(new Problem.FieldError(problem.index() < 0 ? "filter" : "filter.conditions[" + problem.index() + "]",
                    problem.error().message(PT_BR)));
        }
        return problems;
    }

    /** The stored filter (saved drafts always hold a readable one: see {@link #requireReadableFilter}). */
    private Filter filter(AutomationVersion version) {
        return readFilter(version.filter);
    }

    private Filter readFilter(String text) {
        try {
            return json.readValue(text, Filter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored filter does not read", e);
        }
    }

    /** A filter that cannot even be read (e.g. a condition without an operator) is refused at save time. */
    private void requireReadableFilter(AutomationDraft draft) {
        if (draft.filter() == null || draft.filter().isNull()) {
            return;
        }
        try {
            json.treeToValue(draft.filter(), Filter.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String reason = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw ValidationProblem.field("filter", "Filtro inválido: cada condição precisa de field, operator e value. " + reason);
        }
    }

    private void checkConnection(UUID tenantId, String field, UUID connectionId, String connector, List<Problem.FieldError> problems) {
        if (connectionId == null) {
            problems.add(new Problem.FieldError(field, "Escolha a conexão com " + connectorName(connector) + "."));
            return;
        }
        Optional<ConnectionView> connection = connections.find(tenantId, connectionId);
        if (connection.isEmpty() || !connection.get().connectorId().equals(connector)) {
            problems.add(new Problem.FieldError(field, "Esta conexão não existe neste espaço de trabalho ou não é de "
                    + connectorName(connector) + "."));
        } else if (connection.get().status() != ConnectionStatus.OK) {
            problems.add(new Problem.FieldError(field, "A conexão " + connection.get().displayName()
                    + (connection.get().status() == ConnectionStatus.NEEDS_RECONNECT ? " precisa ser reconectada." : " foi desconectada.")));
        }
    }

    private void requireKnownSteps(AutomationDraft draft) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (draft.triggerConnector() == null || draft.triggerKey() == null
                || connectors.descriptor(draft.triggerConnector()).flatMap(c -> c.trigger(draft.triggerKey())).isEmpty()) {
            errors.add(new Problem.FieldError("trigger", "Gatilho desconhecido."));
        }
        if (draft.actionConnector() == null || draft.actionKey() == null
                || connectors.descriptor(draft.actionConnector()).flatMap(c -> c.action(draft.actionKey())).isEmpty()) {
            errors.add(new Problem.FieldError("action", "Ação desconhecida."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationProblem("A automação não pode ser salva.", errors);
        }
    }

    private static void requireReasonableSize(AutomationDraft draft) {
        if (draft.mapping().size() > 200) {
            throw ValidationProblem.field("mapping", "Mapeamento com campos demais (máximo 200).");
        }
        draft.mapping().forEach((input, template) -> {
            if (template.length() > MAX_TEMPLATE_LENGTH) {
                throw ValidationProblem.field("mapping." + input, "Expressão longa demais (máximo " + MAX_TEMPLATE_LENGTH + " caracteres).");
            }
        });
        if (draft.filter() != null && draft.filter().toString().length() > 20_000) {
            throw ValidationProblem.field("filter", "Filtro grande demais.");
        }
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw ValidationProblem.field("name", "Dê um nome de 1 a 200 caracteres à automação.");
        }
        return name.strip();
    }

    private TriggerDefinition trigger(String connector, String key) {
        return connectors.descriptor(connector).flatMap(c -> c.trigger(key)).orElseThrow();
    }

    private ActionDefinition action(String connector, String key) {
        return connectors.descriptor(connector).flatMap(c -> c.action(key)).orElseThrow();
    }

    private String connectorName(String connector) {
        return connectors.descriptor(connector).map(ConnectorDescriptor::name).orElse(connector);
    }

    private String write(Map<String, String> map) {
        try {
            return json.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String text) {
        try {
            return json.readValue(text, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored automation data is not a JSON object of strings", e);
        }
    }
}
