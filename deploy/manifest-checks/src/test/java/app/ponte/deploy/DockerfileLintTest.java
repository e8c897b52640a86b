package app.ponte.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The images' Dockerfiles, linted without a Docker engine (see docs/operations.md). */
class DockerfileLintTest {

    private static final String PLATFORM = "platform-server/src/main/docker/Dockerfile.jvm";

    @ParameterizedTest
    @ValueSource(strings = {PLATFORM, "deploy/compose/kommo-simulator.Dockerfile"})
    void repositoryDockerfilesPassEveryRule(String file) {
        assertEquals(List.of(), DockerfileRules.check(Dockerfile.parse(Repository.read(file))), file);
    }

    @Test
    void platformImageRunsTheFastJarAsNonRootWithReadinessHealthCheck() {
        Dockerfile dockerfile = Dockerfile.parse(Repository.read(PLATFORM));
        List<Dockerfile.Instruction> run = dockerfile.finalStage();
        assertTrue(has(run, "EXPOSE", "8080"), "listens on 8080, as quarkus.http.port");
        assertTrue(has(run, "HEALTHCHECK", "http://127.0.0.1:8080/q/health/ready"), "health check on readiness");
        assertTrue(has(run, "USER", "10001:10001"));
        for (String part : List.of("lib/", "app/", "quarkus/", "*.jar")) {
            assertTrue(has(run, "COPY", "target/quarkus-app/" + part), "copies the fast-jar's " + part);
        }
        assertTrue(has(run, "ENTRYPOINT", "/deployments/quarkus-run.jar"));
    }

    @Test
    void continuedLinesAndCommentsAreReadAsDockerReadsThem() {
        Dockerfile dockerfile = Dockerfile.parse("""
                # syntax comment
                FROM eclipse-temurin:17.0.15_6-jre-noble AS run
                RUN apt-get update \\
                    # a comment inside a continued instruction
                    && apt-get install -y --no-install-recommends curl \\
                    && rm -rf /var/lib/apt/lists/*
                USER 10001
                """);
        assertEquals(3, dockerfile.instructions().size());
        assertEquals(3, dockerfile.instructions().get(1).line());
        assertEquals("apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*",
                dockerfile.instructions().get(1).arguments());
    }

    @Test
    void brokenDockerfileBreaksEveryRule() {
        List<String> problems = DockerfileRules.check(Dockerfile.parse("""
                FROM eclipse-temurin AS build
                FROM build
                ADD https://example.com/app.jar /app.jar
                ENV DB_PASSWORD=hunter2 LANG=C.UTF-8
                ARG KOMMO_CLIENT_SECRET
                RUN apt-get update && apt-get install -y curl
                ENTRYPOINT java -jar /app.jar
                """));
        List<String> expected = List.of(
                "line 1: base image 'eclipse-temurin' has no pinned tag",
                "the final stage has no USER",
                "the final stage has no EXPOSE",
                "the final stage has no HEALTHCHECK",
                "line 3: ADD fetches URLs",
                "line 4: ENV DB_PASSWORD looks like a secret",
                "line 5: ARG KOMMO_CLIENT_SECRET looks like a secret",
                "line 6: apt-get install without --no-install-recommends",
                "line 6: apt-get install without removing /var/lib/apt/lists",
                "line 7: ENTRYPOINT in shell form");
        assertEquals(expected.size(), problems.size(), String.join("\n", problems));
        for (String start : expected) {
            assertTrue(problems.stream().anyMatch(p -> p.startsWith(start)), "expected a problem starting with: " + start + "\n" + problems);
        }
    }

    @Test
    void rootUserAndLatestTagAreRefused() {
        List<String> problems = DockerfileRules.check(Dockerfile.parse("""
                FROM eclipse-temurin:latest
                EXPOSE 8080
                HEALTHCHECK CMD true
                USER root
                """));
        assertEquals(2, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).contains("no pinned tag"));
        assertTrue(problems.get(1).contains("numeric, non-zero uid"));
    }

    private static boolean has(List<Dockerfile.Instruction> instructions, String keyword, String fragment) {
        return instructions.stream().anyMatch(i -> i.is(keyword) && i.arguments().contains(fragment));
    }
}
