package app.ponte.server.automation;

/** draft → active ↔ paused; any → deleted (kept for the run history). */
public enum AutomationStatus {
    DRAFT,
    ACTIVE,
    PAUSED,
    DELETED
}
