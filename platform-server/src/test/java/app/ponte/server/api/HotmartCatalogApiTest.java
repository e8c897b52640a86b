package app.ponte.server.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The public catalog serves, for each of Hotmart's eleven triggers, every field label the product
 * page lists under it (the page as copied into connector-hotmart's test resources).
 */
@QuarkusTest
class HotmartCatalogApiTest {

    private static final Path PAGE = Path.of("../connector-hotmart/src/test/resources/seed/hotmart-kommo-integration-page.txt");

    @Test
    void servesEveryLabelThePageListsUnderEachHotmartTrigger() throws IOException {
        Map<String, List<String>> page = hotmartTriggersOnThePage();
        JsonPath catalog = given().when().get("/api/v1/connectors/hotmart").then().statusCode(200).extract().jsonPath();

        assertEquals(11, page.size(), page.keySet().toString());
        for (Map.Entry<String, List<String>> trigger : page.entrySet()) {
            List<String> served = catalog.getList("triggers.find { it.label.pt == '" + trigger.getKey() + "' }.outputs.label.pt");
            assertTrue(served != null && served.containsAll(trigger.getValue()),
                    trigger.getKey() + " lacks " + (served == null ? trigger.getValue()
                            : trigger.getValue().stream().filter(l -> !served.contains(l)).toList()));
        }
    }

    /** Trigger name → its field labels: a name line, a "…na HotmartGatilho" line, then labels until the next block. */
    private static Map<String, List<String>> hotmartTriggersOnThePage() throws IOException {
        List<String> lines = Files.readAllLines(PAGE, StandardCharsets.UTF_8);
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i + 1).endsWith("Gatilho") || lines.get(i + 1).endsWith("Ação")) {
                starts.add(i);
            }
        }
        Map<String, List<String>> triggers = new LinkedHashMap<>();
        for (int s = 0; s < starts.size(); s++) {
            int start = starts.get(s);
            if (lines.get(start + 1).endsWith("na HotmartGatilho")) {
                int end = s + 1 < starts.size() ? starts.get(s + 1) : lines.size();
                triggers.put(lines.get(start), List.copyOf(lines.subList(start + 2, end)));
            }
        }
        return triggers;
    }
}
