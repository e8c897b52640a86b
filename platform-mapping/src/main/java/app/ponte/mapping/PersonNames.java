package app.ponte.mapping;

import java.util.Locale;
import java.util.Set;

/** Splitting and capitalising people's names the way Brazilian tools (Pluga) do. */
final class PersonNames {

    /** Particles that stay lower-case inside a name ("Maria da Silva e Souza"). */
    private static final Set<String> PARTICLES = Set.of("da", "de", "do", "dos", "das", "e");

    private PersonNames() {
    }

    /** Whitespace collapsed to single spaces, trimmed. */
    static String normalise(String name) {
        return name.strip().replaceAll("\\s+", " ");
    }

    /** The first word: "Maria da Silva Santos" → "Maria". */
    static String first(String name) {
        String normal = normalise(name);
        int space = normal.indexOf(' ');
        return space < 0 ? normal : normal.substring(0, space);
    }

    /** Everything after the first word: "Maria da Silva Santos" → "da Silva Santos"; one word → "". */
    static String last(String name) {
        String normal = normalise(name);
        int space = normal.indexOf(' ');
        return space < 0 ? "" : normal.substring(space + 1);
    }

    /**
     * Each word with its first letter upper-case and the rest lower-case; the particles da, de, do,
     * dos, das and e stay lower-case unless first. Hyphenated and apostrophe parts are capitalised
     * too ("ana-maria d'ávila" → "Ana-Maria D'Ávila").
     */
    static String capitalize(String text) {
        String normal = normalise(text);
        if (normal.isEmpty()) {
            return normal;
        }
        String[] words = normal.split(" ");
        StringBuilder out = new StringBuilder(normal.length());
        for (int i = 0; i < words.length; i++) {
            String lower = words[i].toLowerCase(Locale.ROOT);
            if (i > 0) {
                out.append(' ');
            }
            out.append(i > 0 && PARTICLES.contains(lower) ? lower : capitalizeWord(lower));
        }
        return out.toString();
    }

    private static String capitalizeWord(String lower) {
        StringBuilder out = new StringBuilder(lower.length());
        boolean start = true;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            out.appendCodePoint(start ? Character.toTitleCase(cp) : cp);
            start = cp == '-' || cp == '\'' || cp == '’';
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
