package dev.dbq.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What the class path must not carry: library versions with published advisories (README, "Keeping
 * dependencies current"). The versions themselves are pinned in the parent pom.
 */
class DependenciesTest {

  /** GHSA-72hv-8253-57qq is fixed from 2.18.6 on; the parent pom pins one Jackson for everyone. */
  private static final int[] FIRST_FIXED_JACKSON = {2, 18, 6};

  private static final Pattern JACKSON_JAR = Pattern.compile("(jackson-[a-z0-9-]+)-(\\d+)\\.(\\d+)(?:\\.(\\d+))?\\.jar$");

  private static List<String> classPath() {
    return Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
  }

  @Test
  void jacksonIsAFixedVersionAndTheSameReleaseForEveryModuleOnTheClassPath() {
    // given
    com.fasterxml.jackson.core.Version databind = com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION;

    // then
    int[] actual = {databind.getMajorVersion(), databind.getMinorVersion(), databind.getPatchLevel()};
    assertTrue(Arrays.compare(actual, FIRST_FIXED_JACKSON) >= 0, "jackson-databind " + databind + " is flagged");
    Set<String> releases = classPath().stream()
        .map(JACKSON_JAR::matcher)
        .filter(Matcher::find)
        .map(m -> m.group(2) + "." + m.group(3)) // annotations is versioned by major.minor alone
        .collect(Collectors.toSet());
    assertEquals(Set.of(databind.getMajorVersion() + "." + databind.getMinorVersion()), releases,
        "Jackson jars: " + classPath().stream().filter(p -> JACKSON_JAR.matcher(p).find()).toList());
  }

  @Test
  void socketModeUsesJavaWebSocketAndNoTyrusOrGrizzlyIsOnTheClassPath() {
    // then: Tyrus 1.21 bundles a Grizzly with CVE-2024-45687
    assertThrows(ClassNotFoundException.class, () -> Class.forName("org.glassfish.tyrus.client.ClientManager"));
    assertThrows(ClassNotFoundException.class, () -> Class.forName("javax.websocket.WebSocketContainer"));
    assertTrue(classPath().stream().noneMatch(p -> p.contains("tyrus") || p.contains("grizzly")), classPath().toString());
    assertTrue(classPath().stream().anyMatch(p -> p.contains("Java-WebSocket-")), "Java-WebSocket is Socket Mode's client");
  }
}
