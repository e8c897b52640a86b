package app.ponte.hotmart;

import app.ponte.api.AuthSpec;
import app.ponte.api.Connector;
import app.ponte.api.ConnectorDescriptor;
import app.ponte.hotmart.triggers.HotmartTrigger;
import app.ponte.hotmart.triggers.HotmartTriggers;
import java.util.List;

/** Hotmart: sales, subscriptions and course events, delivered by Hotmart's webhook (postback v2.0.0). */
public final class HotmartConnector implements Connector {

    /** Hotmart sends the account's hottok in this header on every webhook call. */
    public static final String HOTTOK_HEADER = "X-HOTMART-HOTTOK";

    private static final List<HotmartTrigger> TRIGGERS = HotmartTriggers.all();

    private static final ConnectorDescriptor DESCRIPTOR = ConnectorDescriptor.builder(
            "hotmart",
            "Hotmart",
            "Plataforma de venda de produtos digitais: vendas, assinaturas e área de membros.",
            ConnectorDescriptor.Category.SALES_AND_PAYMENTS,
            AuthSpec.webhookSecret(HOTTOK_HEADER, "Hottok de verificação"))
            .triggers(TRIGGERS.stream().map(HotmartTrigger::definition).toList())
            .webhooks(new HotmartWebhooks(TRIGGERS))
            .build();

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
