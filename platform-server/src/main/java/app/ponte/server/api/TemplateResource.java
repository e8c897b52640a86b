package app.ponte.server.api;

import app.ponte.api.Label;
import app.ponte.server.connector.ConnectorService;
import app.ponte.server.template.AutomationTemplate;
import app.ponte.server.template.TemplateCatalog;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The automation templates (public, no login): the product page's "Automatize Hotmart e Kommo". */
@Path("/api/v1/templates")
@PermitAll
@Tag(name = "Catalog")
@Produces(MediaType.APPLICATION_JSON)
public class TemplateResource {

    /** A template with the labels of its trigger and action. */
    public record TemplateView(String key, Label title, Label description, Step trigger, Step action, Map<String, String> mapping) {
    }

    /** A connector's trigger or action, named. */
    public record Step(String connector, String connectorName, String key, Label label) {
    }

    private final TemplateCatalog templates;
    private final ConnectorService connectors;

    TemplateResource(TemplateCatalog templates, ConnectorService connectors) {
        this.templates = templates;
        this.connectors = connectors;
    }

    @GET
    @Operation(summary = "Every automation template, in the product page's order")
    public List<TemplateView> list() {
        return templates.all().stream().map(this::view).toList();
    }

    @GET
    @Path("/{key}")
    @Operation(summary = "One automation template")
    public TemplateView get(@PathParam("key") String key) {
        return templates.find(key).map(this::view).orElseThrow(() -> new NotFoundException("no template '" + key + "'"));
    }

    private TemplateView view(AutomationTemplate template) {
        var triggerConnector = connectors.descriptor(template.trigger().connector()).orElseThrow();
        var actionConnector = connectors.descriptor(template.action().connector()).orElseThrow();
        Step trigger = new Step(triggerConnector.id(), triggerConnector.name(), template.trigger().key(),
                triggerConnector.trigger(template.trigger().key()).orElseThrow().label());
        Step action = new Step(actionConnector.id(), actionConnector.name(), template.action().key(),
                actionConnector.action(template.action().key()).orElseThrow().label());
        return new TemplateView(template.key(), template.title(), template.description(), trigger, action, template.mapping());
    }
}
