package app.ponte.server.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A record sent through the application's Kafka configuration comes back from the real broker. */
@QuarkusTest
class KafkaRoundTripTest {

    @Inject
    RoundTripProbe probe;

    @Test
    void roundTripsARecordThroughTheRealBroker() throws InterruptedException {
        String value = "olá-" + UUID.randomUUID();

        probe.send(value);

        String received = null;
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); System.nanoTime() < deadline; ) {
            received = probe.received().poll(1, TimeUnit.SECONDS);
            if (value.equals(received)) {
                break;
            }
        }
        assertEquals(value, received);
    }
}
