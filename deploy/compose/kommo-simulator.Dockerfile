# The Kommo simulator (module kommo-simulator), built from source inside the image, for the
# compose stack. Build context: the repository root (deploy/compose/compose.yaml sets it).
FROM eclipse-temurin:17.0.15_6-jdk-noble AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -pl kommo-simulator -am install -DskipTests \
    && ./mvnw -B -q -pl kommo-simulator dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=/out/lib \
    && cp kommo-simulator/target/kommo-simulator-*.jar /out/

FROM eclipse-temurin:17.0.15_6-jre-noble
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 kommo \
    && useradd --system --uid 10001 --gid 10001 --home-dir /data --shell /usr/sbin/nologin kommo \
    && mkdir -p /data \
    && chown 10001:10001 /data
COPY --from=build /out/ /opt/kommo-simulator/
USER 10001:10001
EXPOSE 18090
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
    CMD curl -fsS http://127.0.0.1:18090/__sim/config || exit 1
# The demo account's client secret and redirect URI come from compose's command (see compose.yaml).
ENTRYPOINT ["java", "-Xmx256m", "-cp", "/opt/kommo-simulator/*:/opt/kommo-simulator/lib/*", \
    "app.ponte.kommo.simulator.KommoSimulatorMain", "--host", "0.0.0.0", "--port", "18090", "--state-file", "/data/state.json"]
