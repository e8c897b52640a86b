package app.ponte.server.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkspaceRotationTest {

    private static final UUID NOISY = UUID.randomUUID();

    private static RunStore.Subject subject(UUID tenant, String hash) {
        return new RunStore.Subject(tenant, hash);
    }

    @Test
    void aBacklogTakesAtMostItsShareAndOtherWorkspacesGoAtTheirTurn() throws Exception {
        WorkspaceRotation rotation = new WorkspaceRotation(2, 100);
        for (int i = 0; i < 50; i++) {
            assertTrue(rotation.offer(subject(NOISY, "noisy-" + i)));
        }
        UUID quiet = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        rotation.offer(subject(quiet, "quiet-1"));
        rotation.offer(subject(other, "other-1"));

        List<RunStore.Subject> taken = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            taken.add(rotation.take());
        }
        // the noisy workspace's two, then the others in the order they came; never a third noisy one
        assertEquals(List.of("noisy-0", "quiet-1", "other-1", "noisy-1"), taken.stream().map(RunStore.Subject::hash).toList());
        CompletableFuture<RunStore.Subject> fifth = CompletableFuture.supplyAsync(() -> {
            try {
                return rotation.take();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertFalse(fifth.isDone(), "both of the noisy workspace's threads are busy: its third subject waits");

        // a newcomer goes ahead of the backlog
        rotation.offer(subject(UUID.randomUUID(), "newcomer"));
        assertEquals("newcomer", fifth.get(5, TimeUnit.SECONDS).hash());

        rotation.done(taken.get(0));
        assertEquals("noisy-2", rotation.take().hash(), "a finished subject frees its workspace's turn");
        assertEquals(52, rotation.size(), "53 offered, one done: the rest waiting or taken");
    }

    @Test
    void aWorkspaceIsVisitedInRotationNotDrainedFirst() throws Exception {
        WorkspaceRotation rotation = new WorkspaceRotation(8, 100);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            rotation.offer(subject(a, "a" + i));
        }
        for (int i = 0; i < 3; i++) {
            rotation.offer(subject(b, "b" + i));
        }
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            order.add(rotation.take().hash());
        }
        assertEquals(List.of("a0", "b0", "a1", "b1", "a2", "b2"), order);
    }

    @Test
    void fullMeansTheCallerHandlesItAndClosedReleasesIdleThreads() throws Exception {
        WorkspaceRotation rotation = new WorkspaceRotation(1, 2);
        assertTrue(rotation.offer(subject(UUID.randomUUID(), "1")));
        assertTrue(rotation.offer(subject(UUID.randomUUID(), "2")));
        assertFalse(rotation.offer(subject(UUID.randomUUID(), "3")), "beyond capacity");
        rotation.take();
        rotation.take();
        CompletableFuture<Void> idle = CompletableFuture.runAsync(() -> assertThrows(InterruptedException.class, rotation::take));
        Thread.sleep(50);
        rotation.close();
        idle.get(5, TimeUnit.SECONDS);
    }
}
