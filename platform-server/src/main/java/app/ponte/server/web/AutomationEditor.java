package app.ponte.server.web;

import app.ponte.api.action.ActionDefinition;
import app.ponte.api.field.Field;
import app.ponte.api.field.FieldType;
import app.ponte.api.trigger.TriggerDefinition;
import app.ponte.mapping.Filter;
import app.ponte.mapping.Transform;
import app.ponte.mapping.TransformRegistry;
import app.ponte.server.api.Problem;
import app.ponte.server.api.ValidationProblem;
import app.ponte.server.automation.AutomationDraft;
import app.ponte.server.automation.AutomationPreview;
import app.ponte.server.automation.AutomationService;
import app.ponte.server.automation.AutomationView;
import app.ponte.server.automation.SampleEvents;
import app.ponte.server.connection.ConnectionStatus;
import app.ponte.server.connection.ConnectionStore;
import app.ponte.server.connection.ConnectionView;
import app.ponte.server.tenant.WorkspaceAccess.Caller;
import app.ponte.server.tenant.WorkspaceAccess.Need;
import app.ponte.server.web.AutomationWizard.ConnectionChoice;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The mapping editor of an automation: one row per action input (label, required mark, type, the
 * expression), the trigger's fields as chips that insert {@code {{field}}} at the cursor, a
 * transform picker, the validator's messages next to each input, and a preview over the trigger's
 * sample events (each input's value, whether the filter lets the event through). "Pré-visualizar"
 * stores nothing; "Salvar" saves a new version. "O que aconteceria na Kommo" ({@code ?sample=}) runs
 * the saved version over one of the trigger's samples or of the last events received
 * ({@code recebido-<event id>}) and shows the action's plan, worked out with reads only.
 */
@Path("/app/automations/" + AutomationsPage.ID + "/edit")
@Authenticated
public class AutomationEditor {

    /** The form field of an input's expression: {@code mapping.<input key>}. */
    static final String MAPPING = "mapping.";

    /** An action input's row. {@code choices}: the options of a choice input shown as a list (empty: a text field). */
    public record InputRow(String key, String label, String type, boolean required, String note, String expression, String error,
            List<Option> choices) {

        public boolean choice() {
            return !choices.isEmpty();
        }
    }

    public record Option(String value, String label, boolean selected) {
    }

    /** A trigger field to insert: its label, key and type. */
    public record Chip(String key, String label, String type) {
    }

    public record TransformOption(String name, String description, String parameters, boolean needsArgument) {
    }

    /** One sample event's preview; {@code plan} only for the saved version's "O que aconteceria na Kommo". */
    public record SampleView(String name, boolean ok, boolean passesFilter, List<String> filterExplanation, List<PreviewValue> inputs,
            PlanView plan) {
    }

    /** The action's plan for a sample: PLANNED, FAILED or SKIPPED, why (pt-BR), and its steps in the page's language. */
    public record PlanView(String status, String reason, List<PlanStepView> steps) {
    }

    public record PlanStepView(String kind, String text) {
    }

    /**
     * The filter's rows: its conditions in order (their index is the validator's
     * {@code filter.conditions[i]}) and one blank row to add a condition; a row whose field is left
     * blank is dropped on save. {@code error}: a problem with the filter as a whole.
     */
    public record FilterView(String match, List<ConditionRow> conditions, List<Option> fields, List<Option> operators, String error) {
    }

    public record ConditionRow(int index, String field, String operator, String value, String error) {
    }

    /** The events the saved version can be planned over, and the one chosen (null: none yet). */
    public record PlanChoice(List<Option> samples, List<SampleView> planned) {

        public boolean chosen() {
            return planned != null;
        }
    }

    public record PreviewValue(String key, String label, boolean required, String text, String error) {
    }

    /** Everything the editor shows. */
    public record Editor(AutomationView automation, String name, String steps, String triggerConnectorName,
            List<ConnectionChoice> triggerConnections, String triggerConnectionError, String actionConnectorName,
            List<ConnectionChoice> actionConnections, String actionConnectionError, List<InputRow> inputs, List<Chip> chips,
            List<TransformOption> transforms, List<String> otherProblems, List<SampleView> preview, boolean saved, PlanChoice plan,
            FilterView filter) {

        public boolean previewed() {
            return preview != null;
        }

        public boolean hasProblems() {
            return triggerConnectionError != null || actionConnectionError != null || !otherProblems.isEmpty()
                    || inputs.stream().anyMatch(i -> i.error() != null) || filter.error() != null
                    || filter.conditions().stream().anyMatch(c -> c.error() != null);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance edit(AppShell shell, Editor editor);
    }

    private final AppSession session;
    private final SecurityIdentity identity;
    private final AutomationService automations;
    private final ConnectionStore connections;
    private final SampleEvents samples;
    private final CatalogLabels catalog;

    AutomationEditor(AppSession session, SecurityIdentity identity, AutomationService automations, ConnectionStore connections,
            SampleEvents samples, CatalogLabels catalog) {
        this.session = session;
        this.identity = identity;
        this.automations = automations;
        this.connections = connections;
        this.samples = samples;
        this.catalog = catalog;
    }

    @GET
    @Blocking
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("id") UUID id, @QueryParam("saved") boolean saved, @QueryParam("sample") String sample,
            @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        return session.page(identity, "automations", lang, headers, Need.MEMBER, (caller, shell) -> {
            AutomationView automation = automations.find(id).orElseThrow(NotFoundException::new);
            Editor editor = editor(caller, shell, automation, draftOf(automation), automation.problems(), null, saved,
                    planChoice(shell, id, sample));
            return Pages.ok(Templates.edit(shell, editor).setLocale(shell.locale()), lang);
        });
    }

    /** "Pré-visualizar" ({@code action=preview}: the unsaved edit checked and previewed) or "Salvar" (a new version). */
    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response submit(@PathParam("id") UUID id, MultivaluedMap<String, String> form, @Context HttpHeaders headers) {
        return session.form(identity, form.getFirst(FormTokens.FIELD), "automations", headers, Need.ADMIN, (caller, shell) -> {
            AutomationView automation = automations.find(id).orElseThrow(NotFoundException::new);
            AutomationDraft draft = draftFrom(automation, form);
            ZoneId zone = ZoneId.of(shell.workspace().timeZone());
            try {
                if ("save".equals(form.getFirst("action"))) {
                    automations.update(caller.workspaceId(), caller.userId(), id, draft);
                    return Response.seeOther(URI.create("/app/automations/" + id + "/edit?saved=true")).build();
                }
                AutomationService.DraftCheck check = automations.check(caller.workspaceId(), draft, samples, zone);
                Editor editor = editor(caller, shell, automation, draft, check.problems(), check.preview(), false,
                        planChoice(shell, id, null));
                return Pages.ok(Templates.edit(shell, editor).setLocale(shell.locale()), null);
            } catch (ValidationProblem problem) {
                Editor editor = editor(caller, shell, automation, draft, problem.errors(), null, false, planChoice(shell, id, null));
                return Pages.page(400, Templates.edit(shell, editor).setLocale(shell.locale()), null).build();
            }
        });
    }

    /** The edit as the form sends it: name, connections and each input's expression (blank ones left out). */
    private static AutomationDraft draftFrom(AutomationView automation, MultivaluedMap<String, String> form) {
        Map<String, String> mapping = new LinkedHashMap<>();
        form.forEach((field, values) -> {
            if (field.startsWith(MAPPING) && !values.isEmpty() && values.get(0) != null && !values.get(0).isBlank()) {
                mapping.put(field.substring(MAPPING.length()), values.get(0).strip());
            }
        });
        return new AutomationDraft(form.getFirst("name"), automation.trigger().connector(), automation.trigger().key(),
                uuid(form.getFirst("trigger_connection")), automation.triggerSettings(), automation.action().connector(),
                automation.action().key(), uuid(form.getFirst("action_connection")), mapping, filterFrom(form));
    }

    /** The form field of a filter condition's part: {@code filter.field.<row>}, {@code filter.operator.<row>}, {@code filter.value.<row>}. */
    static final String FILTER = "filter.";

    /**
     * The filter as the form sends it: {@code filter.match} and the rows in their order, those whose
     * field is blank left out; the value is left out where the operator takes none.
     */
    static ObjectNode filterFrom(MultivaluedMap<String, String> form) {
        ObjectNode filter = JsonNodeFactory.instance.objectNode();
        String match = form.getFirst(FILTER + "match");
        filter.put("match", match == null || match.isBlank() ? "all" : match.strip());
        ArrayNode conditions = filter.putArray("conditions");
        java.util.SortedSet<Integer> rows = new java.util.TreeSet<>();
        form.keySet().stream().filter(k -> k.startsWith(FILTER + "field.")).forEach(k -> {
            try {
                rows.add(Integer.parseInt(k.substring((FILTER + "field.").length())));
            } catch (NumberFormatException ignored) {
                // not one of the editor's rows
            }
        });
        for (int row : rows) {
            String field = form.getFirst(FILTER + "field." + row);
            if (field == null || field.isBlank()) {
                continue;
            }
            ObjectNode condition = conditions.addObject();
            condition.put("field", field.strip());
            String operator = form.getFirst(FILTER + "operator." + row);
            condition.put("operator", operator == null ? "" : operator.strip());
            String value = form.getFirst(FILTER + "value." + row);
            boolean needsValue = Filter.Operator.find(operator == null ? "" : operator.strip()).map(Filter.Operator::needsValue).orElse(true);
            if (needsValue && value != null) {
                condition.put("value", value.strip());
            }
        }
        return filter;
    }

    static AutomationDraft draftOf(AutomationView automation) {
        return new AutomationDraft(automation.name(), automation.trigger().connector(), automation.trigger().key(),
                automation.trigger().connectionId(), automation.triggerSettings(), automation.action().connector(),
                automation.action().key(), automation.action().connectionId(), automation.mapping(), automation.filter());
    }

    private Editor editor(Caller caller, AppShell shell, AutomationView automation, AutomationDraft draft,
            List<Problem.FieldError> problems, AutomationPreview preview, boolean saved, PlanChoice plan) {
        Locale locale = shell.locale();
        TriggerDefinition trigger = catalog.trigger(automation.trigger().connector(), automation.trigger().key()).orElseThrow();
        ActionDefinition action = catalog.action(automation.action().connector(), automation.action().key()).orElseThrow();
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> others = new ArrayList<>();
        for (Problem.FieldError problem : problems) {
            if (problem.field().startsWith("filter")) {
                errors.merge(problem.field(), problem.message(), (a, b) -> a + " " + b);
            } else if (problem.field().startsWith(MAPPING) || problem.field().endsWith("connectionId")) {
                errors.merge(problem.field(), problem.message(), (a, b) -> a + " " + b);
            } else {
                others.add(problem.message());
            }
        }
        List<InputRow> rows = new ArrayList<>();
        for (Field input : action.inputs()) {
            if (input.type() == FieldType.DYNAMIC_CHOICE && !input.key().contains(".")) {
                continue; // a family of custom-field inputs (lead_custom_fields.field_<id>), not an input of its own
            }
            rows.add(row(input, draft.mapping().get(input.key()), errors.get(MAPPING + input.key()), locale));
        }
        draft.mapping().forEach((key, expression) -> {
            if (rows.stream().noneMatch(r -> r.key().equals(key))) {
                rows.add(new InputRow(key, key, "", false, null, expression, errors.get(MAPPING + key), List.of()));
            }
        });
        List<Chip> chips = trigger.outputs().stream().map(f -> new Chip(f.key(), f.label().in(locale), f.type().label().in(locale)))
                .toList();
        List<TransformOption> transforms = TransformRegistry.standard().all().stream().map(t -> transform(t, locale)).toList();
        List<ConnectionView> all = connections.list(caller.workspaceId());
        return new Editor(automation, draft.name(), catalog.steps(automation, locale),
                catalog.connectorName(automation.trigger().connector()),
                choices(all, automation.trigger().connector(), draft.triggerConnectionId()), errors.get("trigger.connectionId"),
                catalog.connectorName(automation.action().connector()),
                choices(all, automation.action().connector(), draft.actionConnectionId()), errors.get("action.connectionId"),
                rows, chips, transforms, others, preview == null ? null : samples(preview, action, locale), saved, plan,
                filterView(draft.filter(), trigger, errors, locale));
    }

    private static FilterView filterView(JsonNode filter, TriggerDefinition trigger, Map<String, String> errors, Locale locale) {
        List<ConditionRow> rows = new ArrayList<>();
        JsonNode conditions = filter == null ? null : filter.get("conditions");
        if (conditions != null && conditions.isArray()) {
            for (int i = 0; i < conditions.size(); i++) {
                JsonNode c = conditions.get(i);
                rows.add(new ConditionRow(i, c.path("field").asText(""), c.path("operator").asText(""), c.path("value").asText(""),
                        errors.get("filter.conditions[" + i + "]")));
            }
        }
        rows.add(new ConditionRow(rows.size(), "", Filter.Operator.EQUALS.json(), "", null));
        String match = filter == null ? "all" : filter.path("match").asText("all");
        List<Option> fields = new ArrayList<>(trigger.outputs().stream()
                .map(f -> new Option(f.key(), f.label().in(locale), false)).toList());
        // a condition on a field the catalog does not declare stays as it is (the validator says why)
        rows.stream().map(ConditionRow::field).filter(f -> !f.isBlank()).distinct()
                .filter(f -> fields.stream().noneMatch(o -> o.value().equals(f))).forEach(f -> fields.add(new Option(f, f, false)));
        List<Option> operators = java.util.Arrays.stream(Filter.Operator.values())
                .map(o -> new Option(o.json(), o.label().in(locale), false)).toList();
        return new FilterView("any".equalsIgnoreCase(match) ? "any" : "all", rows, fields, operators, errors.get("filter"));
    }

    /**
     * The saved version's events to plan over (the trigger's samples, then the last ones received) and,
     * when {@code sample} names one of them, its preview with the plan; an unknown name plans nothing.
     */
    private PlanChoice planChoice(AppShell shell, UUID id, String sample) {
        ZoneId zone = ZoneId.of(shell.workspace().timeZone());
        AutomationView automation = automations.find(id).orElseThrow(NotFoundException::new);
        ActionDefinition action = catalog.action(automation.action().connector(), automation.action().key()).orElseThrow();
        List<String> names;
        try {
            names = automations.preview(id, java.util.Optional.empty(), samples, zone, false).samples().stream()
                    .map(AutomationPreview.SamplePreview::sample).toList();
        } catch (NotFoundException noSamples) {
            names = List.of();
        }
        String chosen = names.contains(sample) ? sample : null;
        List<Option> options = names.stream().map(n -> new Option(n, n, n.equals(chosen))).toList();
        if (chosen == null) {
            return new PlanChoice(options, null);
        }
        AutomationPreview planned = automations.preview(id, java.util.Optional.of(chosen), samples, zone, true);
        return new PlanChoice(options, samples(planned, action, shell.locale()));
    }

    private static InputRow row(Field input, String expression, String error, Locale locale) {
        List<Option> choices = List.of();
        boolean literalChoice = expression == null || input.choices().stream().anyMatch(c -> c.value().equals(expression));
        if (input.type() == FieldType.CHOICE && literalChoice) {
            choices = input.choices().stream().map(c -> new Option(c.value(), c.label().in(locale), c.value().equals(expression)))
                    .toList();
        }
        return new InputRow(input.key(), input.label().in(locale), input.type().label().in(locale), input.required(),
                input.note().map(n -> n.in(locale)).orElse(null), expression == null ? "" : expression, error, choices);
    }

    private static TransformOption transform(Transform transform, Locale locale) {
        return new TransformOption(transform.name(), transform.description().in(locale),
                transform.parameters().stream().map(p -> p.in(locale)).collect(Collectors.joining(", ")), transform.minArgs() > 0);
    }

    private static List<SampleView> samples(AutomationPreview preview, ActionDefinition action, Locale locale) {
        Map<String, String> labels = action.inputs().stream().collect(Collectors.toMap(Field::key, f -> f.label().in(locale)));
        boolean english = "en".equals(locale.getLanguage());
        return preview.samples().stream().map(s -> new SampleView(s.sample(), s.ok(), s.passesFilter(), s.filterExplanation(),
                s.inputs().stream().filter(i -> i.template() != null || i.error() != null).map(i -> new PreviewValue(i.key(), labels.getOrDefault(i.key(), i.label()), i.required(), i.text(),
                        i.error())).toList(), plan(s.plan(), english))).toList();
    }

    private static PlanView plan(AutomationPreview.PlanPreview plan, boolean english) {
        if (plan == null) {
            return null;
        }
        return new PlanView(plan.status().name(), plan.reason(), plan.steps().stream()
                .map(step -> new PlanStepView(step.kind(), english && step.en() != null ? step.en() : step.text())).toList());
    }

    private static List<ConnectionChoice> choices(List<ConnectionView> all, String connector, UUID chosen) {
        return all.stream().filter(c -> c.connectorId().equals(connector))
                .filter(c -> c.status() != ConnectionStatus.DISCONNECTED || c.id().equals(chosen))
                .map(c -> new ConnectionChoice(c.id(), c.displayName(), c.status(), Objects.equals(c.id(), chosen))).toList();
    }

    private static UUID uuid(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
