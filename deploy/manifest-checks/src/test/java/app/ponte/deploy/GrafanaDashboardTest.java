package app.ponte.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * deploy/grafana/ponte-dashboard.json: every PromQL metric name its panels use is one Ponte
 * exports. The names are listed in deploy/grafana/exported-metrics.txt, which platform-server's
 * ExportedMetricNamesTest checks against a real scrape of /q/metrics.
 */
class GrafanaDashboardTest {

    private static final String DASHBOARD = "deploy/grafana/ponte-dashboard.json";
    private static final Set<String> PROMQL_WORDS = Set.of("sum", "min", "max", "avg", "count", "rate", "irate", "increase",
            "histogram_quantile", "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "offset",
            "topk", "bottomk", "quantile", "abs", "clamp_min", "clamp_max", "delta", "deriv", "vector", "scalar", "time", "bool",
            "max_over_time", "min_over_time", "avg_over_time", "le", "inf", "nan");
    private static final Pattern LABELS = Pattern.compile("\\{[^}]*}");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern STRING = Pattern.compile("\"[^\"]*\"");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])[a-zA-Z_:][a-zA-Z0-9_:]*");

    @Test
    void everyMetricTheDashboardQueriesIsOnePonteExports() throws IOException {
        Set<String> exported = exported();
        List<String> expressions = expressions(new ObjectMapper().readTree(Repository.read(DASHBOARD)));
        assertFalse(expressions.isEmpty(), "the dashboard has queries");
        Set<String> used = new TreeSet<>();
        expressions.forEach(expr -> used.addAll(metricNames(expr)));
        Set<String> unknown = new TreeSet<>(used);
        unknown.removeAll(exported);
        assertEquals(Set.of(), unknown, "metric names the platform does not export (deploy/grafana/exported-metrics.txt)");
    }

    @Test
    void dashboardHasThePanelsOperatorsNeed() throws IOException {
        String queries = String.join("\n", expressions(new ObjectMapper().readTree(Repository.read(DASHBOARD))));
        for (String needed : List.of("ponte_ingress_requests_total", "ponte_ingress_duration_seconds_bucket", "ponte_runs_finished_total",
                "ponte_run_attempts_total", "ponte_runs_open{status=\"PARKED\"}", "ponte_outbox_unrelayed",
                "kafka_consumer_fetch_manager_records_lag{", "status=\"429\"", "ponte_rate_limiter_wait_seconds_bucket",
                "ponte_rate_limiter_refused_total")) {
            assertTrue(queries.contains(needed), "a panel queries " + needed);
        }
    }

    @Test
    void metricNamesAreFoundInsideFunctionsAndNotConfusedWithLabelsOrFunctions() {
        assertEquals(Set.of("kafka_consumer_records_lag"),
                metricNames("max by (topic, partition) (kafka_consumer_records_lag{topic=\"ponte.trigger-events\"})"));
        assertEquals(Set.of("a_bucket", "b_total"), metricNames(
                "histogram_quantile(0.99, sum by (le) (rate(a_bucket{x=\"y\"}[$__rate_interval]))) / sum(increase(b_total[1h]))"));
    }

    static Set<String> metricNames(String expr) {
        String bare = STRING.matcher(expr).replaceAll(" ");
        bare = LABELS.matcher(bare).replaceAll(" ");
        bare = GROUPING.matcher(bare).replaceAll(" ");
        bare = RANGE.matcher(bare).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            String word = m.group();
            if (!PROMQL_WORDS.contains(word.toLowerCase()) && !word.startsWith("$")) {
                names.add(word);
            }
        }
        return names;
    }

    private static List<String> expressions(JsonNode dashboard) {
        List<String> found = new ArrayList<>();
        collect(dashboard.path("panels"), found);
        return found;
    }

    private static void collect(JsonNode panels, List<String> found) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                if (target.hasNonNull("expr")) {
                    found.add(target.get("expr").asText());
                }
            }
            collect(panel.path("panels"), found);
        }
    }

    private static Set<String> exported() {
        return Arrays.stream(Repository.read("deploy/grafana/exported-metrics.txt").split("\n")).map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(Collectors.toCollection(TreeSet::new));
    }
}
