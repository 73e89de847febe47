package dev.dbq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.testsupport.BotProcess;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs here, so the image is checked by what it is made of: every file it
 * copies exists, the jar it runs is the one this build makes, its entry point starts, and it
 * runs as a user without privileges with its data in the volume.
 */
class DockerfileIT {

  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

  private static String dockerfile() throws IOException {
    return Files.readString(REPOSITORY.resolve("Dockerfile"));
  }

  @Test
  void everyCopiedSourceIsInTheRepository() throws IOException {
    // given
    Matcher copies = Pattern.compile("(?m)^COPY (?!--from)(\\S+) ").matcher(dockerfile());

    // when / then
    int count = 0;
    while (copies.find()) {
      count++;
      assertTrue(Files.exists(REPOSITORY.resolve(copies.group(1))), "the Dockerfile copies " + copies.group(1));
    }
    assertTrue(count >= 5, "COPY lines found: " + count);
  }

  @Test
  void theImageRunsTheJarThisBuildMakesAndItsMainClassIsInIt() throws IOException {
    // given
    String file = dockerfile();
    Matcher built = Pattern.compile("(?m)^COPY --from=build /src/(\\S+) (\\S+)$").matcher(file);
    assertTrue(built.find(), "the runtime stage copies the jar from the build stage");

    // then: the build stage's jar path is where this build puts the jar, and the entry point runs it
    assertEquals(REPOSITORY.relativize(BotProcess.JAR).toString(), built.group(1));
    assertTrue(file.contains("ENTRYPOINT [\"java\", \"-jar\", \"" + built.group(2) + "\"]"), "entry point runs " + built.group(2));
    assertTrue(file.contains("RUN mvn -B -DskipTests package"), "the build is the documented Maven build");
    try (JarFile jar = new JarFile(BotProcess.JAR.toFile())) {
      String main = jar.getManifest().getMainAttributes().getValue("Main-Class");
      assertEquals("dev.dbq.cli.Main", main);
      assertTrue(jar.getEntry(main.replace('.', '/') + ".class") != null);
      assertTrue(jar.getEntry("bundled-content/database-architecture.md") != null, "the bank rides in the jar");
    }
  }

  @Test
  void theDefaultCommandIsOneTheJarKnows() throws Exception {
    // given
    Matcher cmd = Pattern.compile("(?m)^CMD \\[\"(\\w+)\"]$").matcher(dockerfile());
    assertTrue(cmd.find());

    // when
    Process help = new ProcessBuilder(
            BotProcess.JAVA, "-jar", BotProcess.JAR.toString(), cmd.group(1), "--help")
        .redirectErrorStream(true)
        .start();
    String printed = new String(help.getInputStream().readAllBytes());

    // then
    assertEquals(0, help.waitFor(), printed);
    assertTrue(printed.contains("Usage:"), printed);
  }

  @Test
  void dependenciesAreResolvedFromThePomsAloneSoASourceEditReusesThatLayer() throws IOException {
    // given
    String build = dockerfile().substring(0, dockerfile().lastIndexOf("\nFROM "));

    // then: poms, then the dependencies, then the sources, then CI's build without its tests
    int poms = build.indexOf("COPY bot/pom.xml bot/");
    int resolve = build.indexOf("RUN mvn -B dependency:go-offline");
    int sources = build.indexOf("COPY bot/src bot/src");
    int content = build.indexOf("COPY content content");
    int buildJar = build.indexOf("RUN mvn -B -DskipTests package");
    assertTrue(build.indexOf("COPY pom.xml .") >= 0 && poms >= 0, build);
    assertTrue(poms < resolve && resolve < sources && resolve < content && sources < buildJar && content < buildJar, build);
  }

  @Test
  void theBuildContextLeavesOutGitBuildOutputDatabasesAndLogsButKeepsWhatTheImageCopies() throws IOException {
    // given
    List<PathMatcher> ignored = Files.readAllLines(REPOSITORY.resolve(".dockerignore")).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .map(line -> FileSystems.getDefault().getPathMatcher("glob:" + (line.endsWith("/") ? line.substring(0, line.length() - 1) : line)))
        .toList();

    // then: a path is left out when it or a folder above it matches (Docker's rule)
    for (String path : List.of(".git/HEAD", "target/x.jar", "bot/target/dbq-bot.jar", "data/dbq.db", "dbq.db", "bot/dbq.log", "run.log")) {
      assertTrue(isIgnored(ignored, path), path + " is in the build context");
    }
    for (String path : List.of("pom.xml", "bot/pom.xml", "bot/src/main/java/dev/dbq/cli/Main.java", "content/database-architecture.md", "config/dbq.yml")) {
      assertFalse(isIgnored(ignored, path), path + " is left out of the build context, but the image copies it");
    }
  }

  private static boolean isIgnored(List<PathMatcher> patterns, String path) {
    for (Path at = Path.of(path); at != null; at = at.getParent()) {
      Path candidate = at;
      if (patterns.stream().anyMatch(p -> p.matches(candidate))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void itRunsUnprivilegedWithDataInTheVolumeAndAHealthCheckOnHealthz() throws IOException {
    // given
    String file = dockerfile();
    String runtime = file.substring(file.lastIndexOf("\nFROM "));

    // then
    Matcher user = Pattern.compile("(?m)^USER (\\S+)$").matcher(runtime);
    assertTrue(user.find(), "the runtime stage names a user");
    assertFalse(List.of("root", "0").contains(user.group(1)));
    assertTrue(runtime.contains("VOLUME /app/data"));
    assertTrue(runtime.contains("DBQ_DATABASE_URL=jdbc:sqlite:/app/data/"), "SQLite lives in the volume");
    assertTrue(runtime.contains("HEALTHCHECK") && runtime.contains("/healthz"));
    assertTrue(runtime.contains("EXPOSE 3000") && runtime.contains("DBQ_HTTP_PORT=3000"));
  }
}
