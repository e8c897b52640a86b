package app.ponte.server.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.server.connection.ConnectionStore;
import app.ponte.server.connection.OAuthClients;
import app.ponte.server.connector.ConnectorService;
import app.ponte.server.testing.OidcUsers;
import app.ponte.server.testing.SimulatedKommo;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The signed-in pages' forms over HTTP: the CSRF token on every post, field-level validation, and
 * the roles (members neither manage connections nor members), with the state they change read back
 * through the pages.
 */
@QuarkusTest
class AppFormsTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final String HOTTOK = "hottok-das-paginas-" + "p".repeat(12);

    @OidcWireMock
    WireMockServer oidc;

    @Inject
    ConnectorService connectors;

    @Inject
    OAuthClients clients;

    @Inject
    ConnectionStore store;

    /** A person signed in in a browser, with the form token of their session. */
    record Browser(CookieFilter cookies, String csrf) {

        Response get(String path) {
            return given().filter(cookies).redirects().follow(false).when().get(path);
        }

        Response post(String path, Object... fields) {
            var request = given().filter(cookies).redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .formParam("csrf", csrf);
            for (int i = 0; i < fields.length; i += 2) {
                request.formParam((String) fields[i], fields[i + 1]);
            }
            return request.when().post(path);
        }
    }

    private Browser signIn(String name) {
        CookieFilter cookies = OidcUsers.register(oidc, name).signIn();
        String page = given().filter(cookies).when().get("/app").then().statusCode(200).extract().asString();
        Matcher token = CSRF.matcher(page);
        assertTrue(token.find(), page);
        return new Browser(cookies, token.group(1));
    }

    @Test
    void aNewUserLandsOnTheOnboardingChecklistThatFollowsTheRealState() {
        Browser joana = signIn("Joana Prado");

        String start = joana.get("/app").then().statusCode(200).extract().asString();
        assertTrue(start.contains("Espaço de Joana"), start);
        assertTrue(start.contains("data-step=\"hotmart\" data-done=\"false\""), start);
        assertTrue(start.contains("data-step=\"kommo\" data-done=\"false\""), start);
        assertTrue(start.contains("data-step=\"template\" data-done=\"false\""), start);

        String connection = connectHotmart(joana);
        String page = joana.get(connection).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Aguardando o primeiro evento…"), page);
        assertTrue(page.contains("hx-get=\"" + connection + "/event-status\""), "the page polls while it waits");
        assertTrue(page.contains("Ferramentas → Webhook"), "where to paste the URL in Hotmart");
        String hook = URI.create(webhookUrl(page)).getPath();

        given().header("X-HOTMART-HOTTOK", HOTTOK).contentType("application/json").body(fixture("PURCHASE_APPROVED.json"))
                .when().post(hook).then().statusCode(200);

        String status = joana.get(connection + "/event-status").then().statusCode(200).extract().asString();
        assertTrue(status.contains("data-received=\"true\""), status);
        assertTrue(!status.contains("hx-get"), "the polling stops once the event is there: " + status);
        assertTrue(status.contains("Evento recebido"), status);
        joana.get("/app").then().statusCode(200).body(containsString("data-step=\"hotmart\" data-done=\"true\""))
                .body(containsString("data-step=\"kommo\" data-done=\"false\""));
    }

    @Test
    void everyFormPostNeedsTheSessionsToken() {
        Browser rita = signIn("Rita Farias");

        given().filter(rita.cookies()).redirects().follow(false).formParam("hottok", HOTTOK)
                .when().post("/app/connections/hotmart").then().statusCode(403);
        given().filter(rita.cookies()).redirects().follow(false).formParam("csrf", "forjado").formParam("hottok", HOTTOK)
                .when().post("/app/connections/hotmart").then().statusCode(403);
        given().filter(rita.cookies()).redirects().follow(false).formParam("csrf", "forjado").formParam("role", "MEMBER")
                .when().post("/app/members/invitations").then().statusCode(403);
        given().filter(rita.cookies()).redirects().follow(false).formParam("csrf", "forjado").formParam("template", "purchase_approved_to_kommo_lead")
                .when().post("/app/automations/new").then().statusCode(403);
        // another session's token is no better
        Browser other = signIn("Outra Pessoa");
        given().filter(rita.cookies()).redirects().follow(false).formParam("csrf", other.csrf()).formParam("hottok", HOTTOK)
                .when().post("/app/connections/hotmart").then().statusCode(403);

        rita.get("/app/connections").then().statusCode(200).body(not(containsString("data-connection=")));
    }

    @Test
    void theHotmartFormExplainsWhatIsWrongWithTheHottokNextToTheField() {
        Browser bia = signIn("Bia Nunes");

        String page = bia.post("/app/connections/hotmart", "hottok", "curto", "name", "Loja")
                .then().statusCode(400).extract().asString();
        assertTrue(page.contains("id=\"hottok-error\">O hottok tem entre 8 e 200 caracteres.</p>"), page);
        assertTrue(page.contains("value=\"Loja\""), "the name is kept");
        assertTrue(page.contains("aria-invalid=\"true\""), page);
        bia.post("/app/connections/hotmart", "hottok", "   ").then().statusCode(400).body(containsString("Informe o hottok da Hotmart."));

        bia.get("/app/connections").then().statusCode(200).body(not(containsString("data-connection=")));
    }

    @Test
    void membersNeitherManageConnectionsNorMembersButSeeTheWorkspace() {
        Browser owner = signIn("Olga Dona");
        String hotmart = connectHotmart(owner);
        UUID hotmartId = UUID.fromString(hotmart.substring(hotmart.lastIndexOf('/') + 1));
        String invited = owner.post("/app/members/invitations", "role", "MEMBER", "email", "")
                .then().statusCode(200).body(containsString("id=\"invitation-link\"")).extract().asString();
        String link = Pattern.compile("id=\"invitation-link\" class=\"code\" readonly value=\"([^\"]+)\"").matcher(invited)
                .results().findFirst().orElseThrow().group(1);
        String token = link.substring(link.lastIndexOf('/') + 1);

        Browser member = signIn("Marcos Membro");
        member.get("/invitations/" + token).then().statusCode(200).body(containsString("Espaço de Olga"));
        member.post("/invitations/" + token + "/accept").then().statusCode(303).header("Location", containsString("/app"));
        // accepting switched the member to the workspace they joined
        member.get("/app").then().statusCode(200).body(containsString("id=\"workspace-name\">Espaço de Olga"));
        String olgaMember = owner.get("/app/members").then().statusCode(200).extract().asString();
        String memberId = Pattern.compile("data-member=\"([^\"]+)\" data-role=\"MEMBER\"").matcher(olgaMember).results()
                .findFirst().orElseThrow().group(1);
        String ownerId = Pattern.compile("data-member=\"([^\"]+)\" data-role=\"OWNER\"").matcher(olgaMember).results()
                .findFirst().orElseThrow().group(1);

        member.get("/app/connections/hotmart/new").then().statusCode(403);
        member.post("/app/connections/hotmart", "hottok", HOTTOK).then().statusCode(403);
        member.post("/app/connections/" + hotmartId + "/disconnect").then().statusCode(403);
        member.post("/app/members/invitations", "role", "MEMBER").then().statusCode(403);
        member.post("/app/members/" + ownerId + "/role", "role", "MEMBER").then().statusCode(403);
        member.post("/app/members/" + ownerId + "/remove").then().statusCode(403);

        String members = member.get("/app/members").then().statusCode(200).extract().asString();
        assertTrue(members.contains("Olga Dona") && members.contains("Marcos Membro"), members);
        assertTrue(!members.contains("action=\"/app/members/invitations\""), "no invitation form for members");
        String connections = member.get("/app/connections").then().statusCode(200).extract().asString();
        assertTrue(connections.contains("data-connection=\"" + hotmartId + "\" data-status=\"OK\""), connections);
        assertTrue(!connections.contains("/disconnect"), "no disconnect button for members");
        member.get(hotmart).then().statusCode(200).body(not(containsString("/hooks/hotmart/")));

        // the owner makes them an admin: now they may manage
        owner.post("/app/members/" + memberId + "/role", "role", "ADMIN").then().statusCode(303);
        member.get("/app/connections/hotmart/new").then().statusCode(200);
        // back in their own workspace with the switcher
        String ownWorkspace = Pattern.compile("<option value=\"([^\"]+)\" >Espaço de Marcos").matcher(member.get("/app").asString())
                .results().findFirst().orElseThrow().group(1);
        member.post("/app/workspace", "workspace", ownWorkspace).then().statusCode(303);
        member.get("/app").then().statusCode(200).body(containsString("id=\"workspace-name\">Espaço de Marcos"));

        // a link of an alert e-mail opens Olga's workspace again, at the page it names
        String olgaWorkspace = Pattern.compile("<option value=\"([^\"]+)\" >Espaço de Olga").matcher(member.get("/app").asString())
                .results().findFirst().orElseThrow().group(1);
        member.get("/app/workspaces/" + olgaWorkspace + "/runs?automation=" + hotmartId + "&status=FAILED").then().statusCode(303)
                .header("Location", endsWith("/app/runs?automation=" + hotmartId + "&status=FAILED"));
        member.get("/app").then().statusCode(200).body(containsString("id=\"workspace-name\">Espaço de Olga"));
        member.get("/app/workspaces/" + ownWorkspace + "/connections/" + hotmartId).then().statusCode(303)
                .header("Location", endsWith("/app/connections/" + hotmartId));
        member.get(hotmart).then().statusCode(404).body(containsString("id=\"not-found\""));
        // nobody else gets in by such a link, and a malformed one is simply not found
        Browser stranger = signIn("Estela Estranha");
        stranger.get("/app/workspaces/" + olgaWorkspace + "/connections/" + hotmartId).then().statusCode(404)
                .body(containsString("id=\"not-found\""));
        stranger.get("/app").then().statusCode(200).body(containsString("id=\"workspace-name\">Espaço de Estela"));
        stranger.get("/app/workspaces/nao-e-um-espaco/runs").then().statusCode(404);
        stranger.get("/app/workspaces/" + olgaWorkspace + "/..%2F..%2Fexterno").then().statusCode(404);
    }

    @Test
    void alertEmailsAreSwitchedOffAndTheirLanguageChosenInThePreferences() {
        Browser nina = signIn("Nina Alves");
        String page = nina.get("/app/preferences").then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"failureEmails\" name=\"failureEmails\" value=\"on\" aria-describedby=\"failureEmails-hint\" checked"), page);
        assertTrue(page.contains("<option value=\"pt-BR\" selected>"), page);

        given().filter(nina.cookies()).redirects().follow(false).formParam("locale", "en")
                .when().post("/app/preferences").then().statusCode(403);
        nina.post("/app/preferences", "locale", "en").then().statusCode(303).header("Location", endsWith("/app/preferences?saved=true"));
        page = nina.get("/app/preferences?saved=true").then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"preferences-saved\""), page);
        assertTrue(page.contains("aria-describedby=\"failureEmails-hint\">"), "unchecked: no alert e-mails " + page);
        assertTrue(page.contains("<option value=\"en\" selected>"), page);

        page = nina.post("/app/preferences", "failureEmails", "on", "locale", "fr").then().statusCode(400).extract().asString();
        assertTrue(page.contains("id=\"locale-error\">Escolha português (Brasil) ou inglês.</p>"), page);
        nina.post("/app/preferences", "failureEmails", "on").then().statusCode(400);
        page = nina.get("/app/preferences").then().statusCode(200).extract().asString();
        assertTrue(page.contains("aria-describedby=\"failureEmails-hint\">") && page.contains("<option value=\"en\" selected>"),
                "a refused post changes nothing: " + page);
    }

    @Test
    void theLastOwnerCannotLeaveAndAnInvitationWorksOnce() {
        Browser owner = signIn("Lia Única");
        String me = Pattern.compile("data-member=\"([^\"]+)\" data-role=\"OWNER\"")
                .matcher(owner.get("/app/members").asString()).results().findFirst().orElseThrow().group(1);

        owner.post("/app/members/" + me + "/remove").then().statusCode(409)
                .body(containsString("O espaço precisa de pelo menos um proprietário"));

        String invited = owner.post("/app/members/invitations", "role", "ADMIN", "email", "nao-e-email").then().statusCode(400)
                .extract().asString();
        assertTrue(invited.contains("Informe um e-mail válido"), invited);
        String link = Pattern.compile("readonly value=\"([^\"]+/invitations/[^\"]+)\"")
                .matcher(owner.post("/app/members/invitations", "role", "ADMIN").asString()).results().findFirst().orElseThrow().group(1);
        String token = link.substring(link.lastIndexOf('/') + 1);
        Browser first = signIn("Primeira Pessoa");
        first.post("/invitations/" + token + "/accept").then().statusCode(303);
        Browser second = signIn("Segunda Pessoa");
        second.get("/invitations/" + token).then().statusCode(410).body(containsString("não vale mais"));
    }

    @Test
    void theEditorShowsTheValidatorsMessagesAndPreviewsAnUnsavedEditWithoutSavingIt() {
        Browser ana = signIn("Ana Editora");
        String hotmart = connectHotmart(ana);
        UUID hotmartId = UUID.fromString(hotmart.substring(hotmart.lastIndexOf('/') + 1));
        UUID tenantId = UUID.fromString(Pattern.compile("<option value=\"([^\"]+)\" selected>Espaço de Ana")
                .matcher(ana.get("/app").asString()).results().findFirst().orElseThrow().group(1));
        SimulatedKommo kommo = SimulatedKommo.connect(connectors, clients, store, tenantId);

        String wizard = ana.get("/app/automations/new?template=purchase_approved_to_kommo_lead").then().statusCode(200).extract().asString();
        assertTrue(wizard.contains("A cada venda aprovada na Hotmart, criar ou atualizar lead na Kommo"), wizard);
        String editor = ana.post("/app/automations/new", "template", "purchase_approved_to_kommo_lead", "name", "Vendas aprovadas",
                        "trigger_connection", hotmartId, "action_connection", kommo.connectionId())
                .then().statusCode(303).extract().header("Location");
        String automation = editor.replace("/edit", "");

        String form = ana.get(editor).then().statusCode(200).extract().asString();
        assertTrue(form.contains("name=\"mapping.lead.name\" value=\"{{buyer.name}}\""), form);
        assertTrue(form.contains("data-field=\"buyer.name\""), "the trigger's fields as chips");
        assertTrue(form.contains("<option value=\"first_name\""), "the transforms");

        String preview = ana.post(editor, "action", "preview", "name", "Vendas aprovadas", "trigger_connection", hotmartId,
                        "action_connection", kommo.connectionId(), "mapping.lead.name", "{{buyer.name | first_name}} — Hotmart",
                        "mapping.lead.price", "{{purchase.full_price.value}}", "mapping.contact.email", "{{buyer.nome}}")
                .then().statusCode(200).extract().asString();
        assertTrue(preview.contains("id=\"preview\""), preview);
        assertTrue(preview.contains("<span class=\"value\">Marina — Hotmart</span>"), preview);
        assertTrue(Pattern.compile("id=\"error-contact.email\">[^<]*buyer\\.nome").matcher(preview).find(),
                "the validator names the unknown field next to its input: " + preview);
        assertTrue(preview.contains("data-passes-filter=\"true\""), preview);
        // nothing was saved
        ana.get(automation).then().statusCode(200).body(containsString("versão 1"));

        ana.post(editor, "action", "save", "name", "Vendas aprovadas", "trigger_connection", hotmartId,
                        "action_connection", kommo.connectionId(), "mapping.lead.name", "{{buyer.name | first_name}}",
                        "mapping.lead.price", "{{purchase.full_price.value}}", "mapping.contact.match", "email",
                        "mapping.contact.email", "{{buyer.email}}")
                .then().statusCode(303).header("Location", containsString("saved=true"));
        ana.post(automation + "/activate").then().statusCode(303);
        String detail = ana.get(automation).then().statusCode(200).extract().asString();
        assertTrue(detail.contains("versão 2") && detail.contains("id=\"automation-status\">Ativa"), detail);
        assertTrue(detail.contains("{{buyer.name | first_name}}"), detail);

        // "O que aconteceria na Kommo": the saved version's plan for a chosen sample, read at the account only
        String choose = ana.get(editor).then().statusCode(200).extract().asString();
        assertTrue(choose.contains("<option value=\"PURCHASE_APPROVED.json\""), choose);
        assertTrue(!choose.contains("data-plan-sample="), "nothing is planned before a sample is chosen");
        String planned = ana.get(editor + "?sample=PURCHASE_APPROVED.json").then().statusCode(200).extract().asString();
        assertTrue(planned.contains("data-plan-sample=\"PURCHASE_APPROVED.json\" data-passes-filter=\"true\" data-plan-status=\"PLANNED\""),
                planned);
        assertTrue(planned.contains("data-kind=\"WRITE\""), planned);
        assertTrue(kommo.state().getList("leads").isEmpty(), "a plan writes nothing at Kommo");

        // an edit with a required input left empty saves, but the automation stops until it is fixed
        ana.post(editor, "action", "save", "name", "Vendas aprovadas", "trigger_connection", hotmartId,
                "action_connection", kommo.connectionId(), "mapping.lead.price", "{{purchase.full_price.value}}")
                .then().statusCode(303);
        String paused = ana.get(automation).then().statusCode(200).extract().asString();
        assertTrue(paused.contains("id=\"automation-status\">Pausada") && paused.contains("data-field=\"mapping.lead.name\""), paused);
        ana.post(automation + "/activate").then().statusCode(303).header("Location", containsString("refused=true"));

        // the filter editor: conditions on the trigger's fields, all/any, the validator's message next to its condition
        ana.post(editor, "action", "save", "name", "Vendas aprovadas", "trigger_connection", hotmartId,
                        "action_connection", kommo.connectionId(), "mapping.lead.name", "{{buyer.name}}",
                        "mapping.lead.price", "{{purchase.full_price.value}}", "filter.match", "any",
                        "filter.field.0", "product.name", "filter.operator.0", "contains", "filter.value.0", "curso",
                        "filter.field.1", "buyer.email", "filter.operator.1", "greater_than", "filter.value.1", "x",
                        "filter.field.2", "", "filter.operator.2", "equals", "filter.value.2", "")
                .then().statusCode(303);
        String filtered = ana.get(editor).then().statusCode(200).extract().asString();
        assertTrue(filtered.contains("<option value=\"any\" selected>"), filtered);
        assertTrue(Pattern.compile("name=\"filter.field.0\"[^>]*>.*?<option value=\"product.name\" selected>", Pattern.DOTALL)
                .matcher(filtered).find(), filtered);
        assertTrue(!filtered.contains("id=\"filter-error-0\""), "the first condition is fine");
        assertTrue(Pattern.compile("id=\"filter-error-1\">[^<]+").matcher(filtered).find(),
                "the operator that does not apply to an e-mail is explained next to its condition: " + filtered);
        assertTrue(filtered.contains("name=\"filter.field.2\""), "a blank row to add a condition");
        String filterPreview = ana.post(editor, "action", "preview", "name", "Vendas aprovadas", "trigger_connection", hotmartId,
                        "action_connection", kommo.connectionId(), "mapping.lead.name", "{{buyer.name}}",
                        "mapping.lead.price", "{{purchase.full_price.value}}", "filter.match", "all",
                        "filter.field.0", "product.name", "filter.operator.0", "contains", "filter.value.0", "nada disso")
                .then().statusCode(200).extract().asString();
        assertTrue(filterPreview.contains("data-passes-filter=\"false\""), "the preview applies the edited filter: " + filterPreview);

        ana.get(automation + "/delete").then().statusCode(200).body(containsString("Vendas aprovadas"));
        ana.post(automation + "/delete").then().statusCode(303);
        ana.get(automation).then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("Página não encontrada"));
    }

    @Test
    void anotherWorkspacesPagesAnswerNotFound() {
        Browser owner = signIn("Dona Alheia");
        String connection = connectHotmart(owner);
        String editor = owner.post("/app/automations/new", "template", "purchase_approved_to_kommo_lead", "name", "Minha")
                .then().statusCode(303).extract().header("Location");
        String automation = editor.replace("/edit", "");

        Browser stranger = signIn("Pessoa Estranha");
        stranger.get(automation).then().statusCode(404);
        stranger.get(editor).then().statusCode(404);
        stranger.get(connection).then().statusCode(404);
        stranger.post(automation + "/activate").then().statusCode(404);
        stranger.post(automation + "/delete").then().statusCode(404);
        owner.get(automation).then().statusCode(200);
    }

    @Test
    void aRunsPageShowsMembersDocumentsAndPhonesMaskedAndOwnersInFull() throws InterruptedException {
        Browser owner = signIn("Paula Dona");
        String hotmart = connectHotmart(owner);
        UUID hotmartId = UUID.fromString(hotmart.substring(hotmart.lastIndexOf('/') + 1));
        UUID tenantId = UUID.fromString(Pattern.compile("<option value=\"([^\"]+)\" selected>Espaço de Paula")
                .matcher(owner.get("/app").asString()).results().findFirst().orElseThrow().group(1));
        SimulatedKommo kommo = SimulatedKommo.connect(connectors, clients, store, tenantId);
        String automation = owner.post("/app/automations/new", "template", "purchase_approved_to_kommo_lead", "name", "Vendas",
                "trigger_connection", hotmartId, "action_connection", kommo.connectionId())
                .then().statusCode(303).extract().header("Location").replace("/edit", "");
        owner.post(automation + "/activate").then().statusCode(303);
        String hook = URI.create(webhookUrl(owner.get(hotmart).asString())).getPath();
        given().header("X-HOTMART-HOTTOK", HOTTOK).contentType("application/json").body(fixture("PURCHASE_APPROVED.json"))
                .when().post(hook).then().statusCode(200);

        Pattern succeeded = Pattern.compile("data-run=\"([^\"]+)\" data-status=\"SUCCEEDED\"");
        long deadline = System.currentTimeMillis() + 60_000;
        Matcher run = succeeded.matcher(owner.get("/app/runs?status=SUCCEEDED").asString());
        while (!run.find()) {
            assertTrue(System.currentTimeMillis() < deadline, "the run did not succeed in time");
            Thread.sleep(200);
            run = succeeded.matcher(owner.get("/app/runs?status=SUCCEEDED").asString());
        }
        String runPage = "/app/runs/" + run.group(1);

        // the list: runs this month and the last error per automation; the runs page: usage this month vs the plan
        String id = automation.substring(automation.lastIndexOf('/') + 1);
        String list = owner.get("/app/automations").then().statusCode(200).extract().asString();
        assertTrue(list.contains("<td class=\"runs-this-month\"><a href=\"/app/runs?automation=" + id + "\">1</a></td>"), list);
        assertTrue(list.contains("<td class=\"last-error\">—</td>"), "no failed run yet: " + list);
        String runs = owner.get("/app/runs").then().statusCode(200).extract().asString();
        assertTrue(Pattern.compile("id=\"usage\"[^>]* data-runs=\"1\"").matcher(runs).find(), runs);
        assertTrue(runs.contains("id=\"usage-title\">Uso neste mês"), runs);

        // the plan can use the event Hotmart really sent, besides the trigger's samples
        String editorPage = owner.get(automation + "/edit").then().statusCode(200).extract().asString();
        Matcher received = Pattern.compile("<option value=\"(recebido-[^\"]+)\"").matcher(editorPage);
        assertTrue(received.find(), "the last events received are offered: " + editorPage);
        String plannedOnReal = owner.get(automation + "/edit?sample=" + received.group(1)).then().statusCode(200).extract().asString();
        assertTrue(plannedOnReal.contains("data-plan-sample=\"" + received.group(1) + "\""), plannedOnReal);

        // "Duplicar": a draft copy, opened in the editor
        String copy = owner.post(automation + "/duplicate").then().statusCode(303).extract().header("Location");
        assertTrue(copy.endsWith("/edit") && !copy.contains(id), copy);
        String copied = owner.get(URI.create(copy).getPath()).then().statusCode(200).extract().asString();
        assertTrue(copied.contains("value=\"Cópia de Vendas\""), copied);
        assertTrue(copied.contains("name=\"mapping.lead.name\" value=\"{{buyer.name}}\""), "the mapping is copied: " + copied);

        String full = owner.get(runPage).then().statusCode(200).extract().asString();
        assertTrue(full.contains(">52814736019<"), "owners see the buyer's CPF: " + full);
        assertTrue(!full.contains("id=\"masked\""), full);

        String link = Pattern.compile("readonly value=\"([^\"]+/invitations/[^\"]+)\"")
                .matcher(owner.post("/app/members/invitations", "role", "MEMBER").asString()).results().findFirst().orElseThrow().group(1);
        Browser member = signIn("Mario Membro");
        member.post("/invitations/" + link.substring(link.lastIndexOf('/') + 1) + "/accept").then().statusCode(303);
        String masked = member.get(runPage).then().statusCode(200).extract().asString();
        assertTrue(masked.contains("id=\"masked\""), masked);
        assertTrue(!masked.contains("52814736019") && masked.contains(">•••••••••19<"), "members see documents masked: " + masked);
        assertTrue(!masked.contains("987651234"), "and phones");
        assertTrue(!masked.contains("id=\"replay\""), "members do not replay");
        member.post(runPage + "/replay").then().statusCode(403);
        member.post(automation + "/duplicate").then().statusCode(403);
        owner.post(runPage + "/replay").then().statusCode(303).header("Location", containsString("replayed=true"));
    }

    /** "Conectar Hotmart" through its form; answers the new connection's page path. */
    private static String connectHotmart(Browser browser) {
        browser.get("/app/connections/hotmart/new").then().statusCode(200).body(containsString("name=\"hottok\""));
        String location = browser.post("/app/connections/hotmart", "hottok", HOTTOK, "name", "")
                .then().statusCode(303).extract().header("Location");
        return URI.create(location).getPath();
    }

    private static String webhookUrl(String page) {
        Matcher url = Pattern.compile("id=\"webhook-url\" class=\"code\" readonly value=\"([^\"]+)\"").matcher(page);
        assertTrue(url.find(), page);
        return url.group(1);
    }

    static String fixture(String name) {
        try (InputStream in = AppFormsTest.class.getResourceAsStream("/samples/hotmart/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
