package app.ponte.kommo.simulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/** Injected faults (§2): the next {@code times} matching requests get this answer (and/or a delay). */
public final class Faults {
    /** One armed fault; {@code status} 0 means "only delay, then answer normally". */
    public record Fault(String method, Pattern path, int status, String body, String contentType, int times,
                        long delayMs) {
    }

    private final List<Fault> armed = new ArrayList<>();

    synchronized void add(Fault fault) {
        armed.add(fault);
    }

    synchronized void clear() {
        armed.clear();
    }

    synchronized int size() {
        return armed.size();
    }

    /** Consumes one use of the first fault matching the request, if any. */
    synchronized Fault take(String method, String path) {
        for (Iterator<Fault> it = armed.iterator(); it.hasNext(); ) {
            Fault f = it.next();
            boolean methodMatches = f.method() == null || f.method().equals("*") || f.method().equalsIgnoreCase(method);
            if (methodMatches && f.path().matcher(path).find()) {
                it.remove();
                if (f.times() > 1) {
                    armed.add(0, new Fault(f.method(), f.path(), f.status(), f.body(), f.contentType(), f.times() - 1,
                            f.delayMs()));
                }
                return f;
            }
        }
        return null;
    }
}
