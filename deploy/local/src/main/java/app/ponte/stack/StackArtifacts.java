package app.ponte.stack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Where the servers' own files are on this machine: the build of this module resolves the Kafka
 * broker's jars and the Keycloak distribution from Maven Central and records their paths.
 */
public final class StackArtifacts {

    private final Properties properties;

    private StackArtifacts(Properties properties) {
        this.properties = properties;
    }

    public static StackArtifacts load() {
        Properties properties = new Properties();
        try (InputStream in = StackArtifacts.class.getResourceAsStream("/ponte-stack.properties")) {
            if (in == null) {
                throw new StackException("ponte-stack.properties is missing: build the project first (./mvnw install -DskipTests)");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new StackException("cannot read ponte-stack.properties: " + e.getMessage(), e);
        }
        return new StackArtifacts(properties);
    }

    /** The Kafka broker's class path: kafka_2.13 and a log4j2 binding, as jars in the local Maven repository. */
    public List<Path> kafkaClasspath() {
        return serverClasspath("ponte-kafka-broker.classpath");
    }

    /** The Kommo simulator's class path: its own classes and its runtime dependencies. */
    public List<Path> kommoSimulatorClasspath() {
        return serverClasspath("ponte-kommo-simulator.classpath");
    }

    /**
     * A server's class path from the file its module's build wrote ({@code <name>}, one path-separated
     * line), led by the jar or directory that holds that file.
     */
    private static List<Path> serverClasspath(String name) {
        java.net.URL resource = StackArtifacts.class.getResource("/" + name);
        if (resource == null) {
            throw new StackException(name + " is missing: build the project first (./mvnw install -DskipTests)");
        }
        String classpath;
        try (InputStream in = resource.openStream()) {
            classpath = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new StackException("cannot read " + name + ": " + e.getMessage(), e);
        }
        List<Path> entries = new java.util.ArrayList<>();
        entries.add(locationOf(resource));
        Arrays.stream(classpath.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).forEach(entries::add);
        entries.stream().filter(entry -> !Files.exists(entry)).findFirst().ifPresent(missing -> {
            throw new StackException(missing + " is missing (listed in " + name + "); rebuild with ./mvnw install -DskipTests");
        });
        return entries;
    }

    private static Path locationOf(java.net.URL resource) {
        try {
            String url = resource.toString();
            if (url.startsWith("jar:")) {
                return Path.of(java.net.URI.create(url.substring(4, url.indexOf("!/"))));
            }
            return Path.of(resource.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public String kafkaVersion() {
        return require("kafka.version");
    }

    public Path keycloakZip() {
        Path zip = Path.of(require("keycloak.zip"));
        if (!Files.isRegularFile(zip)) {
            throw new StackException("Keycloak distribution " + zip + " is missing; rebuild with ./mvnw install -DskipTests");
        }
        return zip;
    }

    public String keycloakVersion() {
        return require("keycloak.version");
    }

    /** The jar or classes directory this launcher runs from, for child JVMs that use {@link ParentWatch}. */
    public static Path launcherLocation() {
        try {
            return Path.of(ParentWatch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private String require(String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new StackException("ponte-stack.properties has no " + key + ": rebuild with ./mvnw install -DskipTests");
        }
        return value;
    }
}
