package app.ponte.server.web;

import app.ponte.server.tenant.AccountService;
import app.ponte.server.tenant.SignedInUser;
import app.ponte.server.tenant.WorkspaceAccess;
import app.ponte.server.tenant.WorkspaceAccess.Caller;
import app.ponte.server.tenant.WorkspaceAccess.Need;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The gate of the signed-in pages: the user works in their current workspace, whose membership
 * (and role, where {@code need} asks for one) {@link WorkspaceAccess} checks, and the page's work
 * runs in that workspace's tenant context, exactly as the REST API's does. Form posts check the
 * session's {@link FormTokens} token first. Whatever the workspace does not hold (another
 * workspace's automation, a deleted one) answers a "not found" page with status 404.
 */
@ApplicationScoped
public class AppSession {

    /** A page's work, for a member in their current workspace. */
    @FunctionalInterface
    public interface PageWork {
        Response call(Caller caller, AppShell shell) throws Exception;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notFound(AppShell shell);
    }

    private final AccountService accounts;
    private final WorkspaceAccess access;
    private final FormTokens formTokens;

    AppSession(AccountService accounts, WorkspaceAccess access, FormTokens formTokens) {
        this.accounts = accounts;
        this.access = access;
        this.formTokens = formTokens;
    }

    /** A page (GET) in the user's current workspace. */
    public Response page(SecurityIdentity identity, String section, String lang, HttpHeaders headers, Need need, PageWork work) {
        SignedInUser user = accounts.signIn(identity);
        SignedInUser.Workspace workspace = user.currentWorkspace();
        AppShell shell = new AppShell(user, workspace, formTokens.token(identity), section, UiLocale.resolve(lang, headers));
        try {
            return access.withCaller(identity, workspace.id(), need, caller -> work.call(caller, shell));
        } catch (NotFoundException e) {
            return Pages.page(404, Templates.notFound(shell).setLocale(shell.locale()), lang).build();
        }
    }

    /**
     * A form post in the user's current workspace: refused (403) unless it carries this session's
     * form token; then as {@link #page}.
     */
    public Response form(SecurityIdentity identity, String formToken, String section, HttpHeaders headers, Need need, PageWork work) {
        formTokens.verify(identity, formToken);
        return page(identity, section, null, headers, need, work);
    }
}
