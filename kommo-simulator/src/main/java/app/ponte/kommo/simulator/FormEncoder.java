package app.ponte.kommo.simulator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** PHP {@code http_build_query} style encoding, as Kommo's webhooks use (§6). */
public final class FormEncoder {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private FormEncoder() {
    }

    public static String encode(List<Map.Entry<String, String>> pairs) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> pair : pairs) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(encode(pair.getKey())).append('=').append(encode(pair.getValue()));
        }
        return out.toString();
    }

    /** Everything but {@code A-Za-z0-9-_.} becomes {@code %XX} (upper case); space becomes {@code +}. */
    public static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.') {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }
}
