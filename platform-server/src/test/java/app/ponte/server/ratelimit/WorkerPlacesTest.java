package app.ponte.server.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkerPlacesTest {

    @Test
    void aThreadWaitingForAnAccountLendsItsPlaceAndTakesOneAgainAfterwards() throws Exception {
        WorkerPlaces places = new WorkerPlaces(1);
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            places.enter();
            try {
                WorkerPlaces.whileWaiting(() -> {
                    waiting.countDown();
                    return release.await(10, TimeUnit.SECONDS);
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                places.leave();
            }
        });
        waiter.start();
        assertTrue(waiting.await(10, TimeUnit.SECONDS));

        // the only place is lent: another thread works meanwhile
        assertEquals(1, places.available());
        places.enter();
        try {
            assertEquals(0, places.available());
        } finally {
            places.leave();
        }
        release.countDown();
        waiter.join(10_000);
        assertEquals(1, places.available(), "every place given back once");
    }

    @Test
    void aWaitInsideAWaitLendsNothingMoreAndAFailedWaitStillTakesThePlaceBack() {
        WorkerPlaces places = new WorkerPlaces(2);
        places.enter();
        try {
            int inside = WorkerPlaces.whileWaiting(() -> WorkerPlaces.whileWaiting(places::available));
            assertEquals(2, inside, "one place lent, not two");
            assertThrows(IllegalStateException.class, () -> WorkerPlaces.<Void, IllegalStateException>whileWaiting(() -> {
                throw new IllegalStateException("no permit");
            }));
            assertEquals(1, places.available(), "the place was taken back");
        } finally {
            places.leave();
        }
        assertEquals(2, places.available());
    }

    @Test
    void onAThreadWithoutAPlaceTheWaitJustRuns() {
        WorkerPlaces places = new WorkerPlaces(1);
        AtomicInteger ran = new AtomicInteger();
        WorkerPlaces.whileWaiting(ran::incrementAndGet);
        assertEquals(1, ran.get());
        assertEquals(1, places.available());
    }
}
