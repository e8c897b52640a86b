package app.ponte.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.server.testing.LocalhostCookieJar;
import app.ponte.stack.Ports;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command, tried as a new user would: {@code ./ponte up --detach} brings up real
 * PostgreSQL, Kafka, Keycloak (with the ponte realm) and the packaged platform; the demo user signs in
 * through Keycloak's login form; data survives a killed platform; {@code ./ponte down} leaves no
 * process behind. Runs on free ports with its own data directory.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class LocalStackIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    static Path home;

    private static final Map<String, String> ENV = new HashMap<>();

    @BeforeAll
    static void choosePorts() {
        ENV.put("PONTE_HOME", home.toString());
        ENV.put("PONTE_HTTP_PORT", Integer.toString(Ports.free()));
        ENV.put("PONTE_KEYCLOAK_PORT", Integer.toString(Ports.free()));
        ENV.put("PONTE_KAFKA_PORT", Integer.toString(Ports.free()));
        ENV.put("PONTE_KAFKA_CONTROLLER_PORT", Integer.toString(Ports.free()));
        ENV.put("PONTE_POSTGRES_PORT", Integer.toString(Ports.free()));
        ENV.put("PONTE_KOMMO_SIM_PORT", Integer.toString(Ports.free()));
        ENV.put("PONTE_SKIP_BUILD", "1");
    }

    @AfterAll
    static void stopEverything() throws Exception {
        ponte("down");
    }

    @Test
    void a_upStartsEverythingAndTheDemoUserSignsInThroughKeycloak() throws Exception {
        Result up = ponte("up", "--detach");
        assertEquals(0, up.exitCode(), up.output());
        assertTrue(up.output().contains("demo@ponte.local / demo"), up.output());

        HttpClient http = HttpClient.newBuilder().build();
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(platform("/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("Database connections health check") && ready.body().contains("Kafka connection health check"));

        HttpResponse<String> loginPage = HttpClient.newBuilder().build().send(
                HttpRequest.newBuilder(keycloak("/realms/ponte/account")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(loginPage.statusCode() < 500, "Keycloak answers: " + loginPage.statusCode());

        HttpResponse<String> simulator = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + ENV.get("PONTE_KOMMO_SIM_PORT") + "/oauth?client_id=ponte-demo-client&state=s1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, simulator.statusCode(), "the Kommo simulator's consent page knows the demo integration: " + simulator.body());

        HttpClient browser = HttpClient.newBuilder().cookieHandler(new LocalhostCookieJar())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String page = signInAsDemo(browser);
        assertTrue(page.contains("Olá, Demo Ponte!"), page);
        assertTrue(page.contains("demo@ponte.local"), page);

        // "Conectar Kommo" against the simulator's demo account, through its consent page and back.
        HttpResponse<String> connected = browser.send(HttpRequest.newBuilder(platform("/app/connections/kommo/connect")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, connected.statusCode(), connected.body());
        assertTrue(connected.uri().getQuery().startsWith("connected="), connected.uri().toString());
        assertTrue(connected.body().contains("Kommo — ") && connected.body().contains("data-status=\"OK\""), connected.body());
    }

    @Test
    void b_aSecondUpWhileRunningSaysSoAndFails() throws Exception {
        Result second = ponte("up", "--detach");
        assertNotEquals(0, second.exitCode());
        assertTrue(second.output().contains("already running"), second.output());
    }

    @Test
    void c_aKilledPlatformComesBackWithItsDataAfterUp() throws Exception {
        String workspaceBefore = workspaceOfDemo();
        long platformPid = Long.parseLong(Files.readString(home.resolve("run/platform.pid")).trim());
        ProcessHandle launcher = ProcessHandle.of(Long.parseLong(Files.readString(home.resolve("run/stack.pid")).trim())).orElseThrow();

        ProcessHandle.of(platformPid).orElseThrow().destroyForcibly();
        launcher.onExit().get(90, TimeUnit.SECONDS);
        assertFalse(Ports.isOpen(Integer.parseInt(ENV.get("PONTE_KAFKA_PORT"))), "the launcher stopped the rest of the stack");

        Result up = ponte("up", "--detach");
        assertEquals(0, up.exitCode(), up.output());
        assertEquals(workspaceBefore, workspaceOfDemo(), "the demo user's workspace survived the restart");
    }

    @Test
    void d_downLeavesNoProcessBehind() throws Exception {
        List<Long> pids = new ArrayList<>();
        for (String name : List.of("stack", "platform", "keycloak", "kommo-simulator", "kafka")) {
            pids.add(Long.parseLong(Files.readString(home.resolve("run/" + name + ".pid")).trim()));
        }

        Result down = ponte("down");
        assertEquals(0, down.exitCode(), down.output());

        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " still runs");
        }
        for (String port : List.of("PONTE_HTTP_PORT", "PONTE_KEYCLOAK_PORT", "PONTE_KAFKA_PORT", "PONTE_POSTGRES_PORT",
                "PONTE_KOMMO_SIM_PORT")) {
            assertFalse(Ports.isOpen(Integer.parseInt(ENV.get(port))), port + " still open");
        }
    }

    @Test
    void e_aTakenPortIsReportedInOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("0.0.0.0", Integer.parseInt(ENV.get("PONTE_HTTP_PORT"))));
            Result up = ponte("up", "--detach");
            assertNotEquals(0, up.exitCode());
            assertTrue(up.output().contains("is already in use; stop what uses it or set PONTE_HTTP_PORT"), up.output());
            assertFalse(up.output().contains("Exception"), up.output());
        }
    }

    @Test
    void f_aComponentThatFailsToStartIsReportedInOneLineAndNothingIsLeftRunning() throws Exception {
        Map<String, String> broken = new HashMap<>(ENV);
        broken.put("PONTE_KAFKA_CONTROLLER_PORT", ENV.get("PONTE_KAFKA_PORT"));
        Result up = ponte(broken, "up", "--detach");
        assertNotEquals(0, up.exitCode());
        assertTrue(up.output().contains("ponte: Kafka exited with code"), up.output());
        assertFalse(up.output().contains("\tat "), "no stack trace: " + up.output());
        assertFalse(Ports.isOpen(Integer.parseInt(ENV.get("PONTE_KEYCLOAK_PORT"))), "Keycloak was stopped too");
        assertFalse(Ports.isOpen(Integer.parseInt(ENV.get("PONTE_POSTGRES_PORT"))), "PostgreSQL was stopped too");
    }

    @Test
    void g_aMissingJavaIsReportedInOneLine(@TempDir Path bin) throws Exception {
        Files.createSymbolicLink(bin.resolve("bash"), Path.of("/bin/bash"));
        Files.createSymbolicLink(bin.resolve("dirname"), Path.of("/usr/bin/dirname"));
        Map<String, String> noJava = new HashMap<>(ENV);
        noJava.put("PATH", bin.toString());
        Result status = ponte(noJava, "status");
        assertEquals(1, status.exitCode());
        assertEquals("ponte: Java 17 or newer is required, but 'java' was not found (install a JDK 17 or set JAVA_HOME)",
                status.output().trim());
    }

    /** Follows the authorization code flow through Keycloak's real login form, as a browser does. */
    private static String signInAsDemo(HttpClient browser) throws Exception {
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(platform("/app")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(form.uri().toString().startsWith(keycloak("/realms/ponte/").toString()), form.uri().toString());
        Matcher action = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(form.body());
        assertTrue(action.find(), form.body());
        String body = "username=" + URLEncoder.encode("demo@ponte.local", StandardCharsets.UTF_8) + "&password=demo&credentialId=";
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());
        assertEquals(platform("/app").getPath(), page.uri().getPath());
        return page.body();
    }

    private static String workspaceOfDemo() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String form = "grant_type=password&client_id=ponte-cli&username=" + URLEncoder.encode("demo@ponte.local", StandardCharsets.UTF_8)
                + "&password=demo";
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(keycloak("/realms/ponte/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, token.statusCode(), token.body());
        String accessToken = field(token.body(), "access_token");
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(platform("/api/v1/me"))
                .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, me.statusCode(), me.body());
        Matcher workspace = Pattern.compile("\"workspaces\":\\[\\{\"id\":\"([0-9a-f-]+)\"").matcher(me.body());
        assertTrue(workspace.find(), me.body());
        return workspace.group(1);
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertTrue(m.find(), json);
        return m.group(1);
    }

    private static URI platform(String path) {
        return URI.create("http://localhost:" + ENV.get("PONTE_HTTP_PORT") + path);
    }

    private static URI keycloak(String path) {
        return URI.create("http://localhost:" + ENV.get("PONTE_KEYCLOAK_PORT") + path);
    }

    private record Result(int exitCode, String output) {
    }

    private static Result ponte(String... args) throws IOException, InterruptedException {
        return ponte(ENV, args);
    }

    private static Result ponte(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("ponte").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().remove("JAVA_HOME");
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return new Result(process.exitValue(), output);
    }
}
