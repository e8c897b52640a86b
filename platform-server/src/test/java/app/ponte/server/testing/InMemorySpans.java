package app.ponte.server.testing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Where the test profile's spans go: kept in memory for tests to read (the OTLP exporter is off in
 * the test profile, application.properties). Only on the tests' class path.
 */
@ApplicationScoped
public class InMemorySpans {

    @Produces
    @Singleton
    @Unremovable
    InMemorySpanExporter inMemorySpanExporter() {
        return InMemorySpanExporter.create();
    }
}
