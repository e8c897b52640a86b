package app.ponte.mapping;

import app.ponte.mapping.MappingError.Code;
import app.ponte.mapping.MappingTemplate.Expression;
import app.ponte.mapping.MappingTemplate.Literal;
import app.ponte.mapping.MappingTemplate.Part;
import app.ponte.mapping.MappingTemplate.TransformCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The grammar (DECISIONS.md, "Mapping expressions"):
 *
 * <pre>
 * template   := ( literal | "{{" ws key ws ( "|" ws call ws )* "}}" )*
 * key        := segment ( "." segment )*        segment := [a-z][a-z0-9]*(_[a-z0-9]+)*
 * call       := name ( ws ":" ws string ( ws "," ws string )* )?
 * string     := '"' ( any char but '"' and '\' | '\"' | '\\' )* '"'
 * </pre>
 *
 * <p>A {@code }}} outside a block is literal text. Nothing else is recognised: no method calls, no
 * nested blocks, no filters with code; anything else is an error with its position.
 */
final class MappingParser {

    /** Longest template accepted (a CRM field is far shorter; this keeps rendering cheap). */
    static final int MAX_LENGTH = 10_000;
    /** Most expressions in one template. */
    static final int MAX_EXPRESSIONS = 100;

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*(\\.[a-z][a-z0-9]*(_[a-z0-9]+)*)*");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final String text;
    private final TransformRegistry transforms;
    private int at;

    private MappingParser(String text, TransformRegistry transforms) {
        this.text = text;
        this.transforms = transforms;
    }

    static MappingTemplate parse(String text, TransformRegistry transforms) {
        Objects.requireNonNull(text, "template text");
        Objects.requireNonNull(transforms);
        if (text.length() > MAX_LENGTH) {
            throw fail(Code.TEMPLATE_TOO_LONG, MAX_LENGTH,
                    "O texto tem " + text.length() + " caracteres; o máximo é " + MAX_LENGTH + ".",
                    "The text has " + text.length() + " characters; the maximum is " + MAX_LENGTH + ".");
        }
        return new MappingParser(text, transforms).template();
    }

    private MappingTemplate template() {
        List<Part> parts = new ArrayList<>();
        int expressions = 0;
        while (at < text.length()) {
            int open = text.indexOf("{{", at);
            if (open < 0) {
                parts.add(new Literal(text.substring(at), at));
                at = text.length();
            } else {
                if (open > at) {
                    parts.add(new Literal(text.substring(at, open), at));
                }
                if (++expressions > MAX_EXPRESSIONS) {
                    throw fail(Code.TEMPLATE_TOO_LONG, open, "Há mais de " + MAX_EXPRESSIONS + " campos {{ }} neste texto.",
                            "There are more than " + MAX_EXPRESSIONS + " {{ }} fields in this text.");
                }
                at = open + 2;
                parts.add(expression(open));
            }
        }
        return new MappingTemplate(text, parts);
    }

    private Expression expression(int open) {
        skipSpaces();
        if (at >= text.length()) {
            throw unterminated(open);
        }
        if (text.startsWith("}}", at)) {
            throw fail(Code.EMPTY_EXPRESSION, open, "Há um {{ }} vazio na posição " + (open + 1)
                    + ": escolha um campo do gatilho, ex. {{ buyer.name }}.",
                    "There is an empty {{ }} at position " + (open + 1) + ": pick a trigger field, e.g. {{ buyer.name }}.");
        }
        int keyStart = at;
        String key = word();
        if (key.isEmpty() || !KEY.matcher(key).matches()) {
            if (at >= text.length() && key.isEmpty()) {
                throw unterminated(open);
            }
            String shown = key.isEmpty() ? String.valueOf(text.charAt(keyStart)) : key;
            throw fail(Code.BAD_FIELD_KEY, keyStart, "\"" + shown + "\" não é uma chave de campo válida (posição " + (keyStart + 1)
                    + "). Chaves são minúsculas com pontos e sublinhados, ex. buyer.first_name.",
                    "\"" + shown + "\" is not a valid field key (position " + (keyStart + 1)
                            + "). Keys are lower-case with dots and underscores, e.g. buyer.first_name.");
        }
        List<TransformCall> calls = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (at >= text.length()) {
                throw unterminated(open);
            }
            if (text.startsWith("}}", at)) {
                at += 2;
                return new Expression(key, calls, open);
            }
            if (text.charAt(at) != '|') {
                throw unexpected();
            }
            at++;
            calls.add(call(open));
        }
    }

    private TransformCall call(int open) {
        skipSpaces();
        if (at >= text.length()) {
            throw unterminated(open);
        }
        int nameStart = at;
        String name = word();
        if (name.isEmpty()) {
            throw fail(Code.MISSING_TRANSFORM, nameStart, "Falta o nome da transformação depois do | (posição " + (nameStart + 1)
                    + "), ex. {{ buyer.name | first_name }}.",
                    "The transform name is missing after | (position " + (nameStart + 1) + "), e.g. {{ buyer.name | first_name }}.");
        }
        Optional<Transform> found = NAME.matcher(name).matches() ? transforms.find(name) : Optional.empty();
        if (found.isEmpty()) {
            String known = String.join(", ", transforms.names());
            throw fail(Code.UNKNOWN_TRANSFORM, nameStart, "Transformação desconhecida \"" + name + "\" (posição " + (nameStart + 1)
                    + "). Disponíveis: " + known + ".",
                    "Unknown transform \"" + name + "\" (position " + (nameStart + 1) + "). Available: " + known + ".");
        }
        Transform transform = found.get();
        List<String> args = new ArrayList<>();
        skipSpaces();
        if (at < text.length() && text.charAt(at) == ':') {
            at++;
            do {
                skipSpaces();
                args.add(string(open));
                skipSpaces();
            } while (at < text.length() && text.charAt(at) == ',' && ++at > 0);
        }
        if (args.size() < transform.minArgs() || args.size() > transform.maxArgs()) {
            throw fail(Code.WRONG_ARGUMENT_COUNT, nameStart, name + " recebe " + arity(transform, true) + ", mas veio "
                    + args.size() + " (posição " + (nameStart + 1) + ")" + usage(transform) + ".",
                    name + " takes " + arity(transform, false) + ", but got " + args.size() + " (position " + (nameStart + 1) + ")"
                            + usage(transform) + ".");
        }
        try {
            return new TransformCall(transform, args, nameStart, transform.binder().bind(List.copyOf(args)));
        } catch (Transform.InvalidArgument e) {
            throw fail(Code.INVALID_ARGUMENT, nameStart, e.pt(), e.en());
        }
    }

    private static String arity(Transform transform, boolean pt) {
        int min = transform.minArgs();
        int max = transform.maxArgs();
        String count = min == max ? Integer.toString(min) : min + (pt ? " ou " : " or ") + max;
        if (pt) {
            return max == 0 ? "nenhum argumento" : count + (max == 1 ? " argumento" : " argumentos");
        }
        return max == 0 ? "no argument" : count + (max == 1 ? " argument" : " arguments");
    }

    private static String usage(Transform transform) {
        return transform.maxArgs() == 0 ? "" : ": " + transform.example().call();
    }

    /** A double-quoted string with \" and \\ escapes. */
    private String string(int open) {
        if (at >= text.length()) {
            throw unterminated(open);
        }
        if (text.charAt(at) != '"') {
            throw fail(Code.BAD_ARGUMENT_SYNTAX, at, "Argumentos vão entre aspas duplas (posição " + (at + 1)
                    + "), ex. default:\"Sem nome\".",
                    "Arguments go in double quotes (position " + (at + 1) + "), e.g. default:\"Sem nome\".");
        }
        int start = at++;
        StringBuilder out = new StringBuilder();
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                if (at >= text.length()) {
                    break;
                }
                char escaped = text.charAt(at++);
                if (escaped != '"' && escaped != '\\') {
                    throw fail(Code.BAD_ARGUMENT_SYNTAX, at - 2, "Escape \\" + escaped + " desconhecido (posição " + (at - 1)
                            + "): dentro de aspas, use \\\" para aspas e \\\\ para barra invertida.",
                            "Unknown escape \\" + escaped + " (position " + (at - 1) + "): inside quotes use \\\" for a quote "
                                    + "and \\\\ for a backslash.");
                }
                out.append(escaped);
            } else {
                out.append(c);
            }
        }
        throw fail(Code.UNTERMINATED_STRING, start, "As aspas abertas na posição " + (start + 1) + " não foram fechadas.",
                "The quote opened at position " + (start + 1) + " is never closed.");
    }

    /** Characters up to a space, '|', ':', ',', '"' or "}}". */
    private String word() {
        int start = at;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (Character.isWhitespace(c) || c == '|' || c == ':' || c == ',' || c == '"' || text.startsWith("}}", at)) {
                break;
            }
            at++;
        }
        return text.substring(start, at);
    }

    private void skipSpaces() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private MappingException unexpected() {
        char c = text.charAt(at);
        return fail(Code.UNEXPECTED_CHARACTER, at, "\"" + c + "\" inesperado na posição " + (at + 1)
                + ": depois do campo vem | transformação ou }}.",
                "Unexpected \"" + c + "\" at position " + (at + 1) + ": after the field comes | transform or }}.");
    }

    private MappingException unterminated(int open) {
        return fail(Code.UNTERMINATED_EXPRESSION, open, "O {{ aberto na posição " + (open + 1) + " não foi fechado com }}.",
                "The {{ opened at position " + (open + 1) + " is never closed with }}.");
    }

    private static MappingException fail(Code code, int position, String pt, String en) {
        return new MappingException(MappingError.at(code, position, pt, en));
    }
}
