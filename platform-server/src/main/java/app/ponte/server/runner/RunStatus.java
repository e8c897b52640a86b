package app.ponte.server.runner;

/** Where a run stands. The first four are open (the run still holds its subject's queue); the last three are final. */
public enum RunStatus {
    /** waiting for its turn in its subject's queue */
    QUEUED,
    /** being executed by a worker (which holds a lease on it) */
    RUNNING,
    /** a retryable failure (or Ponte's pacing) put it off until its next attempt time */
    RETRYING,
    /** its connection needs reconnecting; it resumes by itself once the tenant reconnects */
    PARKED,
    SUCCEEDED,
    /** the automation's filter or trigger settings did not accept the event: nothing was done */
    FILTERED,
    FAILED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FILTERED || this == FAILED;
    }
}
