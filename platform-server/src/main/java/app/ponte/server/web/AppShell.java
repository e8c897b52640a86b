package app.ponte.server.web;

import app.ponte.server.tenant.SignedInUser;
import java.util.List;
import java.util.Locale;

/**
 * What every signed-in page shows around its content: who is signed in, the workspace they work in
 * (with the switcher to their others), the session's form token and the section of the navigation.
 *
 * @param section the navigation entry of the page: home, connections, automations, runs or members
 */
public record AppShell(SignedInUser user, SignedInUser.Workspace workspace, String formToken, String section, Locale locale) {

    /** Owners and admins manage connections, members and automations. */
    public boolean manages() {
        return workspace.role().manages();
    }

    public List<SignedInUser.Workspace> workspaces() {
        return user.workspaces();
    }

    public boolean english() {
        return "en".equals(locale.getLanguage());
    }

    public boolean in(String navigationSection) {
        return navigationSection.equals(section);
    }
}
