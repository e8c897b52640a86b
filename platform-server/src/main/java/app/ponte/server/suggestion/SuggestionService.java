package app.ponte.server.suggestion;

import app.ponte.api.ConnectorDescriptor;
import app.ponte.server.connector.ConnectorService;
import app.ponte.server.ratelimit.RateLimiters;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The suggestions of the public form: checks and stores them (at most a few per IP address and
 * period, shared by every server instance through the rate limiter's table), and lets operators
 * list and triage them. Logs never carry the sender's e-mail address or IP address.
 */
@ApplicationScoped
public class SuggestionService {

    private static final Logger LOG = Logger.getLogger(SuggestionService.class);

    /** How a submission ended. */
    public sealed interface Outcome {
        record Stored(UUID id) implements Outcome {
        }

        record Invalid(FormErrors errors) implements Outcome {
        }

        /** The sender's IP address sent its allowance for the period already. */
        record RateLimited() implements Outcome {
        }
    }

    /** A page of suggestions, newest first. */
    public record Listing(List<SuggestionView> suggestions, int page, boolean hasMore) {
    }

    static final int PAGE_SIZE = 50;

    private final ConnectorService connectors;
    private final RateLimiters rateLimiters;
    private final SuggestionConfig config;

    SuggestionService(ConnectorService connectors, RateLimiters rateLimiters, SuggestionConfig config) {
        this.connectors = connectors;
        this.rateLimiters = rateLimiters;
        this.config = config;
    }

    /**
     * Validates the form, takes a permit for the sender's address, and stores the suggestion.
     * Invalid forms take no permit: a visitor correcting a typo is not a spammer.
     */
    public Outcome submit(SuggestionForm form, Locale language, String clientAddress) {
        Map<String, ConnectorDescriptor> catalog = connectors.descriptors().stream()
                .collect(Collectors.toMap(ConnectorDescriptor::id, Function.identity()));
        FormErrors errors = form.validate(catalog.keySet());
        if (!errors.isEmpty()) {
            return new Outcome.Invalid(errors);
        }
        // Outside any transaction: the limiter commits its bucket on a connection of its own.
        if (!rateLimiters.tryTake("suggestion:ip:" + clientAddress, config.perIpLimit(), config.perIpPeriod())) {
            LOG.infof("suggestion refused: the sender's address reached %d per %s", config.perIpLimit(), config.perIpPeriod());
            return new Outcome.RateLimited();
        }
        List<String> tools = new ArrayList<>();
        form.connectors().forEach(id -> tools.add(catalog.get(id).name()));
        form.typedTools().stream().filter(t -> tools.stream().noneMatch(t::equalsIgnoreCase)).forEach(tools::add);
        Suggestion suggestion = new Suggestion();
        suggestion.id = UUID.randomUUID();
        suggestion.createdAt = Instant.now();
        suggestion.name = form.name();
        suggestion.email = form.email();
        suggestion.tools = List.copyOf(tools);
        suggestion.useCase = form.useCase();
        suggestion.language = language.toLanguageTag();
        suggestion.status = SuggestionStatus.NEW;
        QuarkusTransaction.requiringNew().run(suggestion::persist);
        LOG.infof("suggestion %s received: %d tool(s), sender's e-mail at %s", suggestion.id, tools.size(), domainOf(form.email()));
        return new Outcome.Stored(suggestion.id);
    }

    /** The suggestions in {@code status} (all when empty), newest first, {@value #PAGE_SIZE} per page from 0. */
    @Transactional
    public Listing list(Optional<SuggestionStatus> status, int page) {
        Sort newestFirst = Sort.descending("createdAt", "seq");
        var query = status.isPresent()
                ? Suggestion.<Suggestion>find("status", newestFirst, status.get())
                : Suggestion.<Suggestion>findAll(newestFirst);
        List<Suggestion> rows = query.page(Page.of(Math.max(page, 0), PAGE_SIZE + 1)).list();
        // one more than a page was asked for: its presence says whether an older page exists
        boolean hasMore = rows.size() > PAGE_SIZE;
        return new Listing(rows.stream().limit(PAGE_SIZE).map(SuggestionView::of).toList(), Math.max(page, 0), hasMore);
    }

    /** @return false when no suggestion has this id */
    @Transactional
    public boolean triage(UUID id, SuggestionStatus status, UUID operatorId) {
        Suggestion suggestion = Suggestion.findById(id);
        if (suggestion == null) {
            return false;
        }
        if (suggestion.status != status) {
            LOG.infof("suggestion %s: %s -> %s by operator %s", id, suggestion.status, status, operatorId);
            suggestion.status = status;
            suggestion.statusChangedAt = Instant.now();
            suggestion.statusChangedBy = operatorId;
        }
        return true;
    }

    /** The part of an address after the {@code @}: enough to see a pattern, not enough to reach anyone. */
    static String domainOf(String email) {
        int at = email.lastIndexOf('@');
        return at < 0 ? "?" : email.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
