package app.ponte.server.ingress;

import app.ponte.api.ConnectorDescriptor;
import app.ponte.api.trigger.TriggerEvent;
import app.ponte.api.webhook.WebhookOutcome;
import app.ponte.api.webhook.WebhookRequest;
import app.ponte.server.api.Problem;
import app.ponte.server.connection.ConnectionStore;
import app.ponte.server.connector.ConnectorService;
import app.ponte.server.runner.OutboxRelay;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@code POST /hooks/{connector}/{token}}: where vendors deliver webhooks. Answers (DECISIONS.md):
 * unknown token 404; bad or missing secret 401, nothing stored; unreadable body 400 with the reason,
 * recorded; authentic but nothing for any trigger 200, recorded; over 256 KiB 413; 2xx only after
 * the events are committed (a repeated delivery adds nothing); 503 while they cannot be.
 */
@Path("/hooks/{connector}/{token}")
@PermitAll
public class WebhookIngress {

    static final int MAX_BODY_BYTES = 256 * 1024;
    private static final Logger LOG = Logger.getLogger(WebhookIngress.class);

    private final ConnectorService connectors;
    private final ConnectionStore connections;
    private final IngressStore store;
    private final MeterRegistry metrics;
    private final OutboxRelay relay;
    private final Timer duration;

    WebhookIngress(ConnectorService connectors, ConnectionStore connections, IngressStore store, MeterRegistry metrics,
            OutboxRelay relay) {
        this.connectors = connectors;
        this.connections = connections;
        this.store = store;
        this.metrics = metrics;
        this.relay = relay;
        // ponte_ingress_duration_seconds_bucket: a histogram, so p99 can be had across instances (no labels)
        this.duration = Timer.builder("ponte.ingress.duration").description("time to answer a webhook delivery")
                .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
                        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10))
                .register(metrics);
    }

    @POST
    @Blocking
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@PathParam("connector") String connectorId, @PathParam("token") String token, byte[] body,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        long start = System.nanoTime();
        try {
            return handle(connectorId, token, body, headers, uri);
        } finally {
            duration.record(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private Response handle(String connectorId, String token, byte[] body, HttpHeaders headers, UriInfo uri) {
        Optional<ConnectorDescriptor> connector = connectors.descriptor(connectorId).filter(c -> c.webhooks().isPresent());
        if (connector.isEmpty()) {
            return answer("unknown_connector", problem(404, "Não encontrado", "Endereço de webhook desconhecido."));
        }
        if (body != null && body.length > MAX_BODY_BYTES) {
            return answer("too_large", problem(413, "Grande demais", "O corpo passa de 256 KiB."));
        }
        WebhookRequest request = new WebhookRequest("POST", headers.getRequestHeaders(), uri.getQueryParameters(),
                body == null ? new byte[0] : body);
        Delivered delivered;
        try {
            // the token's connection is looked up and the delivery checked; its events are committed
            // (IngressStore.accept), and only then is it answered
            delivered = deliver(connector.get(), connectorId, token, request);
        } catch (RuntimeException e) {
            LOG.warnf("a %s webhook delivery could not be made durable: %s", connectorId, e.getClass().getSimpleName());
            return unavailable();
        }
        if (delivered.created() > 0) {
            relay.kick();
        }
        return answer(delivered.outcome(), delivered.response());
    }

    /** What a delivery came to: the answer to give once it has been committed, and how many events were new. */
    private record Delivered(String outcome, Response response, int created) {
    }

    private Delivered deliver(ConnectorDescriptor connector, String connectorId, String token, WebhookRequest request) {
        Optional<ConnectionStore.WebhookTarget> target = connections.findByWebhookToken(connectorId, token);
        if (target.isEmpty()) {
            return new Delivered("unknown_token", problem(404, "Não encontrado", "Endereço de webhook desconhecido."), 0);
        }
        ConnectionStore.WebhookTarget connection = target.get();
        WebhookOutcome outcome = connector.webhooks().get().receive(request, connection.credentials());
        if (outcome instanceof WebhookOutcome.Unauthenticated refused) {
            reject(connection, "UNAUTHENTICATED", null, refused.reason());
            return new Delivered("unauthenticated", problem(401, "Não autenticado", refused.reason()), 0);
        }
        if (outcome instanceof WebhookOutcome.Malformed malformed) {
            reject(connection, "MALFORMED", null, malformed.reason());
            return new Delivered("malformed", problem(400, "Corpo inválido", malformed.reason()), 0);
        }
        if (outcome instanceof WebhookOutcome.Ignored ignored) {
            reject(connection, "IGNORED", ignored.eventType(), ignored.reason());
            return new Delivered("ignored", Response.ok(Map.of("status", "ignored", "reason", ignored.reason())).build(), 0);
        }
        List<TriggerEvent> events = ((WebhookOutcome.Events) outcome).events();
        IngressStore.Accepted accepted = store.accept(connection.tenantId(), connection.connectionId(), connectorId, events);
        Map<String, Object> body = new HashMap<>();
        body.put("status", accepted.created() > 0 ? "accepted" : "duplicate");
        body.put("events", accepted.created());
        body.put("duplicates", accepted.repeated());
        return new Delivered(accepted.created() > 0 ? "accepted" : "duplicate", Response.ok(body).build(), accepted.created());
    }

    /** Records a delivery that produced no event, committed before it is answered. */
    private void reject(ConnectionStore.WebhookTarget connection, String outcome, String eventType, String reason) {
        QuarkusTransaction.requiringNew().run(() -> store.reject(connection.tenantId(), connection.connectionId(), outcome, eventType, reason));
    }

    private Response unavailable() {
        return answer("unavailable", Response.fromResponse(problem(503, "Indisponível",
                "Não foi possível registrar o evento agora; tente de novo.")).header("Retry-After", "5").build());
    }

    private Response answer(String outcome, Response response) {
        metrics.counter("ponte.ingress.requests", "outcome", outcome).increment();
        return response;
    }

    private static Response problem(int status, String title, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(Problem.of(status, title, detail)).build();
    }
}
