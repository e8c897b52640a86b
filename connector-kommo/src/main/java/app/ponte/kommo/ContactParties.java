package app.ponte.kommo;

import app.ponte.api.ConnectorException;
import app.ponte.api.action.ActionInput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Contacts and companies of "Criar ou atualizar lead": Kommo's loose {@code query} search, then an exact
 * match here (e-mail case-insensitive, phone as E.164 with Brazilian rules, company name
 * case-insensitive); several exact matches → the most recently updated. Writes go through {@link Writes},
 * so a plan describes them and notes what each search found.
 */
final class ContactParties {

    private final KommoClient kommo;
    private final Writes writes;
    private final ActionInput in;
    private final Optional<String> email;
    private final Optional<String> phone;
    private final Optional<String> name;
    private ArrayNode contactFields;

    ContactParties(KommoClient kommo, Writes writes, ActionInput in) {
        this.kommo = kommo;
        this.writes = writes;
        this.in = in;
        this.email = in.optionalText("contact.email").flatMap(Phones::email);
        this.phone = in.optionalText("contact.phone").flatMap(Phones::e164);
        this.name = in.optionalText("contact.name");
    }

    boolean hasContactData() {
        return email.isPresent() || phone.isPresent() || name.isPresent();
    }

    /** The existing contact per the criterion (with its leads), or null. */
    JsonNode findContact(LeadUpsert.ContactMatch match) throws ConnectorException {
        JsonNode found = null;
        if (match != LeadUpsert.ContactMatch.PHONE && email.isPresent()) {
            found = search(email.get(), "EMAIL", v -> Phones.email(v).equals(email));
            noteSearch(StepText.of("pelo e-mail ", "by e-mail ").same(email.get()), found);
        }
        if (found == null && match != LeadUpsert.ContactMatch.EMAIL && phone.isPresent()) {
            found = search(Phones.searchDigits(phone.get()), "PHONE", v -> Phones.e164(v).equals(phone));
            noteSearch(StepText.of("pelo telefone ", "by phone ").same(phone.get()), found);
        }
        return found;
    }

    private void noteSearch(StepText by, JsonNode found) throws ConnectorException {
        writes.found(() -> StepText.of("Procurar contato ", "Look up contact ").add(by).add(found == null
                ? StepText.of(" → nenhum encontrado", " → none found")
                : StepText.of(" → encontrado: ", " → found: ").add(contact(found))).lookup());
    }

    /** {@code contato 66002 (Ana Souza)} / {@code contact 66002 (Ana Souza)}. */
    static StepText contact(JsonNode contact) {
        String name = contact.path("name").asText("");
        return StepText.of("contato ", "contact ").same(contact.path("id").asText() + (name.isBlank() ? "" : " (" + name + ")"));
    }

    /** {@code a nova empresa 'X'} when {@code id} is {@link Writes#PLANNED}, else {@code a empresa N}. */
    static StepText company(long id, String newName) {
        return id == Writes.PLANNED
                ? StepText.of("a nova empresa ", "the new company ").same(StepText.quoted(newName))
                : StepText.of("a empresa ", "company ").same(Long.toString(id));
    }

    /** The new contact in words: {@code 'Ana Souza' (e-mail ana@…, telefone +55…)}. */
    StepText newContactText() throws ConnectorException {
        List<StepText> parts = new ArrayList<>();
        email.ifPresent(e -> parts.add(StepText.of("e-mail ", "e-mail ").same(e)));
        phone.ifPresent(p -> parts.add(StepText.of("telefone ", "phone ").same(p)));
        int fields = contactFields().size();
        if (fields > 0) {
            parts.add(StepText.customFields(fields));
        }
        StepText text = name.map(n -> new StepText().same(StepText.quoted(n))).orElse(StepText.of("sem nome", "without a name"));
        return parts.isEmpty() ? text : text.same(" (").add(StepText.joined(parts)).same(")");
    }

    private JsonNode search(String query, String code, java.util.function.Predicate<String> same) throws ConnectorException {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("query", query);
        params.put("with", "leads");
        params.put("limit", 250);
        JsonNode best = null;
        for (JsonNode contact : kommo.get("/api/v4/contacts", params).path("_embedded").path("contacts")) {
            if (hasValue(contact, code, same) && (best == null || LeadUpsert.NEWEST.compare(contact, best) > 0)) {
                best = contact;
            }
        }
        return best;
    }

    private static boolean hasValue(JsonNode entity, String code, java.util.function.Predicate<String> same) {
        for (JsonNode field : entity.path("custom_fields_values")) {
            if (code.equals(field.path("field_code").asText())) {
                for (JsonNode value : field.path("values")) {
                    if (same.test(value.path("value").asText())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The company with exactly this name (trimmed, case-insensitive), most recently updated. */
    Optional<JsonNode> findCompany(String companyName) throws ConnectorException {
        String wanted = companyName.strip();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("query", wanted);
        params.put("limit", 250);
        JsonNode best = null;
        for (JsonNode company : kommo.get("/api/v4/companies", params).path("_embedded").path("companies")) {
            if (company.path("name").asText().strip().equalsIgnoreCase(wanted)
                    && (best == null || LeadUpsert.NEWEST.compare(company, best) > 0)) {
                best = company;
            }
        }
        JsonNode found = best;
        writes.found(() -> StepText.of("Procurar empresa pelo nome ", "Look up company by name ").same(StepText.quoted(wanted))
                .add(found == null ? StepText.of(" → nenhuma encontrada", " → none found")
                        : StepText.of(" → encontrada: empresa ", " → found: company ").same(found.path("id").asText()))
                .lookup());
        return Optional.ofNullable(best);
    }

    long createCompany(String companyName) throws ConnectorException {
        ArrayNode body = KommoClient.JSON.createArrayNode();
        body.addObject().put("name", companyName.strip());
        return writes.post("/api/v4/companies", body,
                        () -> StepText.of("Criar a empresa ", "Create company ").same(StepText.quoted(companyName.strip())).write())
                .path("_embedded").path("companies").path(0).path("id").asLong();
    }

    /** The new contact in API shape: name, e-mail, phone and the mapped contact custom fields. */
    ObjectNode newContact() throws ConnectorException {
        ObjectNode contact = KommoClient.JSON.createObjectNode();
        name.ifPresent(n -> contact.put("name", n));
        ArrayNode values = contact.putArray("custom_fields_values");
        email.ifPresent(e -> values.add(multitext("EMAIL", e, "WORK")));
        phone.ifPresent(p -> values.add(multitext("PHONE", p, "MOB")));
        values.addAll(contactFields());
        return contact;
    }

    long createContact(Long companyId) throws ConnectorException {
        ObjectNode contact = newContact();
        if (companyId != null) {
            contact.putObject("_embedded").putArray("companies").addObject().put("id", companyId);
        }
        return writes.post("/api/v4/contacts", KommoClient.JSON.createArrayNode().add(contact), () -> {
            StepText step = StepText.of("Criar o contato ", "Create contact ").add(newContactText());
            return (companyId == null ? step : step.add(StepText.of(", ligado à ", ", linked to ")
                    .add(company(companyId, in.optionalText("company.name").orElse(""))))).write();
        }).path("_embedded").path("contacts").path(0).path("id").asLong();
    }

    /**
     * Adds to a found contact what it lacks: the e-mail or phone (appended to its values, never replacing
     * them) and the mapped contact custom fields. No call when there is nothing to add.
     */
    void completeContact(JsonNode contact) throws ConnectorException {
        ArrayNode values = KommoClient.JSON.createArrayNode();
        List<StepText> added = new ArrayList<>();
        if (email.isPresent() && !hasValue(contact, "EMAIL", v -> Phones.email(v).equals(email))) {
            values.add(appended(contact, "EMAIL", email.get(), "WORK"));
            added.add(StepText.of("e-mail ", "e-mail ").same(email.get()));
        }
        if (phone.isPresent() && !hasValue(contact, "PHONE", v -> Phones.e164(v).equals(phone))) {
            values.add(appended(contact, "PHONE", phone.get(), "MOB"));
            added.add(StepText.of("telefone ", "phone ").same(phone.get()));
        }
        int fields = contactFields().size();
        values.addAll(contactFields());
        if (fields > 0) {
            added.add(StepText.customFields(fields));
        }
        if (values.isEmpty()) {
            return;
        }
        ObjectNode patch = KommoClient.JSON.createObjectNode();
        patch.set("custom_fields_values", values);
        writes.patch("/api/v4/contacts/" + contact.path("id").asLong(), patch, () -> StepText.of("Completar o ", "Complete ")
                .add(contact(contact)).add(StepText.of(": acrescentar ", ": add ")).add(StepText.joined(added)).write());
    }

    private static ObjectNode appended(JsonNode contact, String code, String value, String enumCode) {
        ObjectNode field = multitext(code, value, enumCode);
        ArrayNode all = (ArrayNode) field.path("values");
        for (JsonNode existing : contact.path("custom_fields_values")) {
            if (code.equals(existing.path("field_code").asText())) {
                existing.path("values").forEach(v -> all.insertObject(all.size() - 1)
                        .put("value", v.path("value").asText()).put("enum_code", v.path("enum_code").asText(enumCode)));
            }
        }
        return field;
    }

    private static ObjectNode multitext(String code, String value, String enumCode) {
        ObjectNode field = KommoClient.JSON.createObjectNode().put("field_code", code);
        field.putArray("values").addObject().put("value", value).put("enum_code", enumCode);
        return field;
    }

    private ArrayNode contactFields() throws ConnectorException {
        if (contactFields == null) {
            contactFields = CustomFieldValues.write(kommo, "contacts",
                    CustomFieldValues.mapped(in.values(), "contact_custom_fields"));
        }
        return contactFields;
    }
}
