package app.ponte.stack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak from its distribution on Maven Central ({@code keycloak-quarkus-dist}), run in
 * development mode with the {@code ponte} realm imported at start. Keycloak keeps its own data
 * (users who registered, sessions) in its installation directory, so it survives restarts.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "ponte";
    /** The realm imported at start: self-registration, the demo user, the platform's clients. */
    public static final String REALM_RESOURCE = "/keycloak/ponte-realm.json";

    private final Path installRoot;
    private final int port;
    private final Path logFile;
    private final Optional<Path> pidFile;
    private final String adminPassword;
    private final Map<String, String> realmVariables;
    private ManagedProcess process;

    /**
     * @param installRoot   where the distribution is unpacked (once) and keeps its data
     * @param adminPassword  password of Keycloak's bootstrap administrator "admin"
     * @param platformUrl    where the platform runs (the client's redirect URIs)
     * @param platformSecret the secret of the confidential client {@code ponte-platform}
     */
    public KeycloakServer(Path installRoot, int port, Path logFile, String adminPassword, URI platformUrl,
            String platformSecret, Optional<Path> pidFile) {
        this.installRoot = installRoot.toAbsolutePath();
        this.port = port;
        this.logFile = logFile.toAbsolutePath();
        this.adminPassword = adminPassword;
        this.pidFile = pidFile;
        this.realmVariables = Map.of(
                "__PONTE_URL__", platformUrl.toString().replaceAll("/$", ""),
                "__PONTE_CLIENT_SECRET__", platformSecret);
    }

    public synchronized KeycloakServer start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        StackArtifacts artifacts = StackArtifacts.load();
        Path home = installRoot.resolve("keycloak-" + artifacts.keycloakVersion());
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            unpack(artifacts.keycloakZip(), installRoot);
        }
        installRealm(home, realmVariables);
        List<String> command = List.of("/bin/bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--http-host=127.0.0.1", "--hostname-strict=false", "--import-realm");
        Map<String, String> environment = Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword,
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        process = ManagedProcess.start("Keycloak", command, environment, home, logFile, pidFile);
        process.awaitHttpOk(issuer().resolve(issuer().getPath() + "/.well-known/openid-configuration"), Duration.ofSeconds(240));
        return this;
    }

    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
    }

    /** Stops and starts it again on the same port and data. */
    public synchronized void restart() {
        stop();
        start();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public Optional<ManagedProcess> process() {
        return Optional.ofNullable(process);
    }

    public URI baseUrl() {
        return URI.create("http://localhost:" + port);
    }

    /** The OpenID Connect issuer of the {@code ponte} realm. */
    public URI issuer() {
        return URI.create("http://localhost:" + port + "/realms/" + REALM);
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Puts the realm where {@code --import-realm} finds it. Keycloak imports it once: a realm that
     * already exists (from an earlier start) is left as it is, with the users who registered.
     */
    private static void installRealm(Path home, Map<String, String> variables) {
        try (InputStream realm = KeycloakServer.class.getResourceAsStream(REALM_RESOURCE)) {
            if (realm == null) {
                throw new StackException("the realm file " + REALM_RESOURCE + " is missing from the launcher");
            }
            String json = new String(realm.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            for (Map.Entry<String, String> variable : variables.entrySet()) {
                json = json.replace(variable.getKey(), variable.getValue());
            }
            Path importDir = Files.createDirectories(home.resolve("data/import"));
            Files.writeString(importDir.resolve("ponte-realm.json"), json);
        } catch (IOException e) {
            throw new StackException("cannot install the Keycloak realm: " + e.getMessage(), e);
        }
    }

    private static void unpack(Path zip, Path target) {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            Files.createDirectories(target);
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new StackException("the Keycloak zip has an entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    if (entry.getName().endsWith(".sh")) {
                        out.toFile().setExecutable(true);
                    }
                }
            }
        } catch (IOException e) {
            throw new StackException("cannot unpack Keycloak from " + zip + ": " + e.getMessage(), e);
        }
    }
}
