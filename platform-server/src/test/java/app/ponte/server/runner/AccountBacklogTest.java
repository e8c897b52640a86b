package app.ponte.server.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountBacklogTest {

    private final AccountBacklog backlog = new AccountBacklog(1.0);

    @Test
    void anAccountWithoutDeferredRunsAdmitsEveryRun() {
        UUID account = UUID.randomUUID();
        for (int i = 0; i < 100; i++) {
            assertTrue(backlog.admit(account));
        }
    }

    @Test
    void aSaturatedAccountAdmitsAboutItsPaceAndPutsTheRestOffAtOnce() {
        UUID busy = UUID.randomUUID();
        UUID quiet = UUID.randomUUID();
        for (int i = 0; i < 500; i++) {
            backlog.defer(busy, false, Optional.empty());
        }
        long start = System.nanoTime();
        int admitted = 0;
        for (int i = 0; i < 1_000; i++) {
            admitted += backlog.admit(busy) ? 1 : 0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(admitted >= 1 && admitted <= 1 + Math.ceil(backlog.runsPerSecond * 1.5 * seconds),
                admitted + " admitted in " + seconds + " s");
        assertTrue(backlog.admit(quiet), "another account is not held by the busy one");
    }

    @Test
    void deferralsSpreadOverTheTimeTheBacklogNeeds() {
        UUID account = UUID.randomUUID();
        Duration last = Duration.ZERO;
        for (int i = 0; i < 200; i++) {
            last = backlog.defer(account, false, Optional.of(Duration.ofMillis(250)));
        }
        assertEquals(200, backlog.waiting(account));
        // the 200th run waits up to 250 ms + 200 / runsPerSecond s (random within), never less than the hint
        assertTrue(last.toMillis() >= 250 && last.toMillis() <= 250 + 200 / backlog.runsPerSecond * 1000, last.toString());
        for (int i = 0; i < 200; i++) {
            backlog.resumed(account);
        }
        assertEquals(0, backlog.waiting(account));
        assertTrue(backlog.admit(account), "a drained account admits again");
    }

    @Test
    void oneRunActsOnAnAccountAtATime() throws Exception {
        UUID account = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        assertTrue(backlog.tryAct(account, Duration.ZERO));
        java.util.concurrent.ExecutorService second = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            assertFalse(second.submit(() -> backlog.tryAct(account, Duration.ofMillis(50))).get(),
                    "a second run of the account waits its turn, and is deferred when it does not come");
            assertTrue(second.submit(() -> {
                boolean turn = backlog.tryAct(other, Duration.ZERO);
                backlog.doneActing(other);
                return turn;
            }).get(), "another account is not held back");
            java.util.concurrent.Future<Boolean> waiting = second.submit(() -> backlog.tryAct(account, Duration.ofSeconds(30)));
            backlog.doneActing(account);
            assertTrue(waiting.get(), "the waiting run gets the account once it is free");
        } finally {
            second.shutdownNow();
        }
    }
    @Test
    void anAccountIsBusyWhileARunActsOnItOrRunsArePutOffForItsPace() {
        UUID account = UUID.randomUUID();
        assertFalse(backlog.busy(account), "never used");
        assertTrue(backlog.tryAct(account, Duration.ZERO));
        assertTrue(backlog.busy(account), "a run acts on it");
        backlog.doneActing(account);
        assertFalse(backlog.busy(account), "idle again");
        backlog.defer(account, false, Optional.empty());
        assertTrue(backlog.busy(account), "a run waits for its pace");
        backlog.resumed(account);
        assertFalse(backlog.busy(account));
    }
}
