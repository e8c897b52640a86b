package app.ponte.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules every page template (module web-ui) keeps, read from the sources: nothing inline that the
 * Content-Security-Policy ({@link SecurityHeaders}) would block, and a label for every form control.
 */
class TemplateRulesTest {

    private static final Path TEMPLATES = Path.of("../web-ui/src/main/resources/templates");
    private static final Pattern CONTROL = Pattern.compile("<(input|select|textarea)\\b([^>]*)>");
    private static final Pattern LABEL_FOR = Pattern.compile("<label[^>]*\\bfor=\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");

    @Test
    void templatesHaveNoInlineScriptsStylesOrHandlers() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : templates()) {
            String page = Files.readString(file);
            Matcher inline = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>|<style\\b|\\sstyle=\"|\\son[a-z]+=\"|hx-on|javascript:")
                    .matcher(page);
            while (inline.find()) {
                found.add(TEMPLATES.relativize(file) + ": " + inline.group());
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void everyFormControlHasALabel() throws IOException {
        List<String> unlabelled = new ArrayList<>();
        for (Path file : templates()) {
            String page = Files.readString(file);
            Set<String> labelled = new HashSet<>();
            LABEL_FOR.matcher(page).results().forEach(m -> labelled.add(m.group(1)));
            Matcher control = CONTROL.matcher(page);
            while (control.find()) {
                String attributes = control.group(2);
                if (attributes.matches("(?s).*type=\"(hidden|submit|button)\".*") || attributes.contains("aria-label")) {
                    continue;
                }
                String before = page.substring(0, control.start());
                boolean insideLabel = before.lastIndexOf("<label") > before.lastIndexOf("</label>");
                Matcher id = ID.matcher(attributes);
                if (!insideLabel && !(id.find() && labelled.contains(id.group(1)))) {
                    unlabelled.add(TEMPLATES.relativize(file) + ": " + control.group().strip());
                }
            }
        }
        assertEquals(List.of(), unlabelled);
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            List<Path> html = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
            assertFalse(html.isEmpty(), "templates under " + TEMPLATES.toAbsolutePath());
            return html;
        }
    }
}
