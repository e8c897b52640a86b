package app.ponte.server.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The public catalog serves Kommo's action with its inputs and required flags, and the trigger's 12 page fields. */
@QuarkusTest
class KommoCatalogApiTest {

    @Test
    void servesTheActionWithThePagesInputsAndTheirRequiredFlags() {
        given().when().get("/api/v1/connectors/kommo")
                .then().statusCode(200)
                .body("actions.key", contains("create_or_update_lead"))
                .body("actions[0].label.pt", equalTo("Criar ou atualizar lead"))
                .body("actions[0].inputs.label.pt", hasItems("Nome do lead", "Valor da venda",
                        "Critério de atualização de contatos do lead", "Atualização de empresas", "Nome da empresa"))
                .body("actions[0].inputs.find { it.label.pt == 'Nome do lead' }.required", equalTo(true))
                .body("actions[0].inputs.find { it.label.pt == 'Valor da venda' }.required", equalTo(true))
                .body("actions[0].inputs.find { it.label.pt == 'Nome da empresa' }.required", equalTo(false));
    }

    @Test
    void servesTheTriggerWithTheTwelveFieldsOfThePage() {
        given().when().get("/api/v1/connectors/kommo")
                .then().statusCode(200)
                .body("triggers.key", contains("lead_status_changed"))
                .body("triggers[0].label.pt", equalTo("Lead alcançou uma etapa"))
                .body("triggers[0].outputs.label.pt", hasItems("Lead: Nome", "Lead: Preço", "Lead: Foi deletado?",
                        "Lead: Pontuação", "Lead: Custo do trabalho", "Lead: Preço foi computado?",
                        "Lead: Data de criação do lead", "Lead: Data de atualização", "Lead: Nome inteiro do contato",
                        "Lead: Primeiro nome do contato", "Lead: Sobrenome do contato", "Lead: Nome da empresa do contato"))
                .body("triggers[0].settings.key", contains("pipeline_id", "status_id"))
                .body("triggers[0].subscribesAtVendor", equalTo(true))
                .body("triggers[0].enriched", equalTo(true));
    }
}
