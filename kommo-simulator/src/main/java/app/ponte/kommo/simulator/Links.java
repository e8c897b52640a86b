package app.ponte.kommo.simulator;

import app.ponte.kommo.simulator.Model.Link;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Link rules (§5.8): canonical storage, one company per lead/contact, one main contact per lead. */
final class Links {
    private static final Map<String, Integer> RANK = Map.of("leads", 0, "contacts", 1, "companies", 2);

    private Links() {
    }

    /** A link as seen from one side. */
    record View(String entityType, long entityId, String toEntityType, long toEntityId, boolean main) {
    }

    /** Links two entities; returns true if something changed. {@code isMain} may be null. */
    static boolean link(Account account, String aType, long aId, String bType, long bId, Boolean isMain) {
        boolean swap = RANK.get(aType) > RANK.get(bType);
        String fromType = swap ? bType : aType;
        long fromId = swap ? bId : aId;
        String toType = swap ? aType : bType;
        long toId = swap ? aId : bId;
        Link existing = find(account, fromType, fromId, toType, toId);
        boolean leadContact = fromType.equals("leads") && toType.equals("contacts");
        if (existing != null) {
            if (leadContact && Boolean.TRUE.equals(isMain) && !existing.main()) {
                setMain(account, fromId, toId);
                return true;
            }
            return false;
        }
        if (toType.equals("companies")) {
            account.links.removeIf(l -> l.fromType().equals(fromType) && l.fromId() == fromId
                    && l.toType().equals("companies"));
        }
        boolean main = false;
        if (leadContact) {
            boolean hasContacts = account.links.stream().anyMatch(l -> isLeadContact(l) && l.fromId() == fromId);
            main = !hasContacts || Boolean.TRUE.equals(isMain);
            if (main) {
                clearMain(account, fromId);
            }
        }
        account.links.add(new Link(fromType, fromId, toType, toId, main));
        return true;
    }

    static boolean unlink(Account account, String aType, long aId, String bType, long bId) {
        boolean swap = RANK.get(aType) > RANK.get(bType);
        String fromType = swap ? bType : aType;
        long fromId = swap ? bId : aId;
        Link existing = find(account, fromType, fromId, swap ? aType : bType, swap ? aId : bId);
        if (existing == null) {
            return false;
        }
        account.links.remove(existing);
        if (existing.main()) {
            account.links.stream().filter(l -> isLeadContact(l) && l.fromId() == existing.fromId()).findFirst()
                    .ifPresent(next -> setMain(account, next.fromId(), next.toId()));
        }
        return true;
    }

    /** All links of one entity, from its side, in insertion order. */
    static List<View> of(Account account, String type, long id) {
        List<View> out = new ArrayList<>();
        for (Link l : account.links) {
            if (l.fromType().equals(type) && l.fromId() == id) {
                out.add(new View(type, id, l.toType(), l.toId(), l.main()));
            } else if (l.toType().equals(type) && l.toId() == id) {
                out.add(new View(type, id, l.fromType(), l.fromId(), l.main()));
            }
        }
        return out;
    }

    static List<View> of(Account account, String type, long id, String toType) {
        return of(account, type, id).stream().filter(v -> v.toEntityType().equals(toType)).toList();
    }

    private static boolean isLeadContact(Link l) {
        return l.fromType().equals("leads") && l.toType().equals("contacts");
    }

    private static Link find(Account account, String fromType, long fromId, String toType, long toId) {
        return account.links.stream().filter(l -> l.fromType().equals(fromType) && l.fromId() == fromId
                && l.toType().equals(toType) && l.toId() == toId).findFirst().orElse(null);
    }

    private static void clearMain(Account account, long leadId) {
        account.links.replaceAll(l -> isLeadContact(l) && l.fromId() == leadId && l.main()
                ? new Link(l.fromType(), l.fromId(), l.toType(), l.toId(), false) : l);
    }

    private static void setMain(Account account, long leadId, long contactId) {
        account.links.replaceAll(l -> isLeadContact(l) && l.fromId() == leadId
                ? new Link(l.fromType(), l.fromId(), l.toType(), l.toId(), l.toId() == contactId) : l);
    }
}
