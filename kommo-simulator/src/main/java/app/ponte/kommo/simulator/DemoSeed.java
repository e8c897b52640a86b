package app.ponte.kommo.simulator;

import app.ponte.kommo.simulator.Model.Integration;
import app.ponte.kommo.simulator.Model.User;
import app.ponte.kommo.simulator.SimState.PipelineSpec;
import java.util.List;

/** The demo account and integration seeded when the state is empty. */
final class DemoSeed {
    private DemoSeed() {
    }

    /** Demo integration values (options/CLI may override). */
    record Demo(String subdomain, String clientId, String clientSecret, String redirectUri) {
        static Demo defaults() {
            return new Demo("ponte-demo", "ponte-demo-client", "ponte-demo-secret",
                    "http://localhost:8080/oauth/kommo/callback");
        }
    }

    static void apply(Sim sim, Demo demo) {
        SimState state = sim.state();
        state.integrations.put(demo.clientId(),
                new Integration(demo.clientId(), demo.clientSecret(), demo.redirectUri(), null));
        if (state.accounts.values().stream().anyMatch(a -> a.subdomain.equals(demo.subdomain()))) {
            return;
        }
        Account a = state.createAccount(demo.subdomain(), null, null,
                List.of(new User(state.nextId("user"), "Ana Administradora", true)),
                List.of(new PipelineSpec(null, "Funil de vendas",
                        List.of("Primeiro contato", "Negociação", "Proposta enviada"))), sim.now());
        a.name = "Ponte Demo";
        a.fields("leads").add(new Model.CustomField(state.nextId("field"), "Canal", null, "select", 510,
                state.enums("Instagram", "Site", "Indicação")));
        a.fields("leads").add(new Model.CustomField(state.nextId("field"), "Visita técnica", null, "date", 520,
                List.of()));
        a.fields("leads").add(new Model.CustomField(state.nextId("field"), "Produto", null, "text", 530, List.of()));
        a.fields("contacts").add(new Model.CustomField(state.nextId("field"), "CPF", null, "text", 540, List.of()));
    }
}
