package app.ponte.kommo;

import app.ponte.api.AuthSpec;
import app.ponte.api.Connector;
import app.ponte.api.ConnectorDescriptor;
import java.util.List;

/**
 * Kommo CRM: leads, contacts and companies, connected with OAuth 2.0.
 *
 * <p>Connection credentials read by {@link KommoClient}: secrets {@code access_token}, {@code refresh_token},
 * {@code client_secret}; attributes {@code account_id}, {@code subdomain}, {@code host} or {@code base_url},
 * {@code client_id}, {@code redirect_uri}. JVM knobs: {@link KommoSettings}.
 */
public final class KommoConnector implements Connector {

    private static final ConnectorDescriptor DESCRIPTOR = ConnectorDescriptor.builder(
            "kommo",
            "Kommo",
            "CRM de vendas por conversa: leads, contatos, empresas e funis.",
            ConnectorDescriptor.Category.CRM,
            // Kommo access tokens live one day; every refresh returns a new refresh token.
            AuthSpec.oauth2(true))
            .triggers(List.of(LeadStatusChanged.definition()))
            .actions(List.of(CreateOrUpdateLead.definition()))
            .webhooks(new KommoWebhooks())
            .oauth(new KommoOAuth())
            .build();

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
