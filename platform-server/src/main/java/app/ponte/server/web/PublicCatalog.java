package app.ponte.server.web;

import app.ponte.api.catalog.CatalogView;
import app.ponte.server.connector.ConnectorService;
import app.ponte.server.template.AutomationTemplate;
import app.ponte.server.template.TemplateCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * What the public pages show, built from the connector catalogs and the template catalog (the
 * same ones the API serves): a connector's triggers and actions, an integration between two
 * connectors and its templates.
 */
@ApplicationScoped
public class PublicCatalog {

    /** Where "Usar este modelo" leads: the signed-in app, with the template chosen (sign-in comes first). */
    static final String USE_TEMPLATE_PATH = "/app?template=";

    /** Two connectors and the templates between them (either direction), in the catalog's order. */
    public record Integration(CatalogView first, CatalogView second, List<AutomationTemplate> templates) {

        public List<CatalogView> connectors() {
            return List.of(first, second);
        }

        public int triggerCount() {
            return first.triggers().size() + second.triggers().size();
        }

        public int actionCount() {
            return first.actions().size() + second.actions().size();
        }
    }

    /** A link to the integration page of a connector with another one. */
    public record IntegrationLink(String path, String firstName, String secondName, String otherId) {
    }

    private final ConnectorService connectors;
    private final TemplateCatalog templates;

    PublicCatalog(ConnectorService connectors, TemplateCatalog templates) {
        this.connectors = connectors;
        this.templates = templates;
    }

    /** Every connector, by name. */
    public List<CatalogView> connectors() {
        return connectors.descriptors().stream().map(CatalogView::of).toList();
    }

    public Optional<CatalogView> connector(String id) {
        return connectors.descriptor(id).map(CatalogView::of);
    }

    /** The integration of two different connectors; empty when either is unknown or both are the same. */
    public Optional<Integration> integration(String firstId, String secondId) {
        if (firstId.equals(secondId)) {
            return Optional.empty();
        }
        return connector(firstId).flatMap(first -> connector(secondId)
                .map(second -> new Integration(first, second, between(firstId, secondId))));
    }

    /** The templates that use this connector, in the catalog's order. */
    public List<AutomationTemplate> templatesOf(String connectorId) {
        return templates.all().stream()
                .filter(t -> t.trigger().connector().equals(connectorId) || t.action().connector().equals(connectorId))
                .toList();
    }

    /**
     * A link to the integration page with every other connector. The connector whose events feed
     * the other's actions in the templates comes first ("Integre Hotmart com Kommo" on Kommo's page
     * too); without templates, this connector comes first.
     */
    public List<IntegrationLink> integrationsOf(CatalogView connector) {
        return connectors().stream().filter(other -> !other.id().equals(connector.id())).map(other -> {
            boolean otherFirst = templates.all().stream().anyMatch(t -> t.trigger().connector().equals(other.id())
                    && t.action().connector().equals(connector.id()));
            CatalogView first = otherFirst ? other : connector;
            CatalogView second = otherFirst ? connector : other;
            return new IntegrationLink(integrationPath(first.id(), second.id()), first.name(), second.name(), other.id());
        }).toList();
    }

    static String integrationPath(String firstId, String secondId) {
        return "/integracoes/" + firstId + "/" + secondId;
    }

    private List<AutomationTemplate> between(String a, String b) {
        return templates.all().stream().filter(t -> {
            String from = t.trigger().connector();
            String to = t.action().connector();
            return (from.equals(a) && to.equals(b)) || (from.equals(b) && to.equals(a));
        }).toList();
    }
}
