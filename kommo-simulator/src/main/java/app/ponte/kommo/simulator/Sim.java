package app.ponte.kommo.simulator;

import io.vertx.core.Vertx;

/** The shared parts every route class works with. */
record Sim(Vertx vertx, SimState state, SimClock clock, WebhookDelivery webhooks, SeqLog requests, Faults faults,
           Throttle throttle, StateStore store) {
    SimConfig config() {
        return state.config;
    }

    long now() {
        return clock.now();
    }

    /** Marks the state as changed so the state file gets rewritten. */
    void changed() {
        store.markDirty();
    }
}
