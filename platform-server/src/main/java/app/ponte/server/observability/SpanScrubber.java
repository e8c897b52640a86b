package app.ponte.server.observability;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps secrets and personal data out of exported spans. The HTTP server instrumentation records
 * the request's path, query and client address when a span starts; here, before anything is
 * exported, the webhook token in {@code /hooks/{connector}/{token}} is replaced, query strings (an
 * OAuth callback's {@code code} and {@code state}) are dropped to a marker, and client addresses
 * (the browser user's IP address is personal data under the LGPD) are blanked. Ponte's own spans
 * never carry more than ids, methods, hosts, paths and statuses ({@code SubjectWorkers},
 * {@code RecordingHttpClient}).
 */
@ApplicationScoped
public class SpanScrubber implements SpanProcessor {

    static final String REDACTED = "redacted";
    private static final Pattern HOOK = Pattern.compile("^(/hooks/[^/]+/)[^/?]+");
    private static final List<AttributeKey<String>> PATHS = List.of(AttributeKey.stringKey("url.path"),
            AttributeKey.stringKey("http.target"));
    private static final List<AttributeKey<String>> REMOVED = List.of(AttributeKey.stringKey("url.query"),
            AttributeKey.stringKey("url.full"), AttributeKey.stringKey("http.url"), AttributeKey.stringKey("client.address"),
            AttributeKey.stringKey("network.peer.address"), AttributeKey.stringKey("http.client_ip"),
            AttributeKey.stringKey("net.sock.peer.addr"));

    @Override
    public void onStart(Context parent, ReadWriteSpan span) {
        for (AttributeKey<String> key : PATHS) {
            String value = span.getAttribute(key);
            if (value != null) {
                span.setAttribute(key, scrubPath(value));
            }
        }
        for (AttributeKey<String> key : REMOVED) {
            if (span.getAttribute(key) != null) {
                span.setAttribute(key, REDACTED);
            }
        }
    }

    /** The path without its query string, and a webhook path without its token. */
    static String scrubPath(String path) {
        int query = path.indexOf('?');
        String bare = query < 0 ? path : path.substring(0, query);
        return HOOK.matcher(bare).replaceFirst("$1{token}");
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        // attributes are fixed by now; everything was scrubbed at the start
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
