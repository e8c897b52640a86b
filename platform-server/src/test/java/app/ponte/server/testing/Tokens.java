package app.ponte.server.testing;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.util.Set;

/** Bearer tokens signed with the OIDC test server's key, for API tests. */
public final class Tokens {

    private Tokens() {
    }

    public static String bearer(String subject, String email, String name) {
        return Jwt.issuer("https://server.example.com")
                .subject(subject)
                .audience("https://service.example.com")
                .preferredUserName(email)
                .claim("email", email)
                .claim("name", name)
                .groups(Set.of("user"))
                .expiresIn(Duration.ofMinutes(5))
                .sign();
    }

    /** A platform operator (the {@code platform-operator} realm role). */
    public static String operator(String subject, String email, String name) {
        return Jwt.issuer("https://server.example.com")
                .subject(subject)
                .audience("https://service.example.com")
                .preferredUserName(email)
                .claim("email", email)
                .claim("name", name)
                .groups(Set.of("user", "platform-operator"))
                .expiresIn(Duration.ofMinutes(5))
                .sign();
    }
}
