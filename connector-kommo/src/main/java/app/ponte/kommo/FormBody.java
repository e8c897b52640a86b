package app.ponte.kommo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * PHP {@code http_build_query} bodies (Kommo webhooks) as nested maps: {@code leads[status][0][id]=1}
 * becomes {@code {leads={status={0={id=1}}}}}. Keys and values are percent-decoded as UTF-8 ({@code +} is a
 * space); brackets may come encoded or literal; indices stay string keys in arrival order, so sparse
 * indices and any key order work. Unknown keys are kept.
 */
final class FormBody {

    private FormBody() {
    }

    /** @throws IllegalArgumentException for a bad percent-escape, an unbalanced key or a body with no pairs */
    static Map<String, Object> parse(String body) {
        Map<String, Object> root = new LinkedHashMap<>();
        String trimmed = body.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("{") || trimmed.startsWith("[") || trimmed.startsWith("<")) {
            throw new IllegalArgumentException("not a form-encoded body");
        }
        for (String pair : trimmed.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            put(root, key, value);
        }
        if (root.isEmpty()) {
            throw new IllegalArgumentException("no key=value pairs");
        }
        return root;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, String key, String value) {
        int open = key.indexOf('[');
        String head = open < 0 ? key : key.substring(0, open);
        if (head.isEmpty()) {
            throw new IllegalArgumentException("key without a name");
        }
        java.util.List<String> path = new java.util.ArrayList<>();
        path.add(head);
        int i = open;
        while (i >= 0 && i < key.length()) {
            if (key.charAt(i) != '[') {
                throw new IllegalArgumentException("unbalanced brackets in a key");
            }
            int close = key.indexOf(']', i);
            if (close < 0) {
                throw new IllegalArgumentException("unbalanced brackets in a key");
            }
            path.add(key.substring(i + 1, close));
            i = close + 1;
        }
        Map<String, Object> node = root;
        for (int p = 0; p < path.size() - 1; p++) {
            String segment = path.get(p).isEmpty() ? Integer.toString(node.size()) : path.get(p);
            Object child = node.get(segment);
            if (!(child instanceof Map)) {
                child = new LinkedHashMap<String, Object>();
                node.put(segment, child);
            }
            node = (Map<String, Object>) child;
        }
        String last = path.get(path.size() - 1);
        node.put(last.isEmpty() ? Integer.toString(node.size()) : last, value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static Optional<String> text(Map<String, Object> node, String key) {
        return node.get(key) instanceof String s && !s.isBlank() ? Optional.of(s.strip()) : Optional.empty();
    }
}
