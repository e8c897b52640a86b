package app.ponte.kommo.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Collection GETs: search (§5.7), common filters, order and pages (§4). */
final class Listing {
    private Listing() {
    }

    /** The decided loose search of §5.7. */
    static boolean matches(Account account, String type, Entity e, String q) {
        String needle = q.trim().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return true;
        }
        if (contains(e.name, needle)) {
            return true;
        }
        if (e instanceof Contact c && (contains(c.firstName, needle) || contains(c.lastName, needle))) {
            return true;
        }
        if (CustomFieldValues.values(account, type, e, null).stream().anyMatch(v -> contains(v, needle))) {
            return true;
        }
        String digits = needle.replaceAll("\\D", "");
        return digits.length() >= 4 && CustomFieldValues.values(account, type, e, "PHONE").stream()
                .anyMatch(v -> v.replaceAll("\\D", "").contains(digits));
    }

    private static boolean contains(String value, String needle) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
    }

    /** Applies query, filter[id], filter[updated_at|created_at][from|to] and order to a stream. */
    static <T extends Entity> List<T> select(ApiRequest r, String type, Stream<T> all, Predicate<T> extra) {
        Account account = r.account();
        String q = r.query("query");
        List<Long> ids = Stream.concat(r.queryAll("filter[id][]").stream(), r.queryAll("filter[id]").stream())
                .flatMap(s -> Stream.of(s.split(","))).map(String::trim).filter(s -> s.matches("\\d+"))
                .map(Long::parseLong).toList();
        Stream<T> s = all.filter(extra);
        if (q != null && !q.isBlank()) {
            s = s.filter(e -> !e.isDeleted && matches(account, type, e, q));
        }
        if (!ids.isEmpty()) {
            s = s.filter(e -> ids.contains(e.id));
        }
        s = s.filter(range(r, "updated_at", e -> e.updatedAt)).filter(range(r, "created_at", e -> e.createdAt));
        return s.sorted(order(r)).toList();
    }

    private static <T extends Entity> Predicate<T> range(ApiRequest r, String field, Function<T, Long> get) {
        String from = r.query("filter[" + field + "][from]");
        String to = r.query("filter[" + field + "][to]");
        String exact = r.query("filter[" + field + "]");
        return e -> {
            long v = get.apply(e);
            if (exact != null && exact.matches("\\d+") && v != Long.parseLong(exact)) {
                return false;
            }
            if (from != null && from.matches("\\d+") && v < Long.parseLong(from)) {
                return false;
            }
            return to == null || !to.matches("\\d+") || v <= Long.parseLong(to);
        };
    }

    private static <T extends Entity> Comparator<T> order(ApiRequest r) {
        for (String field : List.of("created_at", "updated_at", "id")) {
            String dir = r.query("order[" + field + "]");
            if (dir != null) {
                Comparator<T> c = switch (field) {
                    case "created_at" -> Comparator.comparingLong((T e) -> e.createdAt);
                    case "updated_at" -> Comparator.comparingLong((T e) -> e.updatedAt);
                    default -> Comparator.comparingLong((T e) -> e.id);
                };
                c = c.thenComparingLong(e -> e.id);
                return dir.equalsIgnoreCase("desc") ? c.reversed() : c;
            }
        }
        return Comparator.comparingLong(e -> e.id);
    }

    /** One page of items as a HAL collection, or 204 when the page is empty. */
    static <T> Reply page(ApiRequest r, String path, String embeddedName, List<T> items,
                          Function<T, ObjectNode> render) {
        int limit = parse(r.query("limit"), r.sim.config().defaultPageLimit);
        limit = Math.max(1, Math.min(250, limit));
        int page = Math.max(1, parse(r.query("page"), 1));
        int from = (page - 1) * limit;
        if (from >= items.size()) {
            return Reply.noContent();
        }
        List<T> slice = items.subList(from, Math.min(items.size(), from + limit));
        ObjectNode body = Json.object().put("_page", page);
        ObjectNode links = body.putObject("_links");
        String selfQuery = r.ctx.request().query();
        links.putObject("self").put("href", r.base() + path + (selfQuery == null ? "" : "?" + selfQuery));
        if (from + limit < items.size()) {
            links.putObject("next").put("href", r.base() + path + "?" + withPage(selfQuery, page + 1, limit));
        }
        ArrayNode list = body.putObject("_embedded").putArray(embeddedName);
        slice.forEach(item -> list.add(render.apply(item)));
        return Reply.hal(body);
    }

    private static String withPage(String query, int page, int limit) {
        StringBuilder out = new StringBuilder();
        if (query != null) {
            for (String part : query.split("&")) {
                if (!part.startsWith("page=") && !part.startsWith("limit=") && !part.isEmpty()) {
                    out.append(part).append('&');
                }
            }
        }
        return out.append("page=").append(page).append("&limit=").append(limit).toString();
    }

    private static int parse(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
