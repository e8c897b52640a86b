package app.ponte.kommo.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;

/** A bounded, sequence-numbered log of JSON entries ({@code ?since=seq} returns entries with seq &gt; since). */
public final class SeqLog {
    private final int capacity;
    private final ArrayDeque<ObjectNode> entries = new ArrayDeque<>();
    private long seq;

    SeqLog(int capacity) {
        this.capacity = capacity;
    }

    synchronized long add(ObjectNode entry) {
        seq++;
        ObjectNode withSeq = Json.object().put("seq", seq);
        withSeq.setAll(entry);
        entries.addLast(withSeq);
        if (entries.size() > capacity) {
            entries.removeFirst();
        }
        return seq;
    }

    synchronized ArrayNode since(long since) {
        ArrayNode out = Json.array();
        entries.stream().filter(e -> e.get("seq").asLong() > since).forEach(out::add);
        return out;
    }

    synchronized void clear() {
        entries.clear();
    }
}
