# syntax=docker/dockerfile:1
# Build: the Maven build CI runs (`bash .ci/run` = `mvn -B verify`), without the tests here: they
# need PostgreSQL and run in CI. The jar is the same one CI tests.
FROM maven:3.8-eclipse-temurin-17 AS build
WORKDIR /src
# The poms first: the dependency layer is cached until a pom changes, so editing a source does
# not download everything again. go-offline misses what plugins load when they run (enforcer,
# compiler, shade); building the module once without sources fetches that too.
COPY pom.xml .
COPY bot/pom.xml bot/
RUN mvn -B dependency:go-offline && mvn -B -q -DskipTests package && rm -rf bot/target
COPY bot/src bot/src
COPY content content
RUN mvn -B -DskipTests package

# Run: a JRE, the shaded jar, the banks and the default config, as a user without privileges.
# SQLite lives in /app/data (a volume); DBQ_DATABASE_URL=jdbc:postgresql://… shares the work
# between instances. Every setting comes from the environment (see config/dbq.yml).
FROM eclipse-temurin:17-jre
RUN groupadd --system dbq && useradd --system --gid dbq --home-dir /app --shell /usr/sbin/nologin dbq \
 && mkdir -p /app/data && chown dbq:dbq /app/data
WORKDIR /app
COPY --from=build /src/bot/target/dbq-bot.jar /app/dbq-bot.jar
COPY content /app/content
COPY config /app/config
USER dbq
VOLUME /app/data
ENV DBQ_HTTP_PORT=3000 \
    DBQ_DATABASE_URL=jdbc:sqlite:/app/data/dbq.db \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 3000
# bash's /dev/tcp keeps the image free of curl: healthy when /healthz answers 200.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${DBQ_HTTP_PORT} && printf 'GET /healthz HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "-jar", "/app/dbq-bot.jar"]
CMD ["run"]
