package app.ponte.server.suggestion;

/** Where an operator's triage of a suggestion stands. */
public enum SuggestionStatus {
    NEW,
    REVIEWING,
    PLANNED,
    DECLINED
}
