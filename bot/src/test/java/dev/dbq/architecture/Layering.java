package dev.dbq.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The layering rules of dbq, for any root package (so that a test can show each rule failing
 * on a deliberately bad set of classes). Every package sits in one layer, from the inside out:
 *
 * <ol>
 *   <li>{@link #CORE}: the features and the port ({@code chat}), free of platforms and wiring;
 *   <li>{@link #DRIVERS}: what drives the core or serves the process with a library of its own
 *       ({@code schedule}: Quartz and the wall clock; {@code http}: Jetty; {@code logging});
 *   <li>{@link #PLATFORMS}: the chat adapters, which see the core only through the port
 *       ({@code chat}: {@code Inbound}, {@code CorePorts}, {@code ChannelGateway}…), the
 *       renderers and the platform SPI of {@code app} ({@link #PLATFORM_SPI});
 *   <li>{@code app}: the wiring of one bot, which knows no platform;
 *   <li>{@code cli}: the entry, which may see everything.
 * </ol>
 *
 * <ul>
 *   <li>Every package is in a layer (a new one must be placed here).
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
  static final List<String> DRIVERS = List.of("schedule", "http", "logging");
  static final String WIRING = "app";
  static final String ENTRY = "cli";
  /** What a platform may use besides its own package: the port and what renders for it. */
  static final List<String> PLATFORM_SEES = List.of("chat", "render", "text", "config");
  /** The types of {@code app} a platform implements or throws (the SPI): never {@code Bot}. */
  static final List<String> PLATFORM_SPI = List.of("Platform", "PlatformException", "HttpRoutes", "ApiTrouble");
  private static final Set<String> WALL_CLOCK_EDGES = Set.of("console", "slack", "discord", "cli", "schedule", "http");

  private Layering() {}

  static ArchRule everyPackageIsInALayer(String root) {
    List<String> all = new java.util.ArrayList<>(CORE);
    all.addAll(DRIVERS);
    all.addAll(PLATFORMS);
    all.add(WIRING);
    all.add(ENTRY);
    return classes()
        .should().resideInAnyPackage(packages(root, all))
        .because("a package outside every layer is outside every rule: place it in Layering");
  }

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
    edges.addAll(DRIVERS);
    edges.add(WIRING);
    edges.add(ENTRY);
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

  static ArchRule platformsSeeOnlyThePort(String root) {
    return classes()
        .that().resideInAnyPackage(packages(root, PLATFORMS))
        .should(dependOnlyOnThePort(root))
        .because("a platform reaches the core through the chat port and its in-ports, never Bot, rounds or storage");
  }

  static ArchRule wiringKnowsNoPlatform(String root) {
    List<String> outer = new java.util.ArrayList<>(PLATFORMS);
    outer.add("http");
    outer.add(ENTRY);
    return noClasses()
        .that().resideInAPackage(root + "." + WIRING + "..")
        .should().dependOnClassesThat().resideInAnyPackage(packages(root, outer))
        .because("the bot is built the same whichever platforms run; cli chooses them");
  }

  static ArchRule driversKnowNoPlatform(String root) {
    List<String> outer = new java.util.ArrayList<>(PLATFORMS);
    outer.add(ENTRY);
    return noClasses()
        .that().resideInAnyPackage(packages(root, DRIVERS))
        .should().dependOnClassesThat().resideInAnyPackage(packages(root, outer))
        .because("the scheduler, the HTTP server and the logging serve every platform alike");
  }

  static List<ArchRule> all(String root) {
    return List.of(
        everyPackageIsInALayer(root),
        platformsSeeOnlyThePort(root),
        wiringKnowsNoPlatform(root),
        driversKnowNoPlatform(root),
        noCycles(root),
        platformLibrariesOnlyInPlatforms(root),
        jdbcOnlyInStore(root),
        coreNeverReadsTheWallClock(root),
        coreKnowsNoEdge(root),
        portIsALeaf(root));
  }

  /** Each dependency of a platform class on dbq stays in its own package, {@link #PLATFORM_SEES} or {@link #PLATFORM_SPI}. */
  private static ArchCondition<JavaClass> dependOnlyOnThePort(String root) {
    Set<String> spi = PLATFORM_SPI.stream().map(name -> root + "." + WIRING + "." + name).collect(Collectors.toSet());
    return new ArchCondition<>("depend on nothing of dbq but their own package, " + PLATFORM_SEES + " and the SPI " + PLATFORM_SPI) {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        String own = layerOf(root, origin.getPackageName());
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          JavaClass target = dependency.getTargetClass();
          String layer = layerOf(root, target.getPackageName());
          boolean allowed = layer == null || layer.equals(own) || PLATFORM_SEES.contains(layer)
              || spi.contains(target.getBaseComponentType().getName());
          if (!allowed) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  /** {@code round} for {@code ROOT.round.x}; null outside {@code root}. */
  private static String layerOf(String root, String packageName) {
    if (!packageName.startsWith(root + ".")) {
      return null;
    }
    String rest = packageName.substring(root.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
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
