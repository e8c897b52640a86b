package app.ponte.server.suggestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The form's rules, field by field, without a server. */
class SuggestionFormTest {

    private static final Set<String> CATALOG = Set.of("hotmart", "kommo");
    private static final String USE_CASE = "Quando um aluno conclui o curso, mover o lead para a etapa de renovação.";

    @Test
    void acceptsACompleteForm() {
        SuggestionForm form = new SuggestionForm(" Ana Souza ", "ana@example.com.br", List.of("hotmart"), "Google Sheets", USE_CASE);

        assertTrue(form.validate(CATALOG).isEmpty());
        assertEquals("Ana Souza", form.name());
    }

    @Test
    void namesEveryMissingField() {
        FormErrors errors = new SuggestionForm(null, "  ", List.of(), "", null).validate(CATALOG);

        assertEquals(Map.of("name", "required", "email", "required", "tools", "required", "use_case", "required"), errors.asMap());
    }

    @Test
    void refusesAnAddressThatIsNotAnEmail() {
        for (String email : List.of("ana", "ana@", "@example.com", "ana@example", "ana souza@example.com", "ana@@example.com")) {
            assertEquals("invalid", new SuggestionForm("Ana", email, List.of("kommo"), "", USE_CASE).validate(CATALOG).code("email"),
                    email);
        }
    }

    @Test
    void enforcesTheSizeLimits() {
        FormErrors errors = new SuggestionForm("a".repeat(101), "a".repeat(250) + "@x.io", List.of(), "x".repeat(61),
                "u".repeat(4001)).validate(CATALOG);

        assertEquals(Map.of("name", "too_long", "email", "too_long", "tools", "too_long", "use_case", "too_long"), errors.asMap());
        assertEquals("too_short", new SuggestionForm("Ana", "ana@example.com", List.of("kommo"), "", "curto demais")
                .validate(CATALOG).code("use_case"));
    }

    @Test
    void acceptsTheLimitsThemselves() {
        SuggestionForm form = new SuggestionForm("a".repeat(100), "a".repeat(240) + "@example.com", List.of(),
                "x".repeat(60), "u".repeat(4000));

        assertTrue(form.validate(CATALOG).isEmpty(), form.validate(CATALOG).toString());
    }

    @Test
    void readsTypedToolsSeparatedByCommasSemicolonsOrLinesWithoutRepeats() {
        SuggestionForm form = new SuggestionForm("Ana", "ana@example.com", List.of(), " RD Station, Google Sheets;\nrd station ,, ",
                USE_CASE);

        assertEquals(List.of("RD Station", "Google Sheets"), form.typedTools());
    }

    @Test
    void refusesConnectorsOutsideTheCatalogAndMoreThanTenTools() {
        assertEquals("unknown", new SuggestionForm("Ana", "ana@example.com", List.of("pipedrive"), "", USE_CASE)
                .validate(CATALOG).code("tools"));
        assertEquals("too_many", new SuggestionForm("Ana", "ana@example.com", List.of("hotmart", "kommo"),
                "a, b, c, d, e, f, g, h, i", USE_CASE).validate(CATALOG).code("tools"));
    }
}
