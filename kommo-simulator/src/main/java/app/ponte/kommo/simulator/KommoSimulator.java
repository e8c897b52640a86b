package app.ponte.kommo.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A stateful fake of Kommo's API v4, OAuth and webhooks (kommo-api-contract.md), embeddable in tests:
 * {@code try (var sim = KommoSimulator.start(KommoSimulator.Options.defaults())) { sim.baseUrl(); }}.
 */
public final class KommoSimulator implements AutoCloseable {
    /** Start options; {@code port} 0 picks a free port; {@code stateFile} null keeps state in memory only. */
    public record Options(String host, int port, Path stateFile, boolean seedDemo, String demoSubdomain,
                          String demoClientId, String demoClientSecret, String demoRedirectUri) {
        public static Options defaults() {
            DemoSeed.Demo d = DemoSeed.Demo.defaults();
            return new Options("127.0.0.1", 0, null, false, d.subdomain(), d.clientId(), d.clientSecret(),
                    d.redirectUri());
        }

        public Options withPort(int port) {
            return new Options(host, port, stateFile, seedDemo, demoSubdomain, demoClientId, demoClientSecret,
                    demoRedirectUri);
        }

        public Options withStateFile(Path file) {
            return new Options(host, port, file, seedDemo, demoSubdomain, demoClientId, demoClientSecret,
                    demoRedirectUri);
        }

        public Options withDemo(boolean seed) {
            return new Options(host, port, stateFile, seed, demoSubdomain, demoClientId, demoClientSecret,
                    demoRedirectUri);
        }

        public Options withDemoIntegration(String clientId, String clientSecret, String redirectUri) {
            return new Options(host, port, stateFile, seedDemo, demoSubdomain, clientId, clientSecret, redirectUri);
        }
    }

    private final Vertx vertx;
    private final HttpServer server;
    private final Sim sim;
    private final String baseUrl;

    private KommoSimulator(Vertx vertx, HttpServer server, Sim sim, String host) {
        this.vertx = vertx;
        this.server = server;
        this.sim = sim;
        this.baseUrl = "http://" + host + ":" + server.actualPort();
    }

    /** Starts the simulator and waits until it listens. */
    public static KommoSimulator start(Options options) {
        Vertx vertx = Vertx.vertx();
        StateStore store = new StateStore(options.stateFile());
        SimState state = store.load();
        SimClock clock = new SimClock();
        clock.offset(state.clockOffset);
        Sim sim = new Sim(vertx, state, clock, new WebhookDelivery(state, clock), new SeqLog(50_000), new Faults(),
                new Throttle(), store);
        if (options.seedDemo() && state.accounts.isEmpty()) {
            synchronized (state) {
                DemoSeed.apply(sim, new DemoSeed.Demo(options.demoSubdomain(), options.demoClientId(),
                        options.demoClientSecret(), options.demoRedirectUri()));
            }
            store.markDirty();
        }
        Router router = router(sim);
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(router)
                    .listen(options.port(), options.host()).toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            vertx.setPeriodic(500, id -> {
                sim.webhooks().fireDue();
                vertx.executeBlocking(() -> {
                    store.saveIfDirty(state);
                    return null;
                }, false);
            });
            return new KommoSimulator(vertx, server, sim, options.host());
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("cannot start the Kommo simulator", e);
        }
    }

    private static Router router(Sim sim) {
        Router router = Router.router(sim.vertx());
        router.route().handler(BodyHandler.create().setBodyLimit(20L * 1024 * 1024));
        router.route().handler(ctx -> RequestLogger.handle(sim, ctx));
        router.route().handler(ctx -> ApiGate.faultsAndBlock(sim, ctx));
        OAuthRoutes oauth = new OAuthRoutes(sim);
        new ControlRoutes(sim, oauth).register(router);
        oauth.register(router);
        router.route("/api/v4/*").handler(ctx -> ApiGate.authenticate(sim, ctx));
        new AccountRoutes(sim).register(router);
        new ComplexLeadRoutes(sim).register(router);
        new LinkRoutes(sim).register(router);
        new LeadRoutes(sim).register(router);
        new PartyRoutes(sim, "contacts").register(router);
        new PartyRoutes(sim, "companies").register(router);
        new WebhookRoutes(sim).register(router);
        router.errorHandler(404, ctx -> Http.fail(ctx, ApiException.notFound()));
        router.errorHandler(405, ctx -> Http.fail(ctx, ApiException.problem(405, "Method Not Allowed",
                "Method not allowed")));
        router.errorHandler(500, ctx -> Http.send(ctx, 500, Http.PROBLEM, ApiGate.defaultFaultBody(500)));
        return router;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.actualPort();
    }

    /** Current simulated time (unix seconds). */
    public long now() {
        return sim.now();
    }

    @Override
    public void close() {
        sim.store().markDirty();
        sim.store().saveIfDirty(sim.state());
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            Thread.currentThread().interrupt();
        }
    }
}
