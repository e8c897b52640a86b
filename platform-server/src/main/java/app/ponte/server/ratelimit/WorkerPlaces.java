package app.ponte.server.ratelimit;

import java.util.concurrent.Semaphore;

/**
 * A cap on the threads that work at once, not on the threads: a thread holding a place lends it
 * while it waits for an account — a permit of its pace, or its turn — and takes one again before
 * going on. The runner's workers hold places; a run waiting for a busy account then no longer
 * keeps a run of another account from starting, without more runs working at once.
 */
public final class WorkerPlaces {

    private static final ThreadLocal<WorkerPlaces> HELD = new ThreadLocal<>();

    private final Semaphore places;

    public WorkerPlaces(int places) {
        this.places = new Semaphore(Math.max(1, places), true);
    }

    /** A wait that may throw. */
    @FunctionalInterface
    public interface Wait<T, E extends Exception> {
        T await() throws E;
    }

    /** Takes a place for the current thread, waiting for one if all are taken; give it back with {@link #leave}. */
    public void enter() {
        places.acquireUninterruptibly();
        HELD.set(this);
    }

    /** Gives back the place the current thread took with {@link #enter}. */
    public void leave() {
        HELD.remove();
        places.release();
    }

    /**
     * Runs a wait with the current thread's place lent (when it holds one), and takes a place again
     * afterwards, however the wait ended. On a thread without a place, just runs it.
     */
    public static <T, E extends Exception> T whileWaiting(Wait<T, E> wait) throws E {
        WorkerPlaces held = HELD.get();
        if (held == null) {
            return wait.await();
        }
        // lent: a wait inside this one has no place to lend
        HELD.remove();
        held.places.release();
        try {
            return wait.await();
        } finally {
            held.places.acquireUninterruptibly();
            HELD.set(held);
        }
    }

    /** Places free now (for tests). */
    public int available() {
        return places.availablePermits();
    }
}
