package app.ponte.hotmart.fields;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Hotmart webhook body, parsed once and read with JSONPath. JSON numbers with a fraction are
 * read as {@link java.math.BigDecimal} (exactly as sent, never through {@code double}); whole
 * numbers as Integer, Long or BigInteger.
 */
public final class HotmartPayload {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Configuration PATHS = Configuration.builder()
            .jsonProvider(new JacksonJsonProvider(JSON))
            .mappingProvider(new JacksonMappingProvider(JSON))
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();

    private final Map<String, Object> root;
    private final DocumentContext document;

    private HotmartPayload(Map<String, Object> root) {
        this.root = root;
        this.document = JsonPath.using(PATHS).parse(root);
    }

    /**
     * The JSON tree of {@code body} (a Map, List, String, Number, Boolean or null), or empty when the
     * body is not one JSON value.
     */
    public static Optional<Object> parseJson(String body) {
        try {
            return Optional.of(Optional.ofNullable(JSON.readValue(body, Object.class)).orElse(JsonNull.INSTANCE));
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

    public static HotmartPayload of(Map<String, Object> root) {
        return new HotmartPayload(root);
    }

    /** A top-level member of the body (e.g. {@code id}, {@code event}), or null. */
    public Object member(String name) {
        return root.get(name);
    }

    /**
     * The value at {@code path}, or null when absent. An indefinite path (a filter such as
     * {@code commissions[?(@.source=='PRODUCER')]}) yields its first match.
     */
    public Object read(JsonPath path) {
        Object value = document.read(path);
        if (!path.isDefinite() && value instanceof List<?> matches) {
            return matches.isEmpty() ? null : matches.get(0);
        }
        return value;
    }

    /** Stands for the JSON literal {@code null} as a whole body (valid JSON, but not an object). */
    public enum JsonNull {
        INSTANCE
    }
}
