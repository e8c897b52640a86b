package app.ponte.server.testing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Every {@code @QuarkusTest} of this module runs against a real PostgreSQL, a real Kafka broker and
 * the Quarkus OIDC test server (WireMock), plus the Kommo simulator at the edge we cannot reach and an SMTP server (GreenMail),
 * declared once here for all test classes.
 */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(KommoSimulatorResource.class)
@QuarkusTestResource(MailServerResource.class)
public final class RealServers {

    private RealServers() {
    }
}
