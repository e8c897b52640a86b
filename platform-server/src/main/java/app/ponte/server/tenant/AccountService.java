package app.ponte.server.tenant;

import app.ponte.server.config.PonteConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Turns an authenticated identity into a Ponte user: the first sign-in creates the user and their
 * own workspace (they become its owner); later sign-ins refresh e-mail and name from the token. A
 * user removed from every workspace gets a new one of their own at the next sign-in. The user's
 * current workspace is the one they switched to, else their oldest membership.
 */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);

    private final PonteConfig config;

    AccountService(PonteConfig config) {
        this.config = config;
    }

    @Transactional
    public SignedInUser signIn(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token) || token.getSubject() == null) {
            throw new IllegalArgumentException("the identity carries no OpenID Connect token");
        }
        String issuer = Optional.ofNullable(token.getIssuer()).orElse("");
        String email = claim(token, "email");
        String name = Optional.ofNullable(claim(token, "name"))
                .or(() -> Optional.ofNullable(claim(token, "preferred_username")))
                .orElse(email);
        Instant now = Instant.now();
        UserAccount user = UserAccount.findBySubject(issuer, token.getSubject()).orElseGet(() -> {
            UserAccount created = new UserAccount();
            created.id = UUID.randomUUID();
            created.oidcIssuer = issuer;
            created.oidcSubject = token.getSubject();
            created.createdAt = now;
            return created;
        });
        boolean firstSignIn = !user.isPersistent();
        user.email = email;
        user.displayName = name;
        user.lastLoginAt = now;
        user.persist();
        List<Membership> memberships = firstSignIn ? List.of() : Membership.ofUser(user);
        if (memberships.isEmpty()) {
            // at the first sign-in, or after being removed from every workspace: everyone has a place to work
            createOwnWorkspace(user, now);
            LOG.infof(firstSignIn ? "new user %s signed in for the first time; workspace created"
                    : "user %s belonged to no workspace any more; a new one was created", user.id);
            memberships = Membership.ofUser(user);
        }
        return view(user, memberships);
    }

    /**
     * Makes {@code workspaceId} the workspace the user works in from now on (pages, and every
     * caller of {@link SignedInUser#currentWorkspace()}).
     *
     * @return the user, now working in that workspace
     * @throws NotFoundException when the user does not belong to it
     */
    @Transactional
    public SignedInUser switchWorkspace(SecurityIdentity identity, UUID workspaceId) {
        SignedInUser user = signIn(identity);
        if (user.workspace(workspaceId).isEmpty()) {
            throw new NotFoundException("workspace not found");
        }
        UserAccount account = UserAccount.findById(user.id());
        account.currentTenantId = workspaceId;
        return view(account, Membership.ofUser(account));
    }

    private void createOwnWorkspace(UserAccount user, Instant now) {
        Tenant tenant = new Tenant();
        tenant.id = UUID.randomUUID();
        tenant.name = MessageFormat.format(config.tenancy().defaultWorkspaceName(), firstName(user.displayName));
        tenant.timeZone = config.tenancy().defaultTimeZone().getId();
        tenant.createdAt = now;
        tenant.persist();
        Membership owner = new Membership();
        owner.id = UUID.randomUUID();
        owner.tenant = tenant;
        owner.user = user;
        owner.role = Role.OWNER;
        owner.createdAt = now;
        owner.persist();
    }

    private static SignedInUser view(UserAccount user, List<Membership> memberships) {
        return new SignedInUser(user.id, user.email, user.displayName, user.currentTenantId, memberships.stream()
                .map(m -> new SignedInUser.Workspace(m.tenant.id, m.tenant.name, m.role, m.tenant.timeZone))
                .toList());
    }

    private static String firstName(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return "você";
        }
        String first = displayName.trim().split("[\\s@]+")[0];
        return first.substring(0, 1).toUpperCase(Locale.ROOT) + first.substring(1);
    }

    private static String claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        return value == null ? null : value.toString();
    }
}
