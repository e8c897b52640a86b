package app.ponte.kommo;

import app.ponte.api.ConnectorException;
import app.ponte.api.Label;
import app.ponte.api.action.ActionDefinition;
import app.ponte.api.action.ActionInput;
import app.ponte.api.action.ActionResult;
import app.ponte.api.action.RunReference;
import app.ponte.api.context.ConnectionContext;
import app.ponte.api.field.Choice;
import app.ponte.api.field.Field;
import app.ponte.api.field.FieldType;
import app.ponte.api.field.FieldValues;
import app.ponte.api.field.Value;
import java.math.BigDecimal;
import java.util.List;

/** "Criar ou atualizar lead": finds or creates the contact and company, then updates their open lead or creates one. */
final class CreateOrUpdateLead {

    static final String KEY = "create_or_update_lead";

    private static final String DESCRIPTION_PT = "Procura o contato (por e-mail, telefone em E.164 ou ambos, ou sempre cria), "
            + "a empresa (não altera, encontra pelo nome ou cria, ou sempre cria) e atualiza o lead aberto do contato no funil "
            + "escolhido (nome, valor, etapa, tags somadas — nunca removidas); sem lead aberto, cria um lead ligado ao contato "
            + "e à empresa. O valor é arredondado para inteiro (meio para cima); o valor exato fica na execução. Com \"sempre "
            + "criar\", o lead recebe a tag ponte-<execução> para que uma nova tentativa o encontre em vez de criar outro. "
            + "Campos personalizados: chaves lead_custom_fields.field_<id> e contact_custom_fields.field_<id>.";
    private static final String DESCRIPTION_EN = "Finds the contact (by e-mail, E.164 phone or both, or always creates), the "
            + "company (untouched, found by name or created, or always created) and updates the contact's open lead in the "
            + "chosen pipeline (name, price, stage, tags merged — never removed); without one, creates a lead linked to the "
            + "contact and company. The price is rounded half-up to an integer; the exact value stays in the run. With "
            + "\"always create\", the lead is tagged ponte-<run> so a retry finds it instead of creating another. Custom "
            + "fields: keys lead_custom_fields.field_<id> and contact_custom_fields.field_<id>.";

    private CreateOrUpdateLead() {
    }

    static ActionDefinition definition() {
        return new ActionDefinition(KEY, Label.of("Criar ou atualizar lead", "Create or update lead"),
                Label.of(DESCRIPTION_PT, DESCRIPTION_EN), inputs(), outputs(), CreateOrUpdateLead::execute)
                .withPlanner(LeadUpsert::plan);
    }

    private static List<Field> inputs() {
        return List.of(
                Field.of("lead.name", FieldType.TEXT, "Nome do lead", "Lead name").asRequired(),
                Field.of("lead.price", FieldType.MONEY, "Valor da venda", "Sale amount").asRequired()
                        .withNote("Arredondado para inteiro (meio para cima) na Kommo.", "Rounded half-up to an integer in Kommo."),
                Field.choice("contact.match", "Critério de atualização de contatos do lead", "Lead contact update criterion", List.of(
                        Choice.of("email", "Pelo e-mail", "By e-mail"),
                        Choice.of("phone", "Pelo telefone", "By phone"),
                        Choice.of("email_then_phone", "Pelo e-mail, depois pelo telefone", "By e-mail, then by phone"),
                        Choice.of("always_create", "Sempre criar um novo contato", "Always create a new contact")))
                        .withNote("Vazio: pelo e-mail, depois pelo telefone.", "Empty: by e-mail, then by phone."),
                Field.choice("company.mode", "Atualização de empresas", "Company update", List.of(
                        Choice.of("none", "Não alterar empresas", "Don't touch companies"),
                        Choice.of("find_or_create", "Encontrar pelo nome ou criar", "Find by name or create"),
                        Choice.of("always_create", "Sempre criar uma nova empresa", "Always create a new company")))
                        .withNote("Vazio: encontrar pelo nome ou criar, quando há nome da empresa.",
                                "Empty: find by name or create, when a company name is given."),
                Field.of("company.name", FieldType.TEXT, "Nome da empresa", "Company name"),
                Field.of("contact.name", FieldType.TEXT, "Nome do contato", "Contact name"),
                Field.of("contact.email", FieldType.EMAIL, "E-mail do contato", "Contact e-mail"),
                Field.of("contact.phone", FieldType.PHONE, "Telefone do contato", "Contact phone")
                        .withNote("Normalizado para E.164 (regras de DDD do Brasil).", "Normalised to E.164 (Brazilian area codes)."),
                Field.dynamicChoice("lead.pipeline_id", "Funil", "Pipeline", KommoChoices.pipelines())
                        .withNote("Vazio: o funil principal.", "Empty: the main pipeline."),
                Field.dynamicChoice("lead.status_id", "Etapa", "Stage", KommoChoices.stages("lead.pipeline_id", false))
                        .dependingOn("lead.pipeline_id")
                        .withNote("Vazio: a primeira etapa ao criar; mantida ao atualizar.", "Empty: the first stage on creation; kept on update."),
                Field.dynamicChoice("lead.responsible_user_id", "Usuário responsável", "Responsible user", KommoChoices.users()),
                Field.of("lead.tags", FieldType.TEXT, "Tags", "Tags")
                        .withNote("Separadas por vírgula; somadas às do lead, nunca removidas.", "Comma-separated; added to the lead's, never removed."),
                Field.dynamicChoice("lead_custom_fields", "Campos personalizados do lead", "Lead custom fields",
                        KommoChoices.customFields("leads", "lead_custom_fields"))
                        .withNote("Cada opção é uma chave de entrada (lead_custom_fields.field_<id>) a mapear com o valor do campo.",
                                "Each option is an input key (lead_custom_fields.field_<id>) to map the field's value to."),
                Field.dynamicChoice("contact_custom_fields", "Campos personalizados do contato", "Contact custom fields",
                        KommoChoices.customFields("contacts", "contact_custom_fields"))
                        .withNote("Cada opção é uma chave de entrada (contact_custom_fields.field_<id>) a mapear, p. ex. o CPF.",
                                "Each option is an input key (contact_custom_fields.field_<id>) to map, e.g. the CPF."));
    }

    private static List<Field> outputs() {
        return List.of(
                Field.of("lead.id", FieldType.IDENTIFIER, "Lead: ID", "Lead: ID"),
                Field.of("contact.id", FieldType.IDENTIFIER, "Contato: ID", "Contact: ID"),
                Field.of("company.id", FieldType.IDENTIFIER, "Empresa: ID", "Company: ID"),
                Field.of("lead.created", FieldType.BOOLEAN, "Lead criado?", "Lead created?")
                        .withNote("Falso quando um lead aberto foi atualizado.", "False when an open lead was updated."),
                Field.of("lead.price", FieldType.INTEGER, "Valor enviado à Kommo", "Price sent to Kommo"),
                Field.of("lead.price_exact", FieldType.NUMBER, "Valor exato da venda", "Exact sale amount"));
    }

    static ActionResult execute(ActionInput input, ConnectionContext connection, RunReference run) {
        KommoClient kommo = new KommoClient(connection);
        try {
            LeadUpsert.Outcome outcome = new LeadUpsert(kommo, Writes.sending(kommo), input, run).execute();
            return ActionResult.success(FieldValues.builder()
                    .put("lead.id", Value.text(Long.toString(outcome.leadId())))
                    .put("contact.id", Value.text(outcome.contactId() == null ? null : outcome.contactId().toString()))
                    .put("company.id", Value.text(outcome.companyId() == null ? null : outcome.companyId().toString()))
                    .put("lead.created", Value.bool(outcome.created()))
                    .put("lead.price", Value.decimal(BigDecimal.valueOf(outcome.price())))
                    .put("lead.price_exact", Value.decimal(outcome.exactPrice()))
                    .build());
        } catch (ConnectorException e) {
            return ActionResult.failed(e.failure());
        }
    }
}
