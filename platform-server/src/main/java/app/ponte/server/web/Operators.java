package app.ponte.server.web;

/** The people who run the Ponte platform itself (not a workspace role). */
public final class Operators {

    /** The Keycloak realm role of platform operators (realm {@code ponte}, deploy/local). */
    public static final String ROLE = "platform-operator";

    private Operators() {
    }
}
