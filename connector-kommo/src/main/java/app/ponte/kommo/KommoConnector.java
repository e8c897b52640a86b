package app.ponte.kommo;

import app.ponte.api.AuthSpec;
import app.ponte.api.Connector;
import app.ponte.api.ConnectorDescriptor;

/** Kommo CRM: leads, contacts and companies, connected with OAuth 2.0. */
public final class KommoConnector implements Connector {

    private static final ConnectorDescriptor DESCRIPTOR = ConnectorDescriptor.builder(
            "kommo",
            "Kommo",
            "CRM de vendas por conversa: leads, contatos, empresas e funis.",
            ConnectorDescriptor.Category.CRM,
            // Kommo access tokens live one day; every refresh returns a new refresh token.
            AuthSpec.oauth2(true))
            .oauth(new KommoOAuth())
            .build();

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
