package app.ponte.kommo.simulator;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone entry point: {@code --port 18090 --state-file state.json --host 127.0.0.1 --client-id ...
 * --client-secret ... --redirect-uri ... --subdomain ... --no-demo}.
 */
public final class KommoSimulatorMain {
    private KommoSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        KommoSimulator.Options o = KommoSimulator.Options.defaults().withPort(18090).withDemo(true);
        String host = o.host();
        String sub = o.demoSubdomain();
        String id = o.demoClientId();
        String secret = o.demoClientSecret();
        String redirect = o.demoRedirectUri();
        Path state = null;
        boolean demo = true;
        int port = 18090;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--host" -> host = args[++i];
                case "--state-file" -> state = Path.of(args[++i]);
                case "--client-id" -> id = args[++i];
                case "--client-secret" -> secret = args[++i];
                case "--redirect-uri" -> redirect = args[++i];
                case "--subdomain" -> sub = args[++i];
                case "--no-demo" -> demo = false;
                default -> {
                    System.err.println("unknown option " + a);
                    System.exit(2);
                }
            }
        }
        KommoSimulator sim = KommoSimulator.start(new KommoSimulator.Options(host, port, state, demo, sub, id, secret,
                redirect));
        System.out.println("Kommo simulator listening on " + sim.baseUrl());
        if (demo) {
            System.out.println("demo account: " + sub + " | client_id=" + id + " client_secret=" + secret
                    + " redirect_uri=" + redirect);
            System.out.println("consent: " + sim.baseUrl() + "/oauth?client_id=" + id + "&state=xyz");
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stop.countDown();
        }));
        stop.await();
    }
}
