package app.ponte.server.tenant;

import app.ponte.server.audit.AuditLog;
import app.ponte.server.audit.AuditLog.Target;
import app.ponte.server.config.PonteConfig;
import app.ponte.server.notification.NotificationPreferences;
import app.ponte.server.notification.Notifications;
import app.ponte.server.tenant.WorkspaceAccess.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response.Status;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Invitations to join a workspace. An owner or admin creates one for a role (only owners invite
 * owners), optionally for one e-mail, and copies its link {@code <public url>/invitations/<token>};
 * the token is 32 random bytes, URL-safe, and only its SHA-256 is stored. A link is valid for
 * {@link #VALIDITY}, works once and can be revoked.
 *
 * <p>Answers of the accept step: unknown token 404; revoked, expired or already used 410; meant for
 * another e-mail 403; the caller already a member 409 (the invitation stays usable).
 */
@ApplicationScoped
public class InvitationService {

    /** How long an invitation link can be used. */
    public static final Duration VALIDITY = Duration.ofDays(7);

    private static final Logger LOG = Logger.getLogger(InvitationService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** A new invitation and the link to hand to the person invited (shown this once). */
    public record CreatedInvitation(InvitationView invitation, URI link) {
    }

    /**
     * What the person holding a link is invited to, before they accept.
     *
     * @param email the e-mail the invitation is meant for, masked (e.g. {@code a***@example.com}), or null
     */
    public record InvitationPreview(UUID workspaceId, String workspaceName, Role role, String invitedByName,
                                    String email, Instant expiresAt) {
    }

    private final EntityManager em;
    private final TenantContext tenants;
    private final AuditLog audit;
    private final PonteConfig config;
    private final Notifications notifications;
    private final NotificationPreferences preferences;

    InvitationService(EntityManager em, TenantContext tenants, AuditLog audit, PonteConfig config, Notifications notifications,
                      NotificationPreferences preferences) {
        this.em = em;
        this.notifications = notifications;
        this.preferences = preferences;
        this.tenants = tenants;
        this.audit = audit;
        this.config = config;
    }

    /**
     * Creates an invitation in the caller's workspace (in its tenant context).
     *
     * @param email null for anyone holding the link
     * @throws ForbiddenException an admin inviting an owner
     */
    @Transactional
    public CreatedInvitation create(Caller caller, Role role, String email) {
        if (!caller.role().manages()) {
            throw new ForbiddenException("only owners and admins invite");
        }
        if (role == Role.OWNER && caller.role() != Role.OWNER) {
            throw new ForbiddenException("only an owner can invite owners");
        }
        String token = newToken();
        Invitation invitation = new Invitation();
        invitation.id = UUID.randomUUID();
        invitation.tenantId = caller.workspaceId().toString();
        invitation.tokenHash = sha256(token);
        invitation.role = role;
        invitation.email = email == null || email.isBlank() ? null : email.strip();
        invitation.invitedBy = caller.userId();
        invitation.createdAt = Instant.now();
        invitation.expiresAt = invitation.createdAt.plus(VALIDITY);
        invitation.persist();
        Map<String, Object> detail = new HashMap<>();
        detail.put("role", role);
        detail.put("email", mask(invitation.email));
        audit.record(caller.workspaceId(), caller.actor(), "member.invited", Target.of("invitation", invitation.id), detail);
        URI link = link(token);
        if (invitation.email != null) {
            // mailed by NotificationSender after this commits, in the inviter's language; the link stays copyable too
            notifications.invitation(caller.workspaceId(), invitation.id, invitation.email, link, preferences.of(caller.userId()).locale());
        }
        LOG.infof("invitation %s to workspace %s created (%s)", invitation.id, caller.workspaceId(), role);
        return new CreatedInvitation(view(invitation, Map.of(caller.userId(), name(caller.displayName()))), link);
    }

    /** The workspace's invitations that can still be accepted, newest first. */
    @Transactional
    public List<InvitationView> pending(UUID workspaceId) {
        List<Invitation> pending = em.createQuery("from Invitation i where i.acceptedAt is null and i.revokedAt is null "
                        + "and i.expiresAt > :now order by i.createdAt desc, i.id", Invitation.class)
                .setParameter("now", Instant.now()).getResultList();
        List<UUID> inviters = pending.stream().map(i -> i.invitedBy).filter(java.util.Objects::nonNull).distinct().toList();
        Map<UUID, String> names = inviters.isEmpty() ? Map.of() : UserAccount.<UserAccount>list("id in ?1", inviters).stream()
                .collect(Collectors.toMap(u -> u.id, u -> name(u.displayName)));
        return pending.stream().map(i -> view(i, names)).toList();
    }

    /**
     * Revokes an invitation of the caller's workspace; revoking twice changes nothing.
     *
     * @throws NotFoundException    no such invitation in this workspace
     * @throws ClientErrorException 409 when it was already accepted
     * @throws ForbiddenException   an admin revoking an invitation to become owner
     */
    @Transactional
    public void revoke(Caller caller, UUID invitationId) {
        Invitation invitation = em.createQuery("from Invitation i where i.id = :id", Invitation.class)
                .setParameter("id", invitationId).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElseThrow(() -> new NotFoundException("invitation not found"));
        if (invitation.role == Role.OWNER && caller.role() != Role.OWNER) {
            throw new ForbiddenException("only an owner can revoke an invitation to become owner");
        }
        if (invitation.acceptedAt != null) {
            throw new ClientErrorException("the invitation was already accepted", Status.CONFLICT);
        }
        if (invitation.revokedAt != null) {
            return;
        }
        invitation.revokedAt = Instant.now();
        audit.record(caller.workspaceId(), caller.actor(), "invitation.revoked", Target.of("invitation", invitation.id),
                Map.of("role", invitation.role));
        LOG.infof("invitation %s to workspace %s revoked", invitation.id, caller.workspaceId());
    }

    /** What a link invites to, for the person holding it (any signed-in user). */
    public InvitationPreview preview(String token) {
        return inWorkspaceOf(token, invitation -> {
            usable(invitation);
            Tenant workspace = Tenant.findById(UUID.fromString(invitation.tenantId));
            String inviter = invitation.invitedBy == null ? null
                    : UserAccount.<UserAccount>findByIdOptional(invitation.invitedBy).map(u -> name(u.displayName)).orElse(null);
            return new InvitationPreview(workspace.id, workspace.name, invitation.role, inviter, mask(invitation.email),
                    invitation.expiresAt);
        });
    }

    /**
     * Adds the signed-in user to the invitation's workspace with its role; the link is then used up.
     * The user's current workspace does not change (they switch to it when they want).
     *
     * @return the workspace joined
     */
    public SignedInUser.Workspace accept(SignedInUser user, String token) {
        return inWorkspaceOf(token, invitation -> {
            UUID workspaceId = UUID.fromString(invitation.tenantId);
            Tenant workspace = Tenant.locked(workspaceId).orElseThrow(() -> new NotFoundException("invitation not found"));
            Invitation locked = em.createQuery("from Invitation i where i.id = :id", Invitation.class)
                    .setParameter("id", invitation.id).setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult();
            usable(locked);
            if (locked.email != null && (user.email() == null || !locked.email.equalsIgnoreCase(user.email().strip()))) {
                throw new ForbiddenException("this invitation is meant for another e-mail address");
            }
            if (Membership.of(workspaceId, user.id()).isPresent()) {
                throw new ClientErrorException("you are already a member of this workspace", Status.CONFLICT);
            }
            Instant now = Instant.now();
            Membership membership = new Membership();
            membership.id = UUID.randomUUID();
            membership.tenant = workspace;
            membership.user = UserAccount.findById(user.id());
            membership.role = locked.role;
            membership.createdAt = now;
            membership.persist();
            locked.acceptedAt = now;
            locked.acceptedBy = user.id();
            Map<String, Object> detail = new HashMap<>();
            detail.put("role", locked.role);
            detail.put("invitation_id", locked.id);
            detail.put("invited_by", locked.invitedBy);
            audit.record(workspaceId, AuditLog.Actor.user(user.id(), user.displayName()), "member.joined",
                    Target.of("member", user.id()), detail);
            LOG.infof("user %s joined workspace %s as %s by invitation %s", user.id(), workspaceId, locked.role, locked.id);
            return new SignedInUser.Workspace(workspace.id, workspace.name, locked.role, workspace.timeZone);
        });
    }

    /** Finds the invitation by its token across workspaces, then works on it in its workspace's context. */
    private <T> T inWorkspaceOf(String token, Function<Invitation, T> work) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw notFound();
        }
        String hash = sha256(token);
        // a native query: the tenant discriminator would hide the row, whose workspace is not known yet
        Optional<UUID> workspaceId = QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT tenant_id FROM invitation WHERE token_hash = ?1")
                .setParameter(1, hash).getResultStream().findFirst().map(UUID.class::cast));
        return tenants.call(workspaceId.orElseThrow(InvitationService::notFound), () -> QuarkusTransaction.requiringNew().call(() ->
                work.apply(em.createQuery("from Invitation i where i.tokenHash = :hash", Invitation.class)
                        .setParameter("hash", hash).getResultStream().findFirst().orElseThrow(InvitationService::notFound))));
    }

    private static void usable(Invitation invitation) {
        if (invitation.revokedAt != null) {
            throw gone("this invitation was revoked");
        }
        if (invitation.acceptedAt != null) {
            throw gone("this invitation was already used");
        }
        if (!Instant.now().isBefore(invitation.expiresAt)) {
            throw gone("this invitation has expired; ask for a new one");
        }
    }

    private URI link(String token) {
        return URI.create(config.publicUrl().toString().replaceAll("/+$", "") + "/invitations/" + token);
    }

    private static InvitationView view(Invitation i, Map<UUID, String> names) {
        return new InvitationView(i.id, i.role, i.email, i.invitedBy, i.invitedBy == null ? null : names.get(i.invitedBy),
                i.createdAt, i.expiresAt);
    }

    /** {@code ana.souza@example.com} → {@code a***@example.com}: enough to recognize, not the full address. */
    static String mask(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        String local = at < 0 ? email : email.substring(0, at);
        String domain = at < 0 ? "" : email.substring(at).toLowerCase(Locale.ROOT);
        return (local.isEmpty() ? "" : local.substring(0, 1)) + "***" + domain;
    }

    private static String name(String displayName) {
        return displayName == null ? "?" : displayName;
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static NotFoundException notFound() {
        return new NotFoundException("invitation not found");
    }

    private static ClientErrorException gone(String message) {
        return new ClientErrorException(message, Status.GONE);
    }
}
