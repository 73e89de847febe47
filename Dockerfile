# Build: the same Maven build as the README (tests run in CI, where PostgreSQL is at hand).
FROM maven:3.8-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY bot/pom.xml bot/
COPY bot/src bot/src
COPY content content
RUN mvn -B -DskipTests package

# Run: the shaded jar, the banks and the default config. SQLite lives in /app/data (a volume);
# set DBQ_DATABASE_URL=jdbc:postgresql://… to share the work between instances.
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/bot/target/dbq-bot.jar /app/dbq-bot.jar
COPY content /app/content
COPY config /app/config
VOLUME /app/data
EXPOSE 3000
ENTRYPOINT ["java", "-jar", "/app/dbq-bot.jar"]
CMD ["run"]
