package app.ponte.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one JVM), run from
 * the Kafka jars on Maven Central in a JVM of its own.
 *
 * <p>The data directory keeps the cluster's metadata and logs: a broker restarted on the same
 * directory and ports keeps every topic and record. A new directory is formatted first.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String READY_MARKER = "Kafka Server started";

    private final Path dataDirectory;
    private final int port;
    private final int controllerPort;
    private final Path logFile;
    private final Optional<Path> pidFile;
    private final List<String> jvmOptions;
    private ManagedProcess process;

    /**
     * @param jvmOptions heap and GC options of the broker JVM (e.g. {@code -Xmx512m})
     * @param pidFile    where to record the broker's process id, if anywhere
     */
    public KafkaBroker(Path dataDirectory, int port, int controllerPort, Path logFile, List<String> jvmOptions,
            Optional<Path> pidFile) {
        this.dataDirectory = dataDirectory.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.logFile = logFile.toAbsolutePath();
        this.jvmOptions = List.copyOf(jvmOptions);
        this.pidFile = pidFile;
    }

    /** A broker on free ports, for tests. */
    public static KafkaBroker onFreePorts(Path dataDirectory) {
        return new KafkaBroker(dataDirectory, Ports.free(), Ports.free(), dataDirectory.resolve("broker.log"),
                List.of("-Xms128m", "-Xmx384m"), Optional.empty());
    }

    public synchronized KafkaBroker start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        List<Path> classpath = StackArtifacts.load().kafkaClasspath();
        Path config = writeConfiguration();
        if (!Files.exists(dataDirectory.resolve("logs").resolve("meta.properties"))) {
            format(classpath, config);
        }
        process = ManagedProcess.start("Kafka", JavaCommand.of(classpath, brokerJvmOptions(), "kafka.Kafka",
                List.of(config.toString())), Map.of(), dataDirectory, logFile, pidFile);
        process.awaitLogLine(READY_MARKER, Duration.ofSeconds(90));
        return this;
    }

    /** Stops the broker gracefully (it flushes its logs); its data stays. */
    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
    }

    /** Stops and starts the broker on the same ports and data. */
    public synchronized void restart() {
        stop();
        start();
    }

    /** Kills the broker without letting it shut down (for fault tests). */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
            process = null;
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public Optional<ManagedProcess> process() {
        return Optional.ofNullable(process);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        stop();
    }

    private List<String> brokerJvmOptions() {
        List<String> options = new java.util.ArrayList<>(jvmOptions);
        options.add("-XX:+UseG1GC");
        options.add("-Djava.awt.headless=true");
        options.add("-Dlog4j2.configurationFile=" + dataDirectory.resolve("log4j2.properties"));
        return options;
    }

    private void format(List<Path> classpath, Path config) {
        ManagedProcess formatter = ManagedProcess.start("Kafka storage format",
                JavaCommand.of(classpath, brokerJvmOptions(), "kafka.tools.StorageTool",
                        List.of("format", "--standalone", "--ignore-formatted", "-t", clusterId(), "-c", config.toString())),
                Map.of(), dataDirectory, logFile, Optional.empty());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (formatter.isAlive() && System.nanoTime() < deadline) {
            sleep(100);
        }
        if (formatter.isAlive() || formatter.exitCode().orElse(1) != 0) {
            formatter.stop(Duration.ZERO);
            throw new StackException("Kafka could not format its storage in " + dataDirectory + "; see " + logFile);
        }
    }

    private Path writeConfiguration() {
        String listeners = "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort;
        String properties = String.join("\n",
                "# Written by Ponte's launcher; rewritten at every start.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=" + listeners,
                "advertised.listeners=" + listeners,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDirectory.resolve("logs"),
                "num.partitions=1",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "min.insync.replicas=1",
                "default.replication.factor=1",
                "group.initial.rebalance.delay.ms=0",
                "")
                + "\n";
        String log4j = String.join("\n",
                "status = warn",
                "appender.out.type = Console",
                "appender.out.name = out",
                "appender.out.target = SYSTEM_OUT",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n",
                "rootLogger.level = info",
                "rootLogger.appenderRef.out.ref = out",
                "logger.config.name = org.apache.kafka.common.config.AbstractConfig",
                "logger.config.level = warn",
                "");
        try {
            Files.createDirectories(dataDirectory);
            Files.writeString(dataDirectory.resolve("log4j2.properties"), log4j);
            Path config = dataDirectory.resolve("server.properties");
            Files.writeString(config, properties);
            return config;
        } catch (IOException e) {
            throw new StackException("cannot write Kafka's configuration in " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    /** A Kafka cluster id: 16 random bytes, URL-safe base64 without padding, not starting with '-'. */
    static String clusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }
}
