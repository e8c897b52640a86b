package app.ponte.server.crypto;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.server.tenant.TenantContext;
import app.ponte.server.testing.RunnerWorkspace;
import app.ponte.server.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Key rotation without downtime: a connection written under the previous key (test0) keeps working,
 * and the re-encryption job rewrites it under the active key (test1) with the same secrets.
 */
@QuarkusTest
class SecretReencryptionTest {

    private static final String PREVIOUS_KEY = "test0:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

    @Inject
    SecretReencryption reencryption;

    @Inject
    SecretCipher cipher;

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenants;

    @Test
    void rewritesConnectionsUnderThePreviousKeyWithTheActiveKeyWhileTheyKeepWorking() {
        String hottok = "hottok-rotacao-" + "r".repeat(20);
        String token = Tokens.bearer(UUID.randomUUID().toString(), "rotacao@example.com", "Rotação");
        String workspace = given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(200).extract().path("workspaces[0].id");
        var created = given().auth().oauth2(token).contentType("application/json").body("{\"hottok\":\"" + hottok + "\"}")
                .when().post("/api/v1/workspaces/" + workspace + "/connections/hotmart").then().statusCode(201).extract().jsonPath();
        String hook = URI.create(created.getString("webhookUrl")).getPath();
        UUID connection = UUID.fromString(created.getString("connection.id"));
        String aad = "connection:" + workspace + ":" + connection;

        // as a connection saved before the rotation: sealed under the key that is now a previous one
        String plaintext = cipher.decrypt(row(connection).get(0)[0], aad);
        String old = previousKeyCipher().encrypt(plaintext, aad);
        tx(() -> em.createNativeQuery("UPDATE connection SET secrets = ?2, key_id = 'test0' WHERE id = ?1")
                .setParameter(1, connection).setParameter(2, old).executeUpdate());
        assertTrue(reencryption.remaining() >= 1);
        given().header("X-HOTMART-HOTTOK", hottok).contentType("application/json").body(RunnerWorkspace.fixture("PURCHASE_APPROVED.json"))
                .when().post(hook).then().statusCode(200);

        SecretReencryption.Result result = reencryption.run();

        assertTrue(result.rewritten() >= 1, result.toString());
        assertEquals(0, result.remaining(), "nothing is left under a previous key: it can be removed from the configuration");
        String[] now = row(connection).get(0);
        assertEquals("test1", now[1]);
        assertTrue(now[0].startsWith("v1:test1:"), now[0]);
        assertEquals(plaintext, cipher.decrypt(now[0], aad), "the same secrets, under the new key");
        given().header("X-HOTMART-HOTTOK", hottok).contentType("application/json")
                .body(RunnerWorkspace.asAnotherBuyer(RunnerWorkspace.fixture("PURCHASE_APPROVED.json"), 7))
                .when().post(hook).then().statusCode(200);
        assertEquals(0, reencryption.run().rewritten(), "a second run has nothing to do");
    }

    private List<String[]> row(UUID connection) {
        return tx(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT secrets, key_id FROM connection WHERE id = ?1")
                    .setParameter(1, connection).getResultList();
            return rows.stream().map(r -> new String[] {(String) r[0], (String) r[1]}).toList();
        });
    }

    private <T> T tx(java.util.concurrent.Callable<T> work) {
        return tenants.call(TenantContext.NONE, () -> QuarkusTransaction.requiringNew().call(work));
    }

    private static SecretCipher previousKeyCipher() {
        return new SecretCipher(new CryptoConfig() {
            @Override
            public String key() {
                return PREVIOUS_KEY;
            }

            @Override
            public Optional<List<String>> previousKeys() {
                return Optional.empty();
            }

            @Override
            public String reencryptEvery() {
                return "off";
            }
        });
    }
}
