package app.ponte.kommo.simulator;

import java.util.ArrayList;
import java.util.List;

/** A webhook subscription of an account (§5.9) and its recent invalid attempts (§6). */
public final class Webhook {
    public long id;
    public String destination;
    public long createdAt;
    public long updatedAt;
    public long createdBy;
    public int sort;
    public boolean disabled;
    public List<String> settings = new ArrayList<>();
    /** Simulated times of invalid delivery attempts, pruned to the disable window. */
    public List<Long> invalidAttempts = new ArrayList<>();
}
