package app.ponte.stack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @TempDir
    Path dir;

    @Test
    void startsRestartsOnTheSamePortAndStopsWithoutLeavingAProcess() {
        try (KafkaBroker broker = KafkaBroker.onFreePorts(dir)) {
            broker.start();
            assertTrue(Ports.isOpen(broker.port()));
            assertTrue(Files.exists(dir.resolve("logs/meta.properties")), "storage was formatted");
            long firstPid = broker.process().orElseThrow().pid();

            broker.restart();
            assertTrue(Ports.isOpen(broker.port()));
            long secondPid = broker.process().orElseThrow().pid();

            broker.stop();
            assertFalse(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false));
            assertFalse(ProcessHandle.of(secondPid).map(ProcessHandle::isAlive).orElse(false));
            assertFalse(Ports.isOpen(broker.port()));
        }
    }

    @Test
    void clusterIdsAreKafkaStyleBase64() {
        String id = KafkaBroker.clusterId();
        assertTrue(id.matches("[A-Za-z0-9_][A-Za-z0-9_-]{21}"), id);
    }
}
