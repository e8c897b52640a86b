package app.ponte.server.suggestion;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A suggestion as the operators' page shows it. */
public record SuggestionView(UUID id, Instant createdAt, String name, String email, List<String> tools, String useCase,
        String language, SuggestionStatus status, Instant statusChangedAt) {

    static SuggestionView of(Suggestion suggestion) {
        return new SuggestionView(suggestion.id, suggestion.createdAt, suggestion.name, suggestion.email,
                List.copyOf(suggestion.tools), suggestion.useCase, suggestion.language, suggestion.status,
                suggestion.statusChangedAt);
    }
}
