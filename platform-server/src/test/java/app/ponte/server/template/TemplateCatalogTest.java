package app.ponte.server.template;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.api.ConnectorDescriptor;
import app.ponte.api.context.Credentials;
import app.ponte.api.trigger.SampleEvent;
import app.ponte.api.trigger.TriggerDefinition;
import app.ponte.api.trigger.TriggerEvent;
import app.ponte.api.webhook.WebhookOutcome;
import app.ponte.api.webhook.WebhookRequest;
import app.ponte.mapping.Mapping;
import app.ponte.mapping.MappingEngine;
import app.ponte.mapping.MappingResult;
import app.ponte.mapping.RenderContext;
import app.ponte.server.connector.ConnectorService;
import app.ponte.testkit.InMemoryCredentials;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TemplateCatalogTest {

    @Inject
    TemplateCatalog templates;

    @Inject
    ConnectorService connectors;

    @Test
    void servesTheTenTemplatesOfThePageInItsOrder() {
        given().when().get("/api/v1/templates").then().statusCode(200)
                .body("$", hasSize(10))
                .body("title.pt", contains(
                        "A cada venda expirada na Hotmart, criar ou atualizar lead na Kommo",
                        "A cada venda cancelada na Hotmart, criar ou atualizar lead na Kommo",
                        "A cada carrinho abandonado na Hotmart, criar ou atualizar lead na Kommo",
                        "A cada venda aprovada na Hotmart, criar ou atualizar lead na Kommo",
                        "A cada venda criada na Hotmart, criar ou atualizar lead na Kommo",
                        "Quando uma assinatura for criada na Hotmart, criar ou atualizar lead na Kommo",
                        "Quando uma assinatura for cancelada na Hotmart, criar ou atualizar lead na Kommo",
                        "A cada venda reembolsada na Hotmart, criar ou atualizar lead na Kommo",
                        "Quando um pedido de reembolso for feito na Hotmart, criar ou atualizar lead na Kommo",
                        "A cada venda completa na Hotmart, criar ou atualizar lead na Kommo"));
        given().when().get("/api/v1/templates/purchase_approved_to_kommo_lead").then().statusCode(200)
                .body("trigger.label.pt", equalTo("Venda aprovada"))
                .body("action.label.pt", equalTo("Criar ou atualizar lead"))
                .body("mapping.'lead.name'", equalTo("{{buyer.name}}"));
        given().when().get("/api/v1/templates/nao_existe").then().statusCode(404);
    }

    @Test
    void everyTemplatesDefaultMappingFillsTheActionFromEverySampleOfItsTrigger() {
        ConnectorDescriptor hotmart = connectors.descriptor("hotmart").orElseThrow();
        int checked = 0;
        for (AutomationTemplate template : templates.all()) {
            TriggerDefinition trigger = hotmart.trigger(template.trigger().key()).orElseThrow();
            var action = connectors.descriptor("kommo").orElseThrow().action(template.action().key()).orElseThrow();
            assertFalse(trigger.samples().isEmpty(), template.key());
            for (SampleEvent sample : trigger.samples()) {
                WebhookOutcome outcome = hotmart.webhooks().orElseThrow()
                        .receive(WebhookRequest.post(sample.headers(), sample.body()), hottok(sample));
                TriggerEvent event = assertInstanceOf(WebhookOutcome.Events.class, outcome, sample.name()).events().stream()
                        .filter(e -> e.triggerKey().equals(trigger.key())).findFirst().orElseThrow();

                MappingResult result = MappingEngine.apply(Mapping.of(template.mapping()), action, trigger, event.values(),
                        RenderContext.brazil());

                assertInstanceOf(MappingResult.Ok.class, result, template.key() + " on " + sample.name() + ": " + result);
                checked++;
            }
        }
        assertTrue(checked >= 10, "checked " + checked + " template/sample pairs");
    }

    /** The credentials a sample was recorded with: its own hottok header. */
    private static Credentials hottok(SampleEvent sample) {
        String value = sample.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("X-HOTMART-HOTTOK"))
                .map(java.util.Map.Entry::getValue).findFirst().orElse("");
        return InMemoryCredentials.secrets(Map.of("hottok", value));
    }
}
