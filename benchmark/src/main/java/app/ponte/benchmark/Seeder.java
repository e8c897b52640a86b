package app.ponte.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Seeds N workspaces directly in the database, each with a Hotmart connection (hottok and webhook
 * token, encrypted as the platform does) and its own Kommo account at the simulator, connected
 * through the simulator's OAuth code exchange (as "Conectar Kommo" does, minus the browser), plus
 * K active automations built from the platform's own templates. The first automation is "venda
 * aprovada → criar ou atualizar lead"; the others use triggers that an approved sale does not
 * fire, so they only make the runner's automation lookup bigger. Earlier benchmark workspaces
 * (tenants named "Benchmark …") are deleted first, with everything they hold.
 */
final class Seeder {

    static final String TENANT_PREFIX = "Benchmark ";
    /** Templates in the order they are given to a workspace: the approved sale first, then triggers an approved sale never fires. */
    private static final List<String> TEMPLATE_ORDER = List.of("purchase_approved_to_kommo_lead", "purchase_refunded_to_kommo_lead",
            "purchase_canceled_to_kommo_lead", "purchase_expired_to_kommo_lead", "cart_abandoned_to_kommo_lead",
            "purchase_complete_to_kommo_lead", "refund_requested_to_kommo_lead", "subscription_canceled_to_kommo_lead");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Stack stack;
    private final SecretSealer sealer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Seeder(Stack stack) {
        this.stack = stack;
        this.sealer = new SecretSealer(stack.cryptoKey());
    }

    private record Template(String key, String triggerKey, String actionConnector, String actionKey, String mapping) {
    }

    private record KommoAccount(String subdomain, long accountId, String host, String name, String accessToken, String refreshToken,
            long expiresIn) {
    }

    List<Workspace> seed(int workspaces, int automationsPerWorkspace) throws Exception {
        List<Template> templates = templates(automationsPerWorkspace);
        long started = System.nanoTime();
        try (Connection db = stack.database()) {
            int deleted = deleteEarlier(db);
            Report.line("seed: removed %d earlier benchmark workspaces (%.1f s)", deleted, seconds(started));
        }
        long accounts = System.nanoTime();
        List<KommoAccount> kommo = connectKommoAccounts(workspaces);
        Report.line("seed: %d Kommo accounts created and connected at the simulator (%.1f s)", kommo.size(), seconds(accounts));
        long rows = System.nanoTime();
        List<Workspace> seeded = insert(kommo, templates);
        Report.line("seed: %d workspaces × %d automations written to PostgreSQL (%.1f s)", seeded.size(), templates.size(), seconds(rows));
        Workspace.save(stack.benchmarkDirectory().resolve("workspaces.tsv"), seeded);
        return seeded;
    }

    private int deleteEarlier(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            // runs and events first, in bulk: the cascade from tenant would go row by row through their foreign keys
            s.executeUpdate("DELETE FROM run_attempt WHERE tenant_id IN (SELECT id FROM tenant WHERE name LIKE 'Benchmark %')");
            s.executeUpdate("DELETE FROM run WHERE tenant_id IN (SELECT id FROM tenant WHERE name LIKE 'Benchmark %')");
            s.executeUpdate("DELETE FROM inbound_event WHERE tenant_id IN (SELECT id FROM tenant WHERE name LIKE 'Benchmark %')");
            s.executeUpdate("DELETE FROM webhook_delivery WHERE tenant_id IN (SELECT id FROM tenant WHERE name LIKE 'Benchmark %')");
            // Each deleted connection has its foreign keys checked by a scan of these tables (no index starts with
            // connection_id: the product never deletes connections), and a scan reads the dead rows too: after 10,000
            // workspaces' history, 20,000 such scans took more than ten minutes. Vacuumed, the tables hold what is left.
            s.execute("VACUUM inbound_event, webhook_delivery, own_write");
            // automations before connections: no index leads from a connection to the automations that use it
            s.executeUpdate("DELETE FROM automation_version WHERE tenant_id IN (SELECT id FROM tenant WHERE name LIKE 'Benchmark %')");
            s.executeUpdate("DELETE FROM automation WHERE tenant_id IN (SELECT id FROM tenant WHERE name LIKE 'Benchmark %')");
            s.executeUpdate("DELETE FROM connection WHERE tenant_id IN (SELECT id FROM tenant WHERE name LIKE 'Benchmark %')");
            return s.executeUpdate("DELETE FROM tenant WHERE name LIKE 'Benchmark %'");
        }
    }

    private List<Template> templates(int count) throws IOException {
        Path dir = stack.root().resolve("platform-server/src/main/resources/automation-templates");
        Map<String, Template> byKey = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode t = JSON.readTree(file.toFile());
                byKey.put(t.path("key").asText(), new Template(t.path("key").asText(), t.path("trigger").path("key").asText(),
                        t.path("action").path("connector").asText(), t.path("action").path("key").asText(),
                        JSON.writeValueAsString(t.path("mapping"))));
            }
        }
        if (count < 1 || count > TEMPLATE_ORDER.size()) {
            throw new IllegalArgumentException("automations per workspace: 1 to " + TEMPLATE_ORDER.size());
        }
        return TEMPLATE_ORDER.subList(0, count).stream().map(key -> {
            Template t = byKey.get(key);
            if (t == null) {
                throw new IllegalStateException("template " + key + " is missing from " + dir);
            }
            return t;
        }).toList();
    }

    /** Creates the accounts at the simulator and exchanges an authorization code for each (16 at a time). */
    private List<KommoAccount> connectKommoAccounts(int count) throws Exception {
        String batch = Long.toString(System.currentTimeMillis() / 1000, 36);
        long firstId = ThreadLocalRandom.current().nextLong(100_000_000L, 900_000_000L);
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<KommoAccount>> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            String subdomain = "bench" + batch + "-" + i;
            long accountId = firstId + i;
            long userId = 7_000_000L + i;
            String name = "Loja Benchmark " + i;
            CompletableFuture<KommoAccount> account = post("/__sim/accounts", Map.of("subdomain", subdomain, "id", accountId, "name", name,
                    "users", List.of(Map.of("id", userId, "name", "Dona da loja", "is_admin", true))))
                    .thenCompose(created -> post("/__sim/oauth/code",
                            Map.of("client_id", Stack.KOMMO_CLIENT_ID, "subdomain", subdomain, "user_id", userId)))
                    .thenCompose(code -> post("/oauth2/access_token", Map.of("client_id", Stack.KOMMO_CLIENT_ID,
                            "client_secret", stack.kommoClientSecret(), "grant_type", "authorization_code",
                            "code", code.path("code").asText(), "redirect_uri", stack.kommoRedirectUri()))
                            .thenApply(tokens -> new KommoAccount(subdomain, accountId, code.path("referer").asText(), name,
                                    tokens.path("access_token").asText(), tokens.path("refresh_token").asText(),
                                    tokens.path("expires_in").asLong(86_400))))
                    .whenComplete((a, e) -> inFlight.release());
            accounts.add(account);
        }
        return accounts.stream().map(CompletableFuture::join).toList();
    }

    private CompletableFuture<JsonNode> post(String path, Map<String, Object> body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(stack.simulator().resolve(path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("simulator " + path + " answered " + response.statusCode() + ": " + response.body());
                }
                try {
                    return JSON.readTree(response.body());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private List<Workspace> insert(List<KommoAccount> accounts, List<Template> templates) throws Exception {
        List<Workspace> seeded = new ArrayList<>();
        try (Connection db = stack.database()) {
            db.setAutoCommit(false);
            try (PreparedStatement tenant = db.prepareStatement("INSERT INTO tenant (id, name, plan) VALUES (?, ?, 'unlimited')");
                 PreparedStatement connection = db.prepareStatement("""
                         INSERT INTO connection (id, tenant_id, connector_id, display_name, external_account_id, status, attributes,
                                                 secrets, key_id, expires_at, webhook_token_hash)
                         VALUES (?, ?, ?, ?, ?, 'OK', ?, ?, ?, ?, ?)""");
                 PreparedStatement automation = db.prepareStatement("""
                         INSERT INTO automation (id, tenant_id, name, status, template_key, trigger_connector, trigger_key,
                                                 trigger_connection_id, action_connector, action_key, action_connection_id,
                                                 current_version, activated_at)
                         VALUES (?, ?, ?, 'ACTIVE', ?, 'hotmart', ?, ?, ?, ?, ?, 1, now())""");
                 PreparedStatement version = db.prepareStatement("""
                         INSERT INTO automation_version (id, tenant_id, automation_id, version, mapping, filter, trigger_settings)
                         VALUES (?, ?, ?, 1, ?, '{}', '{}')""")) {
                Instant now = Instant.now();
                for (int i = 0; i < accounts.size(); i++) {
                    KommoAccount kommo = accounts.get(i);
                    UUID tenantId = UUID.randomUUID();
                    tenant.setObject(1, tenantId);
                    tenant.setString(2, TENANT_PREFIX + String.format("%05d", i));
                    tenant.addBatch();

                    UUID hotmartId = UUID.randomUUID();
                    String webhookToken = randomToken();
                    String hottok = "hottok-" + randomToken().substring(0, 24);
                    addConnection(connection, hotmartId, tenantId, "hotmart", "Hotmart", null, Map.of(),
                            Map.of("hottok", hottok, "webhook_token", webhookToken), null, sha256(webhookToken));

                    UUID kommoId = UUID.randomUUID();
                    Map<String, String> attributes = new LinkedHashMap<>();
                    attributes.put("account_id", Long.toString(kommo.accountId()));
                    attributes.put("subdomain", kommo.subdomain());
                    attributes.put("host", kommo.host());
                    attributes.put("account_name", kommo.name());
                    attributes.put("client_id", Stack.KOMMO_CLIENT_ID);
                    attributes.put("redirect_uri", stack.kommoRedirectUri());
                    attributes.put("base_url", stack.simulator().toString());
                    addConnection(connection, kommoId, tenantId, "kommo", "Kommo — " + kommo.name(), Long.toString(kommo.accountId()),
                            attributes, Map.of("access_token", kommo.accessToken(), "refresh_token", kommo.refreshToken(),
                                    "client_secret", stack.kommoClientSecret()),
                            Timestamp.from(now.plusSeconds(kommo.expiresIn())), null);

                    UUID approved = null;
                    for (Template t : templates) {
                        UUID automationId = UUID.randomUUID();
                        approved = approved == null ? automationId : approved;
                        automation.setObject(1, automationId);
                        automation.setObject(2, tenantId);
                        automation.setString(3, "Benchmark: " + t.key());
                        automation.setString(4, t.key());
                        automation.setString(5, t.triggerKey());
                        automation.setObject(6, hotmartId);
                        automation.setString(7, t.actionConnector());
                        automation.setString(8, t.actionKey());
                        automation.setObject(9, kommoId);
                        automation.addBatch();
                        version.setObject(1, UUID.randomUUID());
                        version.setObject(2, tenantId);
                        version.setObject(3, automationId);
                        version.setString(4, t.mapping());
                        version.addBatch();
                    }
                    seeded.add(new Workspace(i, tenantId, webhookToken, hottok, kommo.subdomain(), kommo.accountId(), approved));
                    if ((i + 1) % 500 == 0 || i == accounts.size() - 1) {
                        tenant.executeBatch();
                        connection.executeBatch();
                        automation.executeBatch();
                        version.executeBatch();
                        db.commit();
                    }
                }
            }
            try (Statement s = db.createStatement()) {
                s.execute("ANALYZE tenant; ANALYZE connection; ANALYZE automation; ANALYZE automation_version");
            }
            db.commit();
        }
        return seeded;
    }

    private void addConnection(PreparedStatement insert, UUID id, UUID tenantId, String connector, String name, String externalAccount,
            Map<String, String> attributes, Map<String, String> secrets, Timestamp expiresAt, String webhookTokenHash) throws Exception {
        insert.setObject(1, id);
        insert.setObject(2, tenantId);
        insert.setString(3, connector);
        insert.setString(4, name);
        insert.setString(5, externalAccount);
        insert.setString(6, JSON.writeValueAsString(attributes));
        insert.setString(7, sealer.seal(JSON.writeValueAsString(secrets), tenantId.toString(), id.toString()));
        insert.setString(8, sealer.keyId());
        insert.setTimestamp(9, expiresAt);
        insert.setString(10, webhookTokenHash);
        insert.addBatch();
    }

    /** As the platform makes them: 32 random bytes, URL-safe base64 without padding. */
    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
