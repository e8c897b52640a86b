package app.ponte.mapping;

import app.ponte.api.Label;
import app.ponte.api.field.FieldType;
import app.ponte.api.field.Value;
import app.ponte.api.field.ValueKind;
import app.ponte.mapping.Transform.Applied;
import app.ponte.mapping.Transform.Example;
import app.ponte.mapping.Transform.InvalidArgument;
import app.ponte.mapping.Transform.Output;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The transforms Ponte offers; documented in {@code docs/mapping.md}. */
final class StandardTransforms {

    private static final Set<ValueKind> TEXT = EnumSet.of(ValueKind.TEXT);
    private static final Set<ValueKind> ANY = EnumSet.allOf(ValueKind.class);
    private static final Set<ValueKind> NUMBERS = EnumSet.of(ValueKind.DECIMAL, ValueKind.MONEY);

    /** pt-BR ways to write a date pattern, read as their java.time equivalents. */
    private static final Map<String, String> PT_PATTERNS = Map.of(
            "DD/MM/AAAA", "dd/MM/yyyy",
            "DD/MM/AA", "dd/MM/yy",
            "AAAA-MM-DD", "yyyy-MM-dd",
            "MM/AAAA", "MM/yyyy",
            "DD/MM", "dd/MM",
            "DD/MM/AAAA HH:mm", "dd/MM/yyyy HH:mm");

    private static final int MAX_TRUNCATE = 100_000;

    private StandardTransforms() {
    }

    static List<Transform> all() {
        return List.of(
                text("first_name", PersonNames::first,
                        "Primeiro nome: a primeira palavra de um nome completo (como a Pluga separa).",
                        "First name: the first word of a full name (as Pluga splits it).",
                        "Maria da Silva Santos", "Maria"),
                text("last_name", PersonNames::last,
                        "Sobrenome: tudo depois da primeira palavra; vazio quando o nome tem uma palavra só.",
                        "Last name: everything after the first word; empty when the name is one word.",
                        "Maria da Silva Santos", "da Silva Santos"),
                text("upper", s -> s.toUpperCase(Locale.ROOT), "Tudo em maiúsculas (com acentos).",
                        "All upper-case (accents kept).", "João Conceição", "JOÃO CONCEIÇÃO"),
                text("lower", s -> s.toLowerCase(Locale.ROOT), "Tudo em minúsculas (com acentos).",
                        "All lower-case (accents kept).", "ÂNGELA Souza", "ângela souza"),
                text("trim", PersonNames::normalise,
                        "Remove espaços no início e no fim e junta espaços repetidos em um só.",
                        "Removes leading and trailing spaces and collapses repeated spaces into one.",
                        "  Maria   da  Silva ", "Maria da Silva"),
                text("capitalize", PersonNames::capitalize,
                        "Cada palavra com inicial maiúscula; da, de, do, dos, das e \"e\" ficam minúsculas (exceto no início).",
                        "Each word capitalised; da, de, do, dos, das and \"e\" stay lower-case (except first).",
                        "MARIA DA SILVA E SOUZA", "Maria da Silva e Souza"),
                digits(),
                phone("phone_ddd", p -> p.ddd(), text -> "",
                        "DDD de um telefone brasileiro (\"+55 (31) 99876-5432\" → 31); vazio quando o número não tem DDD "
                                + "ou não é brasileiro.",
                        "Area code (DDD) of a Brazilian phone (\"+55 (31) 99876-5432\" → 31); empty when there is none "
                                + "or the number is not Brazilian.",
                        "+55 (31) 99876-5432", "31"),
                phone("phone_number", BrazilianPhone::number, text -> text.replaceAll("\\D", ""),
                        "Número de um telefone brasileiro, sem DDD e sem código do país (8 ou 9 dígitos); um número "
                                + "estrangeiro fica com todos os seus dígitos.",
                        "Number of a Brazilian phone without area code or country code (8 or 9 digits); a foreign number "
                                + "keeps all its digits.",
                        "5531998765432", "998765432"),
                phoneE164(),
                defaultTransform(),
                date(),
                number(),
                money(),
                replace(),
                truncate(),
                affix("prefix", true, "Coloca o texto antes do valor, só quando o valor não está vazio.",
                        "Puts the text before the value, only when the value is not empty.", "31", "prefix:\"(\"", "(31"),
                affix("suffix", false, "Coloca o texto depois do valor, só quando o valor não está vazio.",
                        "Puts the text after the value, only when the value is not empty.", "31", "suffix:\") \"", "31) "));
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** A text value exactly as given (no strip), or empty when blank. */
    static Value exact(String text) {
        return text == null || text.isBlank() ? Value.empty() : new Value.Text(text);
    }

    private static String rendered(Value value, FieldType type, RenderContext context) {
        return type.render(value, context.zone());
    }

    private static Label label(String pt, String en) {
        return Label.of(pt, en);
    }

    private static Transform text(String name, UnaryOperator<String> f, String pt, String en, String in, String out) {
        Applied applied = (value, type, context) -> value.isEmpty() ? value : exact(f.apply(rendered(value, type, context)));
        return new Transform(name, TEXT, Output.TEXT, List.of(), 0, label(pt, en),
                new Example(Value.text(in), FieldType.TEXT, name, out), args -> applied);
    }

    private static Transform digits() {
        Applied applied = (value, type, context) -> value.isEmpty() ? value
                : exact(rendered(value, type, context).replaceAll("\\D", ""));
        return new Transform("digits", EnumSet.of(ValueKind.TEXT, ValueKind.DECIMAL), Output.TEXT, List.of(), 0,
                label("Mantém só os dígitos (0–9): CPF, CEP, telefone sem pontuação.",
                        "Keeps only the digits (0–9): CPF, postal code, phone without punctuation."),
                new Example(Value.text("528.147.360-19"), FieldType.IDENTIFIER, "digits", "52814736019"), args -> applied);
    }

    private static Transform phone(String name, java.util.function.Function<BrazilianPhone, String> part,
            UnaryOperator<String> otherwise, String pt, String en, String in, String out) {
        Applied applied = (value, type, context) -> {
            if (value.isEmpty()) {
                return value;
            }
            String text = rendered(value, type, context);
            return exact(BrazilianPhone.parse(text).map(part).orElseGet(() -> otherwise.apply(text)));
        };
        return new Transform(name, TEXT, Output.TEXT, List.of(), 0, label(pt, en),
                new Example(Value.text(in), FieldType.PHONE, name, out), args -> applied);
    }

    private static Transform phoneE164() {
        Applied applied = (value, type, context) -> {
            if (value.isEmpty()) {
                return value;
            }
            String text = rendered(value, type, context).strip();
            String digits = text.replaceAll("\\D", "");
            boolean international = text.startsWith("+") || text.startsWith("00");
            if (text.startsWith("00")) {
                digits = digits.substring(2);
            }
            if (international && !digits.startsWith("55")) {
                return exact("+" + digits);
            }
            return exact(BrazilianPhone.parse(text).flatMap(BrazilianPhone::e164).orElse(text));
        };
        return new Transform("phone_e164", TEXT, Output.TEXT, List.of(), 0,
                label("Telefone no formato internacional E.164 (+55 DDD número; celular de 8 dígitos ganha o 9). Número "
                                + "estrangeiro com + mantém seu código de país; sem DDD, fica como veio.",
                        "Phone in international E.164 form (+55 area code number; an 8-digit mobile gets the 9). A foreign "
                                + "number written with + keeps its country code; without an area code it stays as it came."),
                new Example(Value.text("(31) 99876-5432"), FieldType.PHONE, "phone_e164", "+5531998765432"), args -> applied);
    }

    private static Transform defaultTransform() {
        return new Transform("default", ANY, Output.SAME, List.of(label("valor quando vazio", "value when empty")), 1,
                label("Usa o texto dado quando o campo vem vazio; senão, o valor do campo (com seu tipo).",
                        "Uses the given text when the field is empty; otherwise the field's value (typed)."),
                new Example(Value.empty(), FieldType.TEXT, "default:\"Sem nome\"", "Sem nome"),
                args -> {
                    Value fallback = exact(args.get(0));
                    return (value, type, context) -> value.isEmpty() ? fallback : value;
                });
    }

    private static Transform date() {
        return new Transform("date", EnumSet.of(ValueKind.TIMESTAMP), Output.TEXT,
                List.of(label("formato (java.time, ex. dd/MM/yyyy)", "pattern (java.time, e.g. dd/MM/yyyy)")), 1,
                label("Escreve uma data/hora no formato dado, no fuso horário do workspace (dd dia, MM mês, yyyy ano, "
                                + "HH:mm hora; DD/MM/AAAA também vale).",
                        "Writes a date/time with the given pattern, in the workspace's time zone (dd day, MM month, yyyy "
                                + "year, HH:mm time; DD/MM/AAAA works too)."),
                new Example(Value.timestamp(Instant.parse("2025-03-01T02:30:00Z")), FieldType.DATE_TIME, "date:\"dd/MM/yyyy\"",
                        "28/02/2025"),
                args -> {
                    DateTimeFormatter formatter = datePattern(args.get(0));
                    return (value, type, context) -> value instanceof Value.Timestamp t
                            ? exact(formatter.withLocale(context.locale()).format(t.instant().atZone(context.zone())))
                            : value.isEmpty() ? value : exact(rendered(value, type, context));
                });
    }

    static DateTimeFormatter datePattern(String requested) throws InvalidArgument {
        String pattern = PT_PATTERNS.getOrDefault(requested.strip(), requested);
        if (pattern.isBlank()) {
            throw new InvalidArgument("O formato de data está vazio; use, por exemplo, \"dd/MM/yyyy\".",
                    "The date pattern is empty; use e.g. \"dd/MM/yyyy\".");
        }
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && (c == 'D' || c == 'Y' || c == 'A')) {
                throw new InvalidArgument("Formato de data \"" + requested + "\": a letra " + c + " não é dia nem ano aqui "
                        + "(D é o dia do ano, Y o ano da semana). Use dd para o dia, MM para o mês e yyyy para o ano, "
                        + "ou DD/MM/AAAA.",
                        "Date pattern \"" + requested + "\": the letter " + c + " is neither day nor year here (D is "
                                + "day-of-year, Y week-based year). Use dd for the day, MM for the month and yyyy for the year.");
            }
        }
        try {
            DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern);
            formatter.format(Instant.EPOCH.atZone(ZoneOffset.UTC));
            return formatter;
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new InvalidArgument("Formato de data inválido: \"" + requested + "\". Use, por exemplo, \"dd/MM/yyyy\" ou "
                    + "\"dd/MM/yyyy HH:mm\".",
                    "Invalid date pattern: \"" + requested + "\". Use e.g. \"dd/MM/yyyy\" or \"dd/MM/yyyy HH:mm\".");
        }
    }

    private static Transform number() {
        return new Transform("number", NUMBERS, Output.TEXT,
                List.of(label("formato (ex. #,##0.00)", "pattern (e.g. #,##0.00)")), 0,
                label("Escreve um número ou valor com o formato dado (padrão #,##0.00), com vírgula decimal em pt-BR; "
                                + "arredonda meio para cima.",
                        "Writes a number or amount with the given pattern (default #,##0.00), with the workspace language's "
                                + "separators; rounds half-up."),
                new Example(Value.money(new BigDecimal("1234.565"), "BRL"), FieldType.MONEY, "number:\"#,##0.00\"", "1.234,57"),
                args -> {
                    String pattern = args.isEmpty() ? "#,##0.00" : args.get(0);
                    try {
                        new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new InvalidArgument("Formato de número inválido: \"" + pattern + "\". Use, por exemplo, \"#,##0.00\".",
                                "Invalid number pattern: \"" + pattern + "\". Use e.g. \"#,##0.00\".");
                    }
                    if (pattern.isBlank()) {
                        throw new InvalidArgument("O formato de número está vazio; use, por exemplo, \"#,##0.00\".",
                                "The number pattern is empty; use e.g. \"#,##0.00\".");
                    }
                    return (value, type, context) -> {
                        BigDecimal amount = amountOf(value);
                        if (amount == null) {
                            return value.isEmpty() ? value : exact(rendered(value, type, context));
                        }
                        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(context.locale()));
                        format.setRoundingMode(RoundingMode.HALF_UP);
                        format.setParseBigDecimal(true);
                        return exact(format.format(amount));
                    };
                });
    }

    private static BigDecimal amountOf(Value value) {
        if (value instanceof Value.Money money) {
            return money.amount();
        }
        return value instanceof Value.Decimal decimal ? decimal.value() : null;
    }

    private static Transform money() {
        Applied applied = (value, type, context) -> {
            BigDecimal amount = amountOf(value);
            if (amount == null) {
                return value.isEmpty() ? value : exact(rendered(value, type, context));
            }
            String code = value instanceof Value.Money m ? m.currency() : null;
            Currency currency = null;
            if (code != null) {
                try {
                    currency = Currency.getInstance(code);
                } catch (IllegalArgumentException unknown) {
                    currency = null;
                }
            }
            int digits = currency == null ? 2 : Math.max(0, currency.getDefaultFractionDigits());
            DecimalFormat format = new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits),
                    DecimalFormatSymbols.getInstance(context.locale()));
            format.setRoundingMode(RoundingMode.HALF_UP);
            String number = format.format(amount);
            String symbol = currency != null ? currency.getSymbol(context.locale()) : code;
            return exact(symbol == null ? number : symbol + " " + number);
        };
        return new Transform("money", NUMBERS, Output.TEXT, List.of(), 0,
                label("Escreve um valor em dinheiro com o símbolo da moeda e separadores do idioma (R$ 1.234,56).",
                        "Writes an amount with its currency symbol and the language's separators (R$ 1.234,56)."),
                new Example(Value.money(new BigDecimal("1234.56"), "BRL"), FieldType.MONEY, "money", "R$ 1.234,56"),
                args -> applied);
    }

    private static Transform replace() {
        return new Transform("replace", TEXT, Output.TEXT,
                List.of(label("procurar", "search for"), label("trocar por", "replace with")), 2,
                label("Troca cada ocorrência do primeiro texto pelo segundo (texto exato, sem expressões regulares).",
                        "Replaces every occurrence of the first text with the second (exact text, no regular expressions)."),
                new Example(Value.text("Plano Mensal"), FieldType.TEXT, "replace:\"Mensal\",\"Anual\"", "Plano Anual"),
                args -> {
                    String search = args.get(0);
                    String replacement = args.get(1);
                    if (search.isEmpty()) {
                        throw new InvalidArgument("O texto a procurar em replace não pode ser vazio.",
                                "The text to search for in replace cannot be empty.");
                    }
                    return (value, type, context) -> value.isEmpty() ? value
                            : exact(rendered(value, type, context).replace(search, replacement));
                });
    }

    private static Transform truncate() {
        return new Transform("truncate", TEXT, Output.TEXT, List.of(label("máximo de caracteres", "maximum characters")), 1,
                label("Corta o texto no número de caracteres dado (ex. limites de campos do CRM).",
                        "Cuts the text at the given number of characters (e.g. CRM field limits)."),
                new Example(Value.text("Fotografia de Rua na Prática"), FieldType.TEXT, "truncate:\"10\"", "Fotografia"),
                args -> {
                    int max;
                    try {
                        max = Integer.parseInt(args.get(0).strip());
                    } catch (NumberFormatException e) {
                        max = -1;
                    }
                    if (max < 1 || max > MAX_TRUNCATE) {
                        throw new InvalidArgument("truncate precisa de um número inteiro de 1 a " + MAX_TRUNCATE + ", veio \""
                                + args.get(0) + "\".", "truncate needs a whole number from 1 to " + MAX_TRUNCATE + ", got \""
                                + args.get(0) + "\".");
                    }
                    int limit = max;
                    return (value, type, context) -> {
                        if (value.isEmpty()) {
                            return value;
                        }
                        String text = rendered(value, type, context);
                        if (text.codePointCount(0, text.length()) <= limit) {
                            return exact(text);
                        }
                        return exact(text.substring(0, text.offsetByCodePoints(0, limit)));
                    };
                });
    }

    private static Transform affix(String name, boolean before, String pt, String en, String in, String call, String out) {
        return new Transform(name, ANY, Output.TEXT, List.of(label("texto", "text")), 1, label(pt, en),
                new Example(Value.text(in), FieldType.IDENTIFIER, call, out),
                args -> {
                    String affix = args.get(0);
                    return (value, type, context) -> {
                        if (value.isEmpty()) {
                            return value;
                        }
                        String text = rendered(value, type, context);
                        return exact(before ? affix + text : text + affix);
                    };
                });
    }
}
