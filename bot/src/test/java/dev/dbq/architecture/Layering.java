package dev.dbq.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

/**
 * The layering rules of dbq, for any root package (so that a test can show each rule failing
 * on a deliberately bad set of classes).
 *
 * <ul>
 *   <li>No cycles between the feature packages.
 *   <li>Only the platform packages see platform libraries (Slack, Discord, JLine).
 *   <li>Only {@code store} sees JDBC.
 *   <li>The core never reads the wall clock: time comes from an injected {@link Clock}. The edges
 *       that may are the platforms (the console's real-time clock, client caches), {@code cli}
 *       (which makes the system clock) and {@code schedule} (Quartz fires by the wall clock).
 *   <li>The core never depends on {@code app}, {@code cli} or a platform; {@code chat}, the
 *       port, depends on nothing of dbq.
 * </ul>
 */
final class Layering {

  static final List<String> PLATFORMS = List.of("console", "slack", "discord");
  static final List<String> CORE = List.of("chat", "text", "bank", "command", "round", "streak", "render", "store", "config");
  private static final Set<String> WALL_CLOCK_EDGES = Set.of("console", "slack", "discord", "cli", "schedule", "http");

  private Layering() {}

  static ArchRule noCycles(String root) {
    return slices().matching(root + ".(*)..").should().beFreeOfCycles();
  }

  static ArchRule platformLibrariesOnlyInPlatforms(String root) {
    return noClasses()
        .that().resideOutsideOfPackages(packages(root, PLATFORMS))
        .should().dependOnClassesThat().resideInAnyPackage("com.slack..", "net.dv8tion..", "org.jline..")
        .because("only a platform's own package may know its library");
  }

  static ArchRule jdbcOnlyInStore(String root) {
    return noClasses()
        .that().resideOutsideOfPackage(root + ".store..")
        .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
        .because("the rest of the bot reaches the database through ports that store implements");
  }

  static ArchRule coreNeverReadsTheWallClock(String root) {
    return noClasses()
        .that().resideInAnyPackage(packages(root, CORE))
        .should().callMethodWhere(readsWallClock())
        .because("time comes from an injected java.time.Clock, so tests and the console can move it");
  }

  static ArchRule coreKnowsNoEdge(String root) {
    List<String> edges = new java.util.ArrayList<>(PLATFORMS);
    edges.add("app");
    edges.add("cli");
    return noClasses()
        .that().resideInAnyPackage(packages(root, CORE))
        .should().dependOnClassesThat().resideInAnyPackage(packages(root, edges))
        .because("platforms and wiring sit at the edge; the core works without them");
  }

  static ArchRule portIsALeaf(String root) {
    return noClasses()
        .that().resideInAPackage(root + ".chat..")
        .should().dependOnClassesThat().resideOutsideOfPackages(root + ".chat..", "java..")
        .because("the port is what every platform sees: it must not drag the core in");
  }

  static List<ArchRule> all(String root) {
    return List.of(
        noCycles(root),
        platformLibrariesOnlyInPlatforms(root),
        jdbcOnlyInStore(root),
        coreNeverReadsTheWallClock(root),
        coreKnowsNoEdge(root),
        portIsALeaf(root));
  }

  private static String[] packages(String root, List<String> names) {
    return names.stream().map(name -> root + "." + name + "..").toArray(String[]::new);
  }

  /** {@code Instant.now()}, {@code LocalDate.now()}…, {@code Clock.system*()}, {@code System.currentTimeMillis()}. */
  private static DescribedPredicate<JavaCall<?>> readsWallClock() {
    Set<String> timeTypes =
        Set.of(Instant.class.getName(), LocalDate.class.getName(), LocalDateTime.class.getName(), LocalTime.class.getName(),
            ZonedDateTime.class.getName(), OffsetDateTime.class.getName());
    return DescribedPredicate.describe(
        "reads the wall clock",
        call -> {
          String owner = call.getTargetOwner().getName();
          String name = call.getName();
          return (timeTypes.contains(owner) && name.equals("now") && call.getTarget().getRawParameterTypes().stream()
                  .noneMatch(type -> type.isAssignableTo(Clock.class)))
              || (owner.equals(Clock.class.getName()) && name.startsWith("system"))
              || (owner.equals(System.class.getName()) && name.equals("currentTimeMillis"));
        });
  }
}
