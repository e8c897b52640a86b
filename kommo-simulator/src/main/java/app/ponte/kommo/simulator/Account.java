package app.ponte.kommo.simulator;

import app.ponte.kommo.simulator.Model.CustomField;
import app.ponte.kommo.simulator.Model.Link;
import app.ponte.kommo.simulator.Model.Pipeline;
import app.ponte.kommo.simulator.Model.Tag;
import app.ponte.kommo.simulator.Model.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One simulated Kommo account with everything in it. Mutated only under the state lock. */
public final class Account {
    public long id;
    public String name;
    public String subdomain;
    public String host;
    public boolean paid = true;
    public long createdAt;
    public List<User> users = new ArrayList<>();
    public List<Pipeline> pipelines = new ArrayList<>();
    /** Custom field definitions keyed by entity type: leads, contacts, companies. */
    public Map<String, List<CustomField>> customFields = new LinkedHashMap<>();
    public TreeMap<Long, Lead> leads = new TreeMap<>();
    public TreeMap<Long, Contact> contacts = new TreeMap<>();
    public TreeMap<Long, Company> companies = new TreeMap<>();
    public List<Tag> tags = new ArrayList<>();
    public List<Link> links = new ArrayList<>();
    public List<Webhook> webhooks = new ArrayList<>();

    Optional<User> user(long userId) {
        return users.stream().filter(u -> u.id() == userId).findFirst();
    }

    Pipeline mainPipeline() {
        return pipelines.stream().filter(Pipeline::isMain).findFirst().orElse(pipelines.get(0));
    }

    Optional<Pipeline> pipeline(long pipelineId) {
        return pipelines.stream().filter(p -> p.id() == pipelineId).findFirst();
    }

    List<CustomField> fields(String entityType) {
        return customFields.computeIfAbsent(entityType, k -> new ArrayList<>());
    }

    TreeMap<Long, ? extends Entity> entities(String entityType) {
        return switch (entityType) {
            case "leads" -> leads;
            case "contacts" -> contacts;
            case "companies" -> companies;
            default -> throw new IllegalArgumentException(entityType);
        };
    }
}
