package app.ponte.kommo.simulator;

import app.ponte.kommo.simulator.Model.AuthCode;
import app.ponte.kommo.simulator.Model.Integration;
import app.ponte.kommo.simulator.Model.User;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Consent page, token endpoint (code and refresh grants, rotation) and the subdomain lookup (§3). */
final class OAuthRoutes {
    private static final String OAUTH_TYPE = "https://developers.amocrm.ru/v3/errors/OAuthProblemJson";
    private final Sim sim;

    OAuthRoutes(Sim sim) {
        this.sim = sim;
    }

    void register(Router router) {
        router.get("/oauth").handler(this::consent);
        router.get("/oauth/").handler(this::consent);
        router.post("/oauth2/access_token").handler(this::token);
        router.get("/oauth2/account/current/subdomain").handler(this::currentSubdomain);
    }

    /** §3.1: decides at once (sim_decision) and redirects like the real consent page. */
    private void consent(RoutingContext ctx) {
        var q = ctx.queryParams();
        String location;
        synchronized (sim.state()) {
            SimState state = sim.state();
            Integration integration = q.get("client_id") == null ? null : state.integrations.get(q.get("client_id"));
            if (integration == null) {
                Http.send(ctx, 400, "text/plain; charset=utf-8", "Unknown client_id");
                return;
            }
            Account account;
            if (q.get("sim_account") != null) {
                account = state.accounts.values().stream().filter(a -> a.subdomain.equals(q.get("sim_account")))
                        .findFirst().orElse(null);
            } else {
                // the account the user is signed in to: the first one created (the demo account when seeded)
                account = state.accounts.isEmpty() ? null : state.accounts.values().iterator().next();
            }
            if (account == null) {
                Http.send(ctx, 400, "text/plain; charset=utf-8",
                        "No account exists: create one with POST /__sim/accounts, or pass sim_account");
                return;
            }
            User user = chooseUser(account, q.get("sim_user"));
            if (user == null) {
                Http.send(ctx, 400, "text/plain; charset=utf-8", "Unknown sim_user");
                return;
            }
            Map<String, String> params = new LinkedHashMap<>();
            boolean allow = !"deny".equals(q.get("sim_decision")) && user.isAdmin();
            if (allow) {
                params.put("code", mintCode(integration.clientId(), account, user.id()));
                if (q.get("state") != null) {
                    params.put("state", q.get("state"));
                }
                params.put("referer", account.host);
                params.put("client_id", integration.clientId());
            } else {
                params.put("error", "access_denied");
                params.put("client_id", integration.clientId());
                if (q.get("state") != null) {
                    params.put("state", q.get("state"));
                }
            }
            location = withQuery(integration.redirectUri(), params);
        }
        sim.changed();
        ctx.response().setStatusCode(302).putHeader("Location", location).end();
    }

    private static User chooseUser(Account account, String simUser) {
        if (simUser != null) {
            return account.users.stream().filter(u -> String.valueOf(u.id()).equals(simUser)).findFirst().orElse(null);
        }
        return account.users.stream().filter(User::isAdmin).findFirst()
                .orElse(account.users.isEmpty() ? null : account.users.get(0));
    }

    /** Creates a single-use code valid for {@code auth_code_ttl}; caller holds the state lock. */
    String mintCode(String clientId, Account account, long userId) {
        String code = "def50200" + Tokens.random() + Tokens.random();
        sim.state().codes.put(Tokens.hash(code),
                new AuthCode(clientId, account.id, userId, sim.now() + sim.config().authCodeTtl, false));
        return code;
    }

    static String withQuery(String uri, Map<String, String> params) {
        StringBuilder out = new StringBuilder(uri);
        char sep = uri.contains("?") ? '&' : '?';
        for (var e : params.entrySet()) {
            out.append(sep).append(FormEncoder.encode(e.getKey())).append('=').append(FormEncoder.encode(e.getValue()));
            sep = '&';
        }
        return out.toString();
    }

    /** §3.2: form or JSON body; code or refresh grant. */
    private void token(RoutingContext ctx) {
        Map<String, String> f = fields(ctx);
        ObjectNode answer;
        synchronized (sim.state()) {
            try {
                answer = exchange(f);
            } catch (ApiException e) {
                Http.fail(ctx, e);
                return;
            }
        }
        sim.changed();
        Http.json(ctx, 200, answer);
    }

    private ObjectNode exchange(Map<String, String> f) {
        for (String required : new String[] {"client_id", "client_secret", "grant_type"}) {
            if (blank(f.get(required))) {
                throw oauthError(400, "Check the \"" + required + "\" parameter");
            }
        }
        String grantType = f.get("grant_type");
        if (!grantType.equals("authorization_code") && !grantType.equals("refresh_token")) {
            throw oauthError(400, "Check the \"grant_type\" parameter");
        }
        Integration integration = sim.state().integrations.get(f.get("client_id"));
        if (integration == null || !integration.clientSecret().equals(f.get("client_secret"))) {
            ObjectNode body = Json.object().put("title", "Некорректный клиент").put("type", OAUTH_TYPE)
                    .put("status", 401).put("detail", "Авторизация клиента не прошла");
            throw new ApiException(401, Http.JSON, Json.write(body));
        }
        return grantType.equals("authorization_code") ? codeGrant(integration, f) : refreshGrant(integration, f);
    }

    private ObjectNode codeGrant(Integration integration, Map<String, String> f) {
        if (blank(f.get("code"))) {
            throw oauthError(400, "Check the \"code\" parameter");
        }
        if (blank(f.get("redirect_uri"))) {
            throw oauthError(400, "Check the \"redirect_uri\" parameter");
        }
        String hash = Tokens.hash(f.get("code"));
        AuthCode code = sim.state().codes.get(hash);
        if (code == null || !code.clientId().equals(integration.clientId())
                || !sim.state().accounts.containsKey(code.accountId())) {
            throw oauthError(400, "Cannot decrypt the authorization code");
        }
        if (code.used()) {
            throw oauthError(400, "Authorization code has been revoked");
        }
        if (sim.now() >= code.expiresAt()) {
            throw oauthError(400, "Authorization code has expired");
        }
        if (!integration.redirectUri().equals(f.get("redirect_uri"))) {
            throw oauthError(400, "Authorization code was not issued to this redirect URI");
        }
        sim.state().codes.put(hash, new AuthCode(code.clientId(), code.accountId(), code.userId(), code.expiresAt(), true));
        return issuePair(integration.clientId(), code.accountId(), code.userId(), null);
    }

    private ObjectNode refreshGrant(Integration integration, Map<String, String> f) {
        if (blank(f.get("refresh_token"))) {
            throw oauthError(400, "Check the \"refresh_token\" parameter");
        }
        Grant grant = sim.state().grants.get(Tokens.hash(f.get("refresh_token")));
        if (grant == null || !grant.kind.equals(Grant.REFRESH) || !grant.clientId.equals(integration.clientId())
                || !sim.state().accounts.containsKey(grant.accountId)) {
            throw oauthError(401, "Cannot decrypt the refresh token");
        }
        if (grant.revoked) {
            throw oauthError(401, "Token has been revoked");
        }
        if (sim.now() >= grant.expiresAt) {
            throw oauthError(401, "Token has expired");
        }
        usedChildOf(sim, grant);
        if (!sim.config().graceRefresh()) {
            grant.revoked = true;
        }
        return issuePair(grant.clientId, grant.accountId, grant.userId, grant.hash);
    }

    /**
     * Grace mode (§3.4): using a token issued from refresh token R revokes R and R's other children. Called for
     * every accepted access or refresh token; caller holds the state lock.
     */
    static void usedChildOf(Sim sim, Grant used) {
        if (used.parentHash == null) {
            return;
        }
        Grant parent = sim.state().grants.get(used.parentHash);
        if (parent == null || parent.revoked) {
            return;
        }
        parent.revoked = true;
        String keep = used.kind.equals(Grant.REFRESH) ? used.hash : null;
        for (Grant g : sim.state().grants.values()) {
            boolean sibling = g.kind.equals(Grant.REFRESH) && used.parentHash.equals(g.parentHash);
            boolean mine = g.hash.equals(keep) || used.hash.equals(g.pairHash);
            if (sibling && !mine) {
                g.revoked = true;
            }
        }
        sim.changed();
    }

    private ObjectNode issuePair(String clientId, long accountId, long userId, String parentHash) {
        long now = sim.now();
        Account account = sim.state().accounts.get(accountId);
        long accessExp = now + sim.config().accessTokenTtl;
        String access = Tokens.accessJwt(accountId, userId, clientId, now, accessExp, account.host);
        String refresh = Tokens.random();
        Grant a = new Grant(Tokens.hash(access), Grant.ACCESS, clientId, accountId, userId, now, accessExp, parentHash);
        Grant r = new Grant(Tokens.hash(refresh), Grant.REFRESH, clientId, accountId, userId, now,
                now + sim.config().refreshTokenTtl, parentHash);
        r.pairHash = a.hash;
        sim.state().grants.put(a.hash, a);
        sim.state().grants.put(r.hash, r);
        return Json.object().put("token_type", "Bearer").put("expires_in", sim.config().accessTokenTtl)
                .put("server_time", now).put("access_token", access).put("refresh_token", refresh);
    }

    /** §3.4: which host an account lives on now, found by its refresh token. */
    private void currentSubdomain(RoutingContext ctx) {
        String token = ctx.request().getHeader("X-Refresh-Token");
        ObjectNode answer = null;
        synchronized (sim.state()) {
            Grant grant = token == null ? null : sim.state().grants.get(Tokens.hash(token));
            Account account = grant == null || !grant.kind.equals(Grant.REFRESH) || grant.revoked
                    ? null : sim.state().accounts.get(grant.accountId);
            if (account != null) {
                String tld = account.host.substring(account.host.lastIndexOf('.') + 1);
                answer = Json.object().put("id", account.id).put("subdomain", account.subdomain)
                        .put("domain", account.host).put("top_level_domain", tld);
                ctx.put(RequestLogger.ACCOUNT, account.subdomain);
            }
        }
        if (answer == null) {
            Http.fail(ctx, ApiException.problem(401, "Unauthorized", "Unknown refresh token"));
        } else {
            Http.json(ctx, 200, answer);
        }
    }

    private static ApiException oauthError(int status, String hint) {
        ObjectNode body = Json.object().put("hint", hint).put("title", "Некорректный запрос").put("type", OAUTH_TYPE)
                .put("status", status).put("detail", "В запросе отсутствует ряд параметров или параметры невалидны");
        return new ApiException(status, Http.JSON, Json.write(body));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Map<String, String> fields(RoutingContext ctx) {
        Map<String, String> out = new LinkedHashMap<>();
        String body = ctx.body() == null ? null : ctx.body().asString();
        if (body == null || body.isBlank()) {
            return out;
        }
        String trimmed = body.trim();
        if (trimmed.startsWith("{")) {
            try {
                JsonNode json = Json.MAPPER.readTree(trimmed);
                json.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
            } catch (Exception e) {
                return out;
            }
            return out;
        }
        for (String pair : trimmed.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
