package app.ponte.server.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The language of a page: an explicit choice ({@code ?lang=}, remembered in a cookie) wins, then
 * the browser's Accept-Language; Portuguese (Brazil) is the default.
 */
public final class UiLocale {

    public static final Locale PT_BR = Locale.forLanguageTag("pt-BR");
    public static final Locale EN = Locale.ENGLISH;
    static final String COOKIE = "ponte_lang";

    private UiLocale() {
    }

    public static Locale resolve(String langParameter, HttpHeaders headers) {
        return parse(langParameter)
                .or(() -> Optional.ofNullable(headers.getCookies().get(COOKIE)).flatMap(c -> parse(c.getValue())))
                .or(() -> fromAcceptLanguage(headers.getAcceptableLanguages()))
                .orElse(PT_BR);
    }

    /** The cookie that remembers an explicit choice, if one was made. */
    public static Optional<NewCookie> rememberChoice(String langParameter) {
        return parse(langParameter).map(locale -> new NewCookie.Builder(COOKIE)
                .value(locale.toLanguageTag())
                .path("/")
                .maxAge(365 * 24 * 3600)
                .sameSite(NewCookie.SameSite.LAX)
                .build());
    }

    private static Optional<Locale> parse(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        return supported(Locale.forLanguageTag(tag.trim()));
    }

    private static Optional<Locale> fromAcceptLanguage(List<Locale> acceptable) {
        return acceptable.stream().map(UiLocale::supported).flatMap(Optional::stream).findFirst();
    }

    private static Optional<Locale> supported(Locale locale) {
        return switch (locale.getLanguage()) {
            case "pt" -> Optional.of(PT_BR);
            case "en" -> Optional.of(EN);
            default -> Optional.empty();
        };
    }
}
