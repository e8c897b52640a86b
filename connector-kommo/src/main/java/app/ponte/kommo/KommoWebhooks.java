package app.ponte.kommo;

import app.ponte.api.context.Credentials;
import app.ponte.api.field.FieldValues;
import app.ponte.api.field.Value;
import app.ponte.api.trigger.TriggerEvent;
import app.ponte.api.webhook.WebhookOutcome;
import app.ponte.api.webhook.WebhookReceiver;
import app.ponte.api.webhook.WebhookRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The connection's webhook URL (contract §6–§7, DECISIONS.md): Kommo's form-encoded account webhooks.
 * Unparsable → malformed (400); another Kommo account → ignored (2xx, no run); no {@code leads[status]} or
 * {@code leads[add]} entry → ignored; else one "Lead alcançou uma etapa" event per entry, in body order,
 * with de-dup key {@code kommo:<account>:<lead>:<status>:<updated_at|last_modified|req-<request id>|sha256-<body>-<n>>}
 * and subject {@code kommo:<account>:<lead>}. Which automation fires is the trigger's settings filter.
 */
final class KommoWebhooks implements WebhookReceiver {

    private static final List<String> FIRING = List.of("add", "status");

    @Override
    public WebhookOutcome receive(WebhookRequest request, Credentials credentials) {
        Map<String, Object> form;
        try {
            form = FormBody.parse(request.bodyText());
        } catch (IllegalArgumentException e) {
            return new WebhookOutcome.Malformed("O corpo não é um webhook da Kommo (form-urlencoded): " + e.getMessage());
        }
        Map<String, Object> account = FormBody.map(form.get("account"));
        Optional<String> bodyId = FormBody.text(account, "id");
        Optional<String> bodySub = FormBody.text(account, "subdomain");
        Optional<String> ownId = credentials.attribute("account_id");
        Optional<String> ownSub = credentials.attribute("subdomain");
        boolean foreign = bodyId.isPresent() && ownId.isPresent() ? !bodyId.equals(ownId)
                : bodySub.isPresent() && ownSub.isPresent() ? !bodySub.get().equalsIgnoreCase(ownSub.get())
                : true;
        if (foreign) {
            return new WebhookOutcome.Ignored("Webhook de outra conta Kommo (ou sem conta identificável).", "foreign_account");
        }
        String accountId = bodyId.or(() -> ownId).orElse(bodySub.orElse(""));
        Map<String, Object> leads = FormBody.map(form.get("leads"));
        List<TriggerEvent> events = new ArrayList<>();
        Set<String> seenTypes = new LinkedHashSet<>();
        int position = 0;
        for (Map.Entry<String, Object> group : leads.entrySet()) {
            seenTypes.add(group.getKey() + "_lead");
            if (!FIRING.contains(group.getKey())) {
                continue;
            }
            for (Object item : FormBody.map(group.getValue()).values()) {
                Map<String, Object> lead = FormBody.map(item);
                Optional<String> id = FormBody.text(lead, "id").filter(s -> s.matches("\\d+"));
                Optional<String> status = FormBody.text(lead, "status_id").filter(s -> s.matches("\\d+"));
                if (id.isPresent() && status.isPresent()) {
                    events.add(event(request, accountId, group.getKey() + "_lead", id.get(), status.get(), lead, position));
                }
                position++;
            }
        }
        if (events.isEmpty()) {
            return new WebhookOutcome.Ignored("Nenhuma entrada leads[status] ou leads[add].",
                    seenTypes.isEmpty() ? "none" : String.join(",", seenTypes));
        }
        return new WebhookOutcome.Events(events);
    }

    private static TriggerEvent event(WebhookRequest request, String account, String type, String leadId, String statusId,
            Map<String, Object> lead, int position) {
        Optional<String> updated = FormBody.text(lead, "updated_at").or(() -> FormBody.text(lead, "last_modified"))
                .filter(s -> s.matches("\\d+"));
        String version = updated.orElseGet(() -> request.header("X-Amocrm-Requestid").map(r -> "req-" + r)
                .orElseGet(() -> "sha256-" + sha256(request.bodyText()) + "-" + position));
        FieldValues.Builder values = FieldValues.builder()
                .put("lead.id", Value.text(leadId))
                .put("lead.pipeline_id", Value.text(FormBody.text(lead, "pipeline_id").orElse(null)))
                .put("lead.status_id", Value.text(statusId))
                .put("lead.name", Value.text(FormBody.text(lead, "name").orElse(null)))
                .put("lead.price", Value.decimal(FormBody.text(lead, "price").filter(s -> s.matches("-?\\d+(\\.\\d+)?"))
                        .map(BigDecimal::new).orElse(null)))
                .put("lead.created_at", Value.timestamp(instant(lead, "created_at", "date_create").orElse(null)))
                .put("lead.updated_at", Value.timestamp(instant(lead, "updated_at", "last_modified").orElse(null)));
        Instant occurred = instant(lead, "updated_at", "last_modified").orElseGet(Instant::now);
        return new TriggerEvent(LeadStatusChanged.KEY, "kommo:" + account + ":" + leadId + ":" + statusId + ":" + version,
                "kommo:" + account + ":" + leadId, type, occurred, values.build());
    }

    private static Optional<Instant> instant(Map<String, Object> lead, String key, String fallback) {
        return FormBody.text(lead, key).or(() -> FormBody.text(lead, fallback)).filter(s -> s.matches("\\d{1,12}"))
                .map(s -> Instant.ofEpochSecond(Long.parseLong(s)));
    }

    private static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
