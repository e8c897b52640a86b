package app.ponte.server.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Sends records to a test topic through SmallRye Reactive Messaging and collects what comes back. */
@ApplicationScoped
public class RoundTripProbe {

    static final String OUT = "roundtrip-out";
    static final String IN = "roundtrip-in";

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    @Channel(OUT)
    Emitter<String> emitter;

    void send(String value) {
        emitter.send(value).toCompletableFuture().join();
    }

    @Incoming(IN)
    void receive(String value) {
        received.add(value);
    }

    BlockingQueue<String> received() {
        return received;
    }
}
