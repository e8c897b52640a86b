package app.ponte.hotmart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.api.field.Field;
import app.ponte.api.trigger.TriggerDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The product page (src/test/resources/seed) lists each trigger as: its name, a line "<description>Gatilho",
 * then its field labels until the next trigger or action. Every Hotmart trigger must declare exactly those
 * labels, in that order.
 */
class HotmartPageCatalogTest {

    private static final List<TriggerDefinition> TRIGGERS = new HotmartConnector().descriptor().triggers();

    /** Page trigger name → [description, labels...], Hotmart triggers only. */
    static Map<String, List<String>> pageTriggers() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/seed/hotmart-kommo-integration-page.txt"), StandardCharsets.UTF_8);
        List<Integer> starts = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i + 1).endsWith("Gatilho") || lines.get(i + 1).endsWith("Ação")) {
                starts.add(i);
            }
        }
        Map<String, List<String>> triggers = new LinkedHashMap<>();
        for (int s = 0; s < starts.size(); s++) {
            int start = starts.get(s);
            String kind = lines.get(start + 1);
            if (!kind.endsWith("na HotmartGatilho")) {
                continue;
            }
            int end = s + 1 < starts.size() ? starts.get(s + 1) : lines.size();
            List<String> block = new java.util.ArrayList<>();
            block.add(kind.substring(0, kind.length() - "Gatilho".length()));
            block.addAll(lines.subList(start + 2, end));
            triggers.put(lines.get(start), block);
        }
        return triggers;
    }

    @Test
    void declaresTheElevenTriggersThePageLists() throws IOException {
        Map<String, List<String>> page = pageTriggers();

        assertEquals(11, page.size(), "page parsing found " + page.keySet());
        assertEquals(List.copyOf(page.keySet()), TRIGGERS.stream().map(t -> t.label().pt()).toList());
    }

    @Test
    void describesEachTriggerAsThePageDoes() throws IOException {
        Map<String, List<String>> page = pageTriggers();

        for (TriggerDefinition trigger : TRIGGERS) {
            assertEquals(page.get(trigger.label().pt()).get(0), trigger.description().pt(), trigger.key());
        }
    }

    @Test
    void declaresEveryPageLabelOfEachTriggerInThePagesOrder() throws IOException {
        Map<String, List<String>> page = pageTriggers();

        for (TriggerDefinition trigger : TRIGGERS) {
            List<String> labels = page.get(trigger.label().pt());
            List<String> declared = trigger.outputs().stream().map(f -> f.label().pt()).toList();
            assertEquals(labels.subList(1, labels.size()), declared, trigger.key());
        }
    }

    @Test
    void declaresTheFieldCountsThePageLists() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        TRIGGERS.forEach(t -> counts.put(t.key(), t.outputs().size()));

        assertEquals(Map.ofEntries(Map.entry("purchase_approved", 72), Map.entry("purchase_expired", 72),
                Map.entry("purchase_delayed", 72), Map.entry("subscription_created", 28), Map.entry("purchase_canceled", 72),
                Map.entry("purchase_refunded", 72), Map.entry("refund_requested", 58), Map.entry("cart_abandoned", 4),
                Map.entry("purchase_complete", 72), Map.entry("purchase_created", 33), Map.entry("subscription_canceled", 8)), counts);
    }

    @Test
    void givesDuplicateLabelsDistinctKeysAndEveryFieldAnEnglishLabel() {
        for (TriggerDefinition trigger : TRIGGERS) {
            for (Field field : trigger.outputs()) {
                assertTrue(!field.label().en().isBlank() && !field.label().en().equals(field.label().pt())
                        || field.label().pt().equals(field.label().en()) && List.of("Hotkey", "Order Bump").contains(field.label().pt()),
                        trigger.key() + " " + field.key() + " needs an English label");
            }
        }
        TriggerDefinition approved = TRIGGERS.get(0);
        assertEquals("buyer.address.complement", keyOf(approved, "Comprador: Complemento do endereço"));
        assertEquals("buyer.checkout_address_complement", keyOf(approved, "Comprador: Complemento do endereço do checkout"));
        assertEquals("buyer.checkout_address.complement", keyOf(approved, "Comprador: Complemento do endereço (checkout)"));
        assertEquals("purchase.order_date", keyOf(approved, "Data do pedido (em AAAA-MM-DD T HH:MM:SS Z)"));
        assertEquals("purchase.order_date_br", keyOf(approved, "Data do pedido (em DD/MM/AAAA)"));
    }

    private static String keyOf(TriggerDefinition trigger, String label) {
        return trigger.outputs().stream().filter(f -> f.label().pt().equals(label)).map(Field::key).findFirst().orElseThrow();
    }
}
