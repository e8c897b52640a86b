package app.ponte.server.testing;

import java.net.CookieHandler;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps cookies per host and port, and sends Secure cookies over http://localhost as browsers do
 * (localhost is a secure context); the JDK's CookieManager never sends them over http.
 */
public final class LocalhostCookieJar extends CookieHandler {
    private final Map<String, Map<String, String>> cookies = new HashMap<>();

    @Override
    public synchronized Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) {
        Map<String, String> jar = cookies.getOrDefault(uri.getHost() + ":" + uri.getPort(), Map.of());
        if (jar.isEmpty()) {
            return Map.of();
        }
        return Map.of("Cookie", List.of(String.join("; ", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())));
    }

    @Override
    public synchronized void put(URI uri, Map<String, List<String>> headers) {
        Map<String, String> jar = cookies.computeIfAbsent(uri.getHost() + ":" + uri.getPort(), k -> new LinkedHashMap<>());
        headers.forEach((name, values) -> {
            if ("Set-Cookie".equalsIgnoreCase(name)) {
                for (String value : values) {
                    String pair = value.split(";", 2)[0];
                    int eq = pair.indexOf('=');
                    String cookie = pair.substring(0, eq).trim();
                    String content = pair.substring(eq + 1).trim();
                    boolean expired = value.toLowerCase(Locale.ROOT).contains("max-age=0") || content.isEmpty();
                    if (expired) {
                        jar.remove(cookie);
                    } else {
                        jar.put(cookie, content);
                    }
                }
            }
        });
    }
}
