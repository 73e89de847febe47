package dev.dbq.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bot's layering holds ({@link Layering}), and each rule is shown to catch what it forbids:
 * the classes under {@code fixture} break every rule on purpose (a cycle, JDBC and the wall
 * clock in the core, a platform library outside a platform, a port that imports the core, a
 * package in no layer, a platform that sees the bot and the rounds, wiring and a driver that
 * know a platform).
 */
class LayeringTest {

  private static final String ROOT = "dev.dbq";
  private static final String BAD_ROOT = "dev.dbq.architecture.fixture";

  private static final JavaClasses BOT =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

  private static final JavaClasses BAD = new ClassFileImporter().importPackages(BAD_ROOT);

  static Stream<Function<String, ArchRule>> rules() {
    return Stream.of(
        Layering::everyPackageIsInALayer,
        Layering::platformsSeeOnlyThePort,
        Layering::wiringKnowsNoPlatform,
        Layering::driversKnowNoPlatform,
        Layering::noCycles,
        Layering::platformLibrariesOnlyInPlatforms,
        Layering::jdbcOnlyInStore,
        Layering::coreNeverReadsTheWallClock,
        Layering::coreKnowsNoEdge,
        Layering::portIsALeaf);
  }

  @ParameterizedTest
  @MethodSource("rules")
  void theBotKeepsEveryLayeringRule(Function<String, ArchRule> rule) {
    // given the bot's own classes (the test fixtures are not among them)
    assertTrue(BOT.containPackage(ROOT + ".round"), "the bot's classes were imported");

    // when / then
    rule.apply(ROOT).check(BOT);
  }

  @ParameterizedTest
  @MethodSource("rules")
  void eachRuleFailsOnClassesThatBreakIt(Function<String, ArchRule> rule) {
    // given classes that break every rule on purpose
    assertTrue(BAD.containPackage(BAD_ROOT + ".round"));

    // when / then
    assertThrows(AssertionError.class, () -> rule.apply(BAD_ROOT).check(BAD));
  }

  @Test
  void everyRuleIsExercisedByBothTests() {
    // given / when
    List<ArchRule> all = Layering.all(ROOT);

    // then: a rule added to Layering.all must also be added to rules() above
    assertTrue(all.size() == rules().count(), "rules() lists " + rules().count() + " of " + all.size() + " rules");
  }
}
