package app.ponte.benchmark;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** The Kommo simulator's control API (/__sim, kommo-simulator/README.md): its rate limit and its request log. */
final class SimulatorControl {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SimulatorControl(URI base) {
        this.base = base;
    }

    /** Kommo's per-account limit at the simulator: 0 = off; Kommo's real one is 7. */
    void rateLimit(int perSecond) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/__sim/config"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"rate_limit_per_second\":" + perSecond + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the simulator refused the config: " + response.body());
        }
    }

    /**
     * The API calls to one account in the request log after {@code since}: by status, with the
     * first and last second they arrived in, and the most accepted in any one second.
     */
    record Calls(long lastSeq, Map<Integer, Long> byStatus, long firstSecond, long lastSecond, long busiestSecond) {

        long total() {
            return byStatus.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Reads the log as a stream (it may hold up to 50,000 entries), keeping only counts. */
    Calls calls(String subdomain, long since) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(base.resolve("/__sim/requests?since=" + since)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        Map<Integer, Long> byStatus = new TreeMap<>();
        Map<Long, Long> perSecond = new TreeMap<>();
        long lastSeq = since;
        long first = Long.MAX_VALUE;
        long last = 0;
        try (JsonParser parser = JSON.getFactory().createParser(response.body())) {
            while (parser.nextToken() != null && !(parser.currentToken() == JsonToken.FIELD_NAME && "requests".equals(parser.currentName()))) {
                // up to the log's array
            }
            parser.nextToken(); // [
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode entry = JSON.readTree(parser);
                lastSeq = Math.max(lastSeq, entry.path("seq").asLong());
                if (subdomain.equals(entry.path("account").asText()) && entry.path("path").asText().startsWith("/api/v4")) {
                    int status = entry.path("status").asInt();
                    long second = entry.path("time").asLong();
                    byStatus.merge(status, 1L, Long::sum);
                    if (status / 100 == 2) {
                        perSecond.merge(second, 1L, Long::sum);
                    }
                    first = Math.min(first, second);
                    last = Math.max(last, second);
                }
            }
        }
        long busiest = perSecond.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return new Calls(lastSeq, byStatus, first == Long.MAX_VALUE ? 0 : first, last, busiest);
    }
}
