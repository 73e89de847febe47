package dev.dbq.bank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HeadingRepairTest {

  private static final String META = "**Difficulty:** Senior | **Companies:** A | **Frequency:** Common";

  /** Each damaged shape found in the shipped bank, plus a glued heading that is complete. */
  static Stream<Arguments> damagedHeadings() {
    return Stream.of(
        Arguments.of("cut mid-word",
            List.of("- Event sourcing", "### Q2: C", "ompare isolation levels", META),
            List.of("- Event sourcing", "### Q2: Compare isolation levels", META),
            new int[] {1, 2, 4}, 2, false, true),
        Arguments.of("glued, cut before the colon",
            List.of("3. How do you test it?### Q4", ": Design a consistency model", META),
            List.of("3. How do you test it?", "### Q4: Design a consistency model", META),
            new int[] {1, 1, 3}, 1, true, true),
        Arguments.of("glued, heading text on the next line",
            List.of("3. Across shards?### ", "Q6: Explain replication", META),
            List.of("3. Across shards?", "### Q6: Explain replication", META),
            new int[] {1, 1, 3}, 1, true, true),
        Arguments.of("glued, cut after the colon",
            List.of("3. During migration?### Q8:", " Handle scaling challenges", META),
            List.of("3. During migration?", "### Q8: Handle scaling challenges", META),
            new int[] {1, 1, 3}, 1, true, true),
        Arguments.of("glued level-2 heading cut mid-word",
            List.of("3. During recovery?## Real-Wo", "rld Scenarios", "", "### Scenario 1: X"),
            List.of("3. During recovery?", "## Real-World Scenarios", "", "### Scenario 1: X"),
            new int[] {1, 1, 3, 4}, 1, true, true),
        Arguments.of("untitled scenario",
            List.of("### Scenario 2:", "Uber's Location Database", "**Problem Statement**"),
            List.of("### Scenario 2:Uber's Location Database", "**Problem Statement**"),
            new int[] {1, 3}, 1, false, true),
        Arguments.of("glued but complete",
            List.of("3. Last follow-up?### Q5: Design a bank", META),
            List.of("3. Last follow-up?", "### Q5: Design a bank", META),
            new int[] {1, 1, 2}, 1, true, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("damagedHeadings")
  void repairsDamagedHeadingAndMapsLinesToTheOriginal(
      String shape, List<String> input, List<String> expected, int[] originalLines, int fixLine, boolean split, boolean joined) {
    // when
    RepairedSource repaired = HeadingRepair.repair(new SourceLines(input), 0);

    // then
    assertEquals(expected, repaired.lines());
    assertArrayEquals(originalLines, repaired.originalLines());
    assertEquals(1, repaired.fixes().size());
    HeadingRepair.Fix fix = repaired.fixes().get(0);
    assertEquals(fixLine, fix.line(), "the original line of the # marks");
    assertEquals(split, fix.split());
    assertEquals(joined, fix.joined());
  }

  /** Lines that look a little like damage but are ordinary Markdown. */
  static Stream<List<String>> healthyMarkdown() {
    return Stream.of(
        List.of("### Executive Summary", "Database architecture questions test your understanding."),
        List.of("### Key Points", "- **ACID Properties**: fundamentals"),
        List.of("### Q1: Explain ACID", META),
        List.of("#### Follow-up Questions:", "1. How would you do it?"),
        List.of("### Example:", "Consider a bank with two branches."),
        List.of("### Q3: Complete title", "Plain paragraph right under it."),
        List.of("#### Code Example", "```sql", "SELECT 1;", "```"),
        List.of("### Topic", "", "lower-case paragraph after a blank line"),
        List.of("C# is a language ## not a heading"),
        List.of("Run `echo a?## b` in a shell"),
        List.of("An escaped \\## heading mark"),
        List.of("#hashtag", "continues here"),
        List.of("Issue ###### and ######## runs"),
        List.of("    indented code?### Q4", "    : more code"),
        List.of("```", "text?### Q9", ": not a heading", "### Q9: C", "ode", "```"),
        List.of("~~~~", "## Real-Wo", "rld", "~~~", "still code?## X", "~~~~"));
  }

  @ParameterizedTest
  @MethodSource("healthyMarkdown")
  void leavesHealthyMarkdownAndFencedCodeAlone(List<String> input) {
    // when
    RepairedSource repaired = HeadingRepair.repair(new SourceLines(input), 0);

    // then
    assertEquals(input, repaired.lines());
    assertEquals(List.of(), repaired.fixes());
  }

  @Test
  void startsAfterFrontMatterAndKeepsOriginalLineNumbers() {
    // given
    SourceLines source = new SourceLines(List.of("---", "id: x", "---", "text?### Q1", ": Title"));

    // when
    RepairedSource repaired = HeadingRepair.repair(source, 3);

    // then
    assertEquals(List.of("text?", "### Q1: Title"), repaired.lines());
    assertArrayEquals(new int[] {4, 4}, repaired.originalLines());
    assertEquals(4, repaired.fixes().get(0).line());
  }

  @Test
  void namesTheKindOfRepairAndTheShortenedHeading() {
    // given
    SourceLines source = new SourceLines(List.of(
        "### Q2: C", "ompare different isolation levels and their use cases in production systems",
        "", "text?### Q3: Done", "", "text?### Q4", ": Split and joined"));

    // when
    List<String> messages = HeadingRepair.repair(source, 0).fixes().stream().map(HeadingRepair.Fix::message).toList();

    // then
    assertEquals(List.of(
        "heading cut by a line break was joined: \"### Q2: Compare different isolation levels and their use...\"",
        "heading glued to the previous line was split onto its own line: \"### Q3: Done\"",
        "heading glued to the previous line was split off and its text cut by a line break joined: \"### Q4: Split and joined\""),
        messages);
  }

  @Test
  void repairedTextParsesWithLineIndexesIntoTheRepairedLines() {
    // given
    SourceLines source = new SourceLines(List.of("a", "b?### Q1", ": T"));

    // when
    String text = HeadingRepair.repair(source, 0).text();

    // then
    assertEquals("a\nb?\n### Q1: T\n", text);
    assertTrue(text.endsWith("\n"));
  }
}
