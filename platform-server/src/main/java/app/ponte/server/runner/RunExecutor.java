package app.ponte.server.runner;

import app.ponte.api.ConnectorException;
import app.ponte.api.action.ActionDefinition;
import app.ponte.api.action.ActionResult;
import app.ponte.api.action.Failure;
import app.ponte.api.action.RunReference;
import app.ponte.api.context.ConnectionContext;
import app.ponte.api.field.FieldValues;
import app.ponte.api.trigger.TriggerDefinition;
import app.ponte.api.trigger.TriggerEvent;
import app.ponte.mapping.Filter;
import app.ponte.mapping.FilterEngine;
import app.ponte.mapping.FilterResult;
import app.ponte.mapping.Mapping;
import app.ponte.mapping.MappingEngine;
import app.ponte.mapping.MappingResult;
import app.ponte.mapping.RenderContext;
import app.ponte.server.config.PonteConfig;
import app.ponte.server.connection.ConnectionContexts;
import app.ponte.server.connection.ConnectionSnapshot;
import app.ponte.server.connection.ConnectionStatus;
import app.ponte.server.connection.ConnectionStore;
import app.ponte.server.connector.ConnectorService;
import app.ponte.server.ingress.EventValuesCodec;
import app.ponte.server.observability.Tracing;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Executes one claimed run: trigger settings, enrichment, filter, mapping, the action — and
 * classifies how it ended. Knows nothing of queues or Kafka; {@link SubjectWorkers} calls it in
 * the tenant's context and records the outcome.
 */
@ApplicationScoped
public class RunExecutor {

    private static final Logger LOG = Logger.getLogger(RunExecutor.class);
    private static final Locale PT_BR = Locale.forLanguageTag("pt-BR");
    /** How long a run waits for its account's turn (a few runs' time at Kommo's pace) before it is deferred. */
    private static final Duration ACCOUNT_TURN_PATIENCE = Duration.ofSeconds(5);
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private final ConnectorService connectors;
    private final ConnectionContexts contexts;
    private final ConnectionStore connections;
    private final HttpClient http;
    private final ObjectMapper json;
    private final EventValuesCodec codec;
    private final RetrySchedule retries;
    private final RunStore store;
    private final PonteConfig config;
    private final AccountBacklog backlog;
    private final RunMetrics metrics;
    private final Tracing tracing;

    RunExecutor(ConnectorService connectors, ConnectionContexts contexts, ConnectionStore connections, HttpClient http,
            ObjectMapper json, PonteConfig config, RunStore store, AccountBacklog backlog, RunMetrics metrics, Tracing tracing) {
        this.metrics = metrics;
        this.tracing = tracing;
        this.store = store;
        this.backlog = backlog;
        this.config = config;
        this.connectors = connectors;
        this.contexts = contexts;
        this.connections = connections;
        this.http = http;
        this.json = json;
        this.codec = new EventValuesCodec(json);
        this.retries = new RetrySchedule(config.runner());
    }

    /**
     * An outcome and the external calls that led to it (JSON, for the attempt log); {@code meter}: the run is to be counted
     * in the month's usage when its outcome is recorded (a workspace without a run limit reserves nothing beforehand).
     */
    record Executed(Outcome outcome, String calls, boolean meter) {
    }

    Executed execute(RunWork run) {
        RecordingHttpClient recorder = new RecordingHttpClient(http, (status, millis) -> metrics.call(run.actionConnector(), status, millis),
                tracing);
        long limit = monthlyLimit(run);
        Outcome outcome;
        try {
            outcome = outcome(run, recorder, limit);
        } catch (RuntimeException e) {
            LOG.errorf(e, "run %s: unexpected error", run.runId());
            outcome = retryable(run, Failure.retryable("Erro interno da Ponte ao executar; tentaremos de novo."), null);
        }
        if (run.deferred() && !"DEFERRED".equals(outcome.attemptOutcome())) {
            backlog.resumed(run.actionConnectionId());
        }
        return new Executed(outcome, callsJson(recorder), limit < 0 && outcome.counted() && outcome.status().isFinal());
    }

    private Outcome outcome(RunWork run, RecordingHttpClient recorder, long limit) {
        if ("DELETED".equals(run.automationStatus())) {
            return Outcome.failed("A automação foi excluída antes desta execução.", null, false);
        }
        if (!run.manual() && ("PAUSED".equals(run.automationStatus()) || "DRAFT".equals(run.automationStatus()))) {
            return Outcome.failed("A automação estava pausada quando chegou a vez deste evento; use \"Executar de novo\" "
                    + "para aplicá-la.", null, false);
        }
        Optional<TriggerDefinition> trigger = connectors.descriptor(run.triggerConnector()).flatMap(c -> c.trigger(run.triggerKey()));
        Optional<ActionDefinition> action = connectors.descriptor(run.actionConnector()).flatMap(c -> c.action(run.actionKey()));
        if (trigger.isEmpty() || action.isEmpty()) {
            return Outcome.failed("O gatilho ou a ação desta automação não existe mais nesta instalação.", null, false);
        }
        TriggerEvent event = new TriggerEvent(run.triggerKey(), run.dedupKey(), run.subjectHash(), run.eventType(), run.occurredAt(),
                codec.read(run.payload()));
        if (!trigger.get().filter().matches(event, stringMap(run.triggerSettings()))) {
            return Outcome.filtered("O evento não corresponde às configurações do gatilho.");
        }
        FieldValues values = event.values();
        if (connectors.descriptor(run.triggerConnector()).map(c -> !c.actions().isEmpty()).orElse(false)
                && store.wroteRecently(run.tenantId(), run.triggerConnectionId(), ids(values), config.runner().ownWriteWindow())) {
            return Outcome.filtered("Este evento repete uma alteração feita pela própria Ponte; foi ignorado para não criar um ciclo "
                    + "entre automações.");
        }
        long recent = run.recentSubjectRuns();
        if (recent > config.runner().subjectRunsPerMinute()) {
            return Outcome.failed("Interrompida: " + recent + " execuções para a mesma pessoa ou lead em um minuto (o limite é "
                    + config.runner().subjectRunsPerMinute() + "). Isso costuma ser um ciclo entre automações; revise-as e use "
                    + "\"Executar de novo\".", null, false);
        }
        if (trigger.get().enricher().isPresent()) {
            Optional<ConnectionContext> source = contexts.forConnection(run.tenantId(), run.triggerConnectionId(), recorder);
            if (source.isEmpty()) {
                return Outcome.failed("A conexão do gatilho foi removida.", null, false);
            }
            try {
                values = values.with(trigger.get().enricher().get().enrich(event, source.get()));
            } catch (ConnectorException e) {
                return classify(run, e.failure(), null, run.triggerConnectionId());
            }
        }
        RenderContext render = RenderContext.of(zone(run.timeZone()));
        FilterResult passes = FilterEngine.matches(filter(run.filter()), values, trigger.get(), render);
        if (!passes.matched()) {
            return Outcome.filtered(passes.explain(PT_BR, false));
        }
        MappingResult mapped = MappingEngine.apply(Mapping.of(stringMap(run.mapping())), action.get(), trigger.get(), values, render);
        if (mapped instanceof MappingResult.Invalid invalid) {
            return Outcome.failed("O mapeamento não pôde ser aplicado a este evento: " + invalid.problems().stream()
                    .map(p -> p.inputKey() + ": " + p.message(PT_BR)).collect(Collectors.joining("; ")), null, false);
        }
        MappingResult.Ok ok = (MappingResult.Ok) mapped;
        String inputs = codec.write(ok.input().values());
        Optional<ConnectionStatus> status = run.actionConnection().map(ConnectionSnapshot::status);
        if (status.isEmpty() || status.get() == ConnectionStatus.DISCONNECTED) {
            return Outcome.failed("A conexão da ação foi removida; conecte a conta de novo e use \"Executar de novo\".", inputs, false);
        }
        if (status.get() == ConnectionStatus.NEEDS_RECONNECT) {
            return Outcome.parked("A conexão precisa ser reconectada; a execução continua sozinha depois da reconexão.", inputs,
                    run.actionConnectionId());
        }
        // the account is saturated (runs already waiting for its pace): put this one off at once
        if (!backlog.admit(run.actionConnectionId())) {
            return Outcome.deferred("Aguardando a vez no limite de chamadas da conta.",
                    Instant.now().plus(backlog.defer(run.actionConnectionId(), run.deferred(), Optional.empty())));
        }
        // one run of an account at a time here: another one at once would only compete for its permits
        boolean accountBusy = backlog.busy(run.actionConnectionId());
        if (!backlog.tryAct(run.actionConnectionId(), ACCOUNT_TURN_PATIENCE)) {
            return Outcome.deferred("Aguardando a vez no limite de chamadas da conta.",
                    Instant.now().plus(backlog.defer(run.actionConnectionId(), run.deferred(), Optional.empty())));
        }
        // the run's calls take the account's permits a few at a time; those left over go back at the end
        try (ConnectionContexts.RunContext runContext = contexts.forRun(run.actionConnection().get(), recorder, accountBusy)) {
            ConnectionContext target = runContext.context();
            // the plan's monthly limit: a run is counted once it ends after reaching the action; under a
            // limit, the count is reserved before the call, so concurrent runs cannot overshoot it
            if (limit < 0) {
                return act(run, action.get(), ok, target, inputs);
            }
            if (!store.reserveRun(run.tenantId(), limit)) {
                return held(limit);
            }
            Outcome outcome = act(run, action.get(), ok, target, inputs);
            if (!(outcome.counted() && outcome.status().isFinal())) {
                store.releaseRun(run.tenantId());
            }
            return outcome;
        } finally {
            backlog.doneActing(run.actionConnectionId());
        }
    }

    private Outcome act(RunWork run, ActionDefinition action, MappingResult.Ok ok, ConnectionContext target, String inputs) {
        ActionResult result;
        try {
            result = action.executor().execute(ok.input(), target, new RunReference(run.runId(), run.attempts() + 1));
        } catch (RuntimeException e) {
            LOG.errorf(e, "run %s: the action %s/%s threw", run.runId(), run.actionConnector(), run.actionKey());
            return retryable(run, Failure.retryable("Erro inesperado na ação; tentaremos de novo."), inputs);
        }
        if (result instanceof ActionResult.Success success) {
            boolean triggersToo = connectors.descriptor(run.actionConnector()).map(c -> !c.triggers().isEmpty()).orElse(false);
            return Outcome.succeeded(inputs, codec.write(success.outputs()), triggersToo ? ids(success.outputs()) : Map.of());
        }
        return classify(run, ((ActionResult.Failed) result).failure(), inputs, run.actionConnectionId());
    }

    private Outcome classify(RunWork run, Failure failure, String inputs, UUID connectionId) {
        return switch (failure.kind()) {
            case RETRYABLE -> retryable(run, failure, inputs);
            case PERMANENT -> Outcome.failed(failure.message(), inputs, true);
            case THROTTLED -> Outcome.deferred(failure.message(),
                    Instant.now().plus(backlog.defer(connectionId, run.deferred(), failure.retryAfter())));
            case NEEDS_RECONNECT -> {
                connections.markNeedsReconnect(run.tenantId(), connectionId, failure.message());
                yield Outcome.parked(failure.message() + " A execução continua sozinha depois da reconexão.", inputs, connectionId);
            }
        };
    }

    private Outcome retryable(RunWork run, Failure failure, String inputs) {
        int made = run.attempts() + 1;
        if (!retries.mayRetry(made)) {
            return Outcome.failed("Falhou após " + made + " tentativas. Último erro: " + failure.message(), inputs, true);
        }
        return Outcome.retry(failure.message(), inputs, Instant.now().plus(retries.delayAfter(made, failure.retryAfter())));
    }

    /** The ids among the values ({@code lead.id}, {@code contact.id}, …): what the loop guard compares. */
    private static Map<String, String> ids(FieldValues values) {
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        values.asMap().forEach((key, value) -> {
            if (key.endsWith(".id") && !value.isEmpty()) {
                ids.put(key, value.text());
            }
        });
        return ids;
    }

    /** The workspace plan's monthly run limit; negative: none. */
    private long monthlyLimit(RunWork run) {
        String plan = run.plan() == null ? config.plans().defaultPlan() : run.plan();
        return config.plans().monthlyRuns().getOrDefault(plan, -1L);
    }

    /** Runs beyond the plan's monthly limit wait (they are not dropped) until the month turns or the plan changes. */
    private static Outcome held(long limit) {
        java.time.ZonedDateTime nextMonth = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).withDayOfMonth(1)
                .truncatedTo(java.time.temporal.ChronoUnit.DAYS).plusMonths(1);
        Instant recheck = Instant.now().plus(Duration.ofMinutes(10));
        Instant next = nextMonth.toInstant().isBefore(recheck) ? nextMonth.toInstant() : recheck;
        return Outcome.deferred(UsageMeter.HELD + " (" + limit + " execuções). A execução aguarda, sem se perder, a virada do "
                + "mês ou uma mudança de plano.", next);
    }

    private Map<String, String> stringMap(String text) {
        try {
            return json.readValue(text, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored automation data is not a JSON object of strings", e);
        }
    }

    private Filter filter(String text) {
        try {
            return json.readValue(text, Filter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored filter does not read", e);
        }
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return RenderContext.DEFAULT_ZONE;
        }
    }

    private String callsJson(RecordingHttpClient recorder) {
        try {
            return json.writeValueAsString(recorder.calls());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
