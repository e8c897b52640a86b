package app.ponte.kommo.simulator;

/** The simulated clock: {@code now = wall clock + offset}, in unix seconds (contract §0). */
public final class SimClock {
    private volatile long offsetSeconds;

    /** Current simulated time in unix seconds. */
    public long now() {
        return System.currentTimeMillis() / 1000 + offsetSeconds;
    }

    public void advance(long seconds) {
        offsetSeconds += seconds;
    }

    public void set(long unixSeconds) {
        offsetSeconds = unixSeconds - System.currentTimeMillis() / 1000;
    }

    public long offset() {
        return offsetSeconds;
    }

    public void offset(long offset) {
        this.offsetSeconds = offset;
    }
}
