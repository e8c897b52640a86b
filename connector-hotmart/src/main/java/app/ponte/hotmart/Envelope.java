package app.ponte.hotmart;

import app.ponte.api.field.FieldType;
import app.ponte.api.field.Value;
import app.ponte.hotmart.fields.Extract;
import app.ponte.hotmart.fields.Extraction;
import app.ponte.hotmart.fields.HotmartPayload;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The envelope of a Hotmart v2 delivery: {@code id}, {@code event}, {@code creation_date} (or
 * {@code creationDate}, as CLUB_FIRST_ACCESS sends it) and the payload, plus the ordering subject.
 */
record Envelope(String id, String event, HotmartPayload payload) {

    private static final Extraction OCCURRED_AT = Extract.path(FieldType.DATE_TIME, "$.creation_date", "$.creationDate");
    private static final List<Extraction> EMAILS = List.of(
            Extract.path(FieldType.EMAIL, "$.data.buyer.email"),
            Extract.path(FieldType.EMAIL, "$.data.subscriber.email"));
    private static final List<Extraction> CODES = List.of(
            Extract.path(FieldType.IDENTIFIER, "$.data.purchase.transaction"),
            Extract.path(FieldType.IDENTIFIER, "$.data.subscriber.code"),
            Extract.path(FieldType.IDENTIFIER, "$.data.subscription.subscriber.code"));

    /** The envelope, or why the body is not a Hotmart delivery (pt-BR, readable by the tenant). */
    static Result read(Optional<Object> json) {
        if (json.isEmpty()) {
            return new Result(null, "O corpo da requisição não é um JSON válido.");
        }
        if (!(json.get() instanceof Map<?, ?> object)) {
            return new Result(null, "O corpo da requisição deve ser um objeto JSON, com os campos \"id\", \"event\" e \"data\".");
        }
        @SuppressWarnings("unchecked")
        HotmartPayload payload = HotmartPayload.of((Map<String, Object>) object);
        String event = scalar(payload.member("event"));
        if (event == null) {
            return new Result(null, "Falta o campo \"event\" (o tipo do evento da Hotmart).");
        }
        String id = scalar(payload.member("id"));
        if (id == null) {
            return new Result(null, "Falta o campo \"id\" (o identificador do evento da Hotmart).");
        }
        return new Result(new Envelope(id, event, payload), null);
    }

    /** When Hotmart says the event happened, if the envelope says it (epoch milliseconds). */
    Optional<Instant> occurredAt() {
        return OCCURRED_AT.from(payload) instanceof Value.Timestamp at ? Optional.of(at.instant()) : Optional.empty();
    }

    boolean hasData() {
        return payload.member("data") instanceof Map<?, ?>;
    }

    /**
     * The ordering key (DECISIONS.md): the buyer's or subscriber's e-mail, trimmed and lower-cased;
     * without one, the transaction or subscriber code; else the event id.
     */
    String subject() {
        for (Extraction email : EMAILS) {
            Value value = email.from(payload);
            if (!value.isEmpty()) {
                return value.text().toLowerCase(Locale.ROOT);
            }
        }
        return CODES.stream().map(code -> code.from(payload)).filter(v -> !v.isEmpty()).map(Value::text).findFirst().orElse(id);
    }

    private static String scalar(Object raw) {
        if (raw instanceof String s) {
            return s.isBlank() ? null : s.strip();
        }
        return raw instanceof Number number ? number.toString() : null;
    }

    /** Either an envelope or the reason there is none. */
    record Result(Envelope envelope, String malformed) {
    }
}
