package app.ponte.kommo.simulator;

import app.ponte.kommo.simulator.Model.AuthCode;
import app.ponte.kommo.simulator.Model.CustomField;
import app.ponte.kommo.simulator.Model.FieldEnum;
import app.ponte.kommo.simulator.Model.Integration;
import app.ponte.kommo.simulator.Model.Pipeline;
import app.ponte.kommo.simulator.Model.Status;
import app.ponte.kommo.simulator.Model.User;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Everything the simulator remembers: accounts, integrations, codes, tokens (hashed), id counters, config
 * and the clock offset. All access goes through {@code synchronized (state)}; the whole object is what
 * {@link StateStore} writes to the state file.
 */
public final class SimState {
    public Map<Long, Account> accounts = new LinkedHashMap<>();
    public Map<String, Integration> integrations = new LinkedHashMap<>();
    public Map<String, Grant> grants = new HashMap<>();
    public Map<String, AuthCode> codes = new HashMap<>();
    public Map<String, Long> counters = new HashMap<>();
    public SimConfig config = new SimConfig();
    public long clockOffset;

    private static final Map<String, Long> FIRST_IDS = Map.ofEntries(
            Map.entry("account", 30001L), Map.entry("user", 8815001L), Map.entry("pipeline", 7004401L),
            Map.entry("status", 59120001L), Map.entry("field", 905501L), Map.entry("enum", 771201L),
            Map.entry("leads", 18833501L), Map.entry("contacts", 66001L), Map.entry("companies", 77101L),
            Map.entry("tag", 40101L), Map.entry("webhook", 1L));

    /** Drops everything and puts the config back to defaults ({@code POST /__sim/reset}). */
    public void clear() {
        accounts.clear();
        integrations.clear();
        grants.clear();
        codes.clear();
        config = new SimConfig();
        clockOffset = 0;
    }

    /** Allocates the next id of an entity type: positive, increasing, never reused. */
    public long nextId(String type) {
        long next = counters.getOrDefault(type, FIRST_IDS.getOrDefault(type, 1L));
        counters.put(type, next + 1);
        return next;
    }

    /** Records an explicitly given id so that allocated ids stay above it. */
    public void claimId(String type, long id) {
        long next = counters.getOrDefault(type, FIRST_IDS.getOrDefault(type, 1L));
        if (id >= next) {
            counters.put(type, id + 1);
        }
    }

    public Account accountBySubdomain(String subdomain) {
        return accounts.values().stream().filter(a -> a.subdomain.equals(subdomain)).findFirst()
                .orElseThrow(() -> ApiException.problem(404, "Not Found", "Unknown account " + subdomain));
    }

    /**
     * Runs a change to one account; if it throws, the account is put back as it was so a failed batch applies
     * nothing (§4).
     */
    public <T> T atomically(Account account, Supplier<T> change) {
        Account before = Json.copy(account, Account.class);
        try {
            return change.get();
        } catch (RuntimeException e) {
            accounts.put(before.id, before);
            throw e;
        }
    }

    /** Creates an account with users, pipelines (default one if none) and the predefined contact fields. */
    public Account createAccount(String subdomain, Long id, String host, List<User> users, List<PipelineSpec> pipelines,
                                 long now) {
        if (accounts.values().stream().anyMatch(a -> a.subdomain.equals(subdomain))) {
            throw ApiException.badRequest("Account " + subdomain + " exists");
        }
        Account account = new Account();
        if (id != null) {
            claimId("account", id);
            account.id = id;
        } else {
            account.id = nextId("account");
        }
        account.subdomain = subdomain;
        account.name = subdomain;
        account.host = host != null ? host : subdomain + ".kommo.com";
        account.createdAt = now;
        for (User u : users) {
            claimId("user", u.id());
            account.users.add(u);
        }
        List<PipelineSpec> specs = pipelines == null || pipelines.isEmpty()
                ? List.of(new PipelineSpec(null, "Funil de vendas", List.of("Contato inicial", "Negociação")))
                : pipelines;
        boolean first = true;
        for (PipelineSpec spec : specs) {
            account.pipelines.add(buildPipeline(account, spec, first));
            first = false;
        }
        account.fields("leads");
        account.fields("contacts").addAll(predefinedFields());
        account.fields("companies").addAll(predefinedFields());
        accounts.put(account.id, account);
        return account;
    }

    /** What a seeded pipeline needs: its regular stage names (incoming, won and lost are added). */
    public record PipelineSpec(Long id, String name, List<String> stages) {
    }

    private Pipeline buildPipeline(Account account, PipelineSpec spec, boolean main) {
        long pipelineId;
        if (spec.id() != null) {
            claimId("pipeline", spec.id());
            pipelineId = spec.id();
        } else {
            pipelineId = nextId("pipeline");
        }
        List<Status> statuses = new ArrayList<>();
        statuses.add(new Status(nextId("status"), "Etapa de entrada", 10, false, pipelineId, "#c1c1c1", 1));
        int sort = 20;
        for (String stage : spec.stages()) {
            statuses.add(new Status(nextId("status"), stage, sort, true, pipelineId, "#99ccff", 0));
            sort += 10;
        }
        statuses.add(new Status(142, "Closed - won", 10000, false, pipelineId, "#CCFF66", 0));
        statuses.add(new Status(143, "Closed - lost", 11000, false, pipelineId, "#D5D8DB", 0));
        return new Pipeline(pipelineId, spec.name(), account.pipelines.size() + 1, main, true, false, statuses);
    }

    private List<CustomField> predefinedFields() {
        return List.of(
                new CustomField(nextId("field"), "Telefone", "PHONE", "multitext", 4,
                        enums("WORK", "WORKDD", "MOB", "FAX", "HOME", "OTHER")),
                new CustomField(nextId("field"), "Email", "EMAIL", "multitext", 6, enums("WORK", "PRIV", "OTHER")));
    }

    /** Allocates enum ids for the given values, in order. */
    public List<FieldEnum> enums(String... values) {
        List<FieldEnum> list = new ArrayList<>();
        int sort = 1;
        for (String v : values) {
            list.add(new FieldEnum(nextId("enum"), v, sort++));
        }
        return list;
    }
}
