package app.ponte.kommo.simulator;

import app.ponte.kommo.simulator.Model.CustomField;
import app.ponte.kommo.simulator.Model.Pipeline;
import app.ponte.kommo.simulator.Model.Status;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;

/** Account, pipelines and custom field definitions (§5.1–5.3). */
final class AccountRoutes {
    private final Sim sim;

    AccountRoutes(Sim sim) {
        this.sim = sim;
    }

    void register(Router router) {
        router.get("/api/v4/account").handler(ApiHandlers.read(sim, this::account));
        router.get("/api/v4/leads/pipelines").handler(ApiHandlers.read(sim, this::pipelines));
        router.get("/api/v4/leads/pipelines/:id").handler(ApiHandlers.read(sim, this::pipeline));
        for (String type : new String[] {"leads", "contacts", "companies"}) {
            router.get("/api/v4/" + type + "/custom_fields").handler(ApiHandlers.read(sim, r -> fields(r, type)));
        }
    }

    private Reply account(ApiRequest r) {
        Account a = r.account();
        ObjectNode n = Json.object().put("id", a.id).put("name", a.name).put("subdomain", a.subdomain)
                .put("current_user_id", r.userId).put("country", "BR").put("currency", "BRL")
                .put("currency_symbol", "R$").put("created_at", a.createdAt);
        n.putObject("_links").putObject("self").put("href", r.base() + "/api/v4/account");
        return Reply.hal(n);
    }

    private Reply pipelines(ApiRequest r) {
        return Listing.page(r, "/api/v4/leads/pipelines", "pipelines", r.account().pipelines,
                p -> pipeline(r, p));
    }

    private Reply pipeline(ApiRequest r) {
        long id = r.idParam();
        return Reply.hal(pipeline(r, r.account().pipeline(id).orElseThrow(ApiException::notFound)));
    }

    private ObjectNode pipeline(ApiRequest r, Pipeline p) {
        ObjectNode n = Json.object().put("id", p.id()).put("name", p.name()).put("sort", p.sort())
                .put("is_main", p.isMain()).put("is_unsorted_on", p.isUnsortedOn()).put("is_archive", p.isArchive())
                .put("account_id", r.accountId);
        n.putObject("_links").putObject("self").put("href", r.base() + "/api/v4/leads/pipelines/" + p.id());
        var statuses = n.putObject("_embedded").putArray("statuses");
        for (Status s : p.statuses()) {
            statuses.addObject().put("id", s.id()).put("name", s.name()).put("sort", s.sort())
                    .put("is_editable", s.isEditable()).put("pipeline_id", s.pipelineId()).put("color", s.color())
                    .put("type", s.type()).put("account_id", r.accountId);
        }
        return n;
    }

    private Reply fields(ApiRequest r, String type) {
        return Listing.page(r, "/api/v4/" + type + "/custom_fields", "custom_fields", r.account().fields(type),
                f -> field(r, type, f));
    }

    private ObjectNode field(ApiRequest r, String type, CustomField f) {
        ObjectNode n = Json.object().put("id", f.id()).put("name", f.name()).put("type", f.type())
                .put("account_id", r.accountId).put("code", f.code()).put("sort", f.sort())
                .put("is_api_only", false).put("entity_type", type).put("is_predefined", f.code() != null)
                .put("is_deletable", f.code() == null);
        if (f.hasEnums()) {
            var enums = n.putArray("enums");
            f.enums().forEach(e -> enums.addObject().put("id", e.id()).put("value", e.value()).put("sort", e.sort()));
        } else {
            n.putNull("enums");
        }
        n.putObject("_links").putObject("self").put("href", r.base() + "/api/v4/" + type + "/custom_fields/" + f.id());
        return n;
    }
}
