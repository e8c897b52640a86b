package app.ponte.testkit;

import app.ponte.api.catalog.CatalogView;
import app.ponte.api.catalog.CatalogView.FieldView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What saved automations depend on: trigger and action keys, field keys with their types, and the
 * set of required inputs. Anything else (labels, order, new optional fields) may change freely.
 */
final class CatalogCompatibility {

    private CatalogCompatibility() {
    }

    static List<String> breakingChanges(CatalogView before, CatalogView after) {
        List<String> problems = new ArrayList<>();
        Map<String, CatalogView.TriggerView> triggers = byKey(after.triggers(), CatalogView.TriggerView::key);
        for (CatalogView.TriggerView old : before.triggers()) {
            CatalogView.TriggerView now = triggers.get(old.key());
            if (now == null) {
                problems.add("trigger " + old.key() + " removed");
                continue;
            }
            compareFields("trigger " + old.key() + " output", old.outputs(), now.outputs(), false, problems);
            compareFields("trigger " + old.key() + " setting", old.settings(), now.settings(), true, problems);
        }
        Map<String, CatalogView.ActionView> actions = byKey(after.actions(), CatalogView.ActionView::key);
        for (CatalogView.ActionView old : before.actions()) {
            CatalogView.ActionView now = actions.get(old.key());
            if (now == null) {
                problems.add("action " + old.key() + " removed");
                continue;
            }
            compareFields("action " + old.key() + " input", old.inputs(), now.inputs(), true, problems);
            compareFields("action " + old.key() + " output", old.outputs(), now.outputs(), false, problems);
        }
        return problems;
    }

    private static void compareFields(String where, List<FieldView> before, List<FieldView> after, boolean inputs,
            List<String> problems) {
        Map<String, FieldView> now = byKey(after, FieldView::key);
        for (FieldView old : before) {
            FieldView field = now.get(old.key());
            if (field == null) {
                problems.add(where + " " + old.key() + " removed or renamed");
            } else if (!field.type().equals(old.type())) {
                problems.add(where + " " + old.key() + " changed type " + old.type() + " -> " + field.type());
            }
        }
        if (inputs) {
            Map<String, FieldView> old = byKey(before, FieldView::key);
            after.stream().filter(FieldView::required)
                    .filter(f -> old.get(f.key()) == null || !old.get(f.key()).required())
                    .forEach(f -> problems.add(where + " " + f.key() + " became required"));
        }
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> a));
    }
}
