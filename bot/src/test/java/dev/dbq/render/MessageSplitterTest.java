package dev.dbq.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.render.MessageSplitter.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MessageSplitterTest {

  /** A fence line as Slack and Discord see it, inside list indentation or a quote too. */
  private static final Pattern FENCE_LINE = Pattern.compile("[ >]*```.*");

  @Test
  void keepsTextOfExactlyTheLimitInOnePart() {
    // given
    String text = "a".repeat(50) + "\n\n" + "b".repeat(48);

    // when
    List<String> parts = MessageSplitter.split(text, 100);

    // then
    assertEquals(List.of(text), parts);
  }

  @Test
  void splitsTextOneCharacterOverTheLimitAtTheParagraphBreak() {
    // given
    String text = "a".repeat(50) + "\n\n" + "b".repeat(49);

    // when
    List<String> parts = MessageSplitter.split(text, 100);

    // then
    assertEquals(List.of("a".repeat(50), "b".repeat(49)), parts);
  }

  @Test
  void returnsNoPartsForBlankText() {
    // when / then
    assertEquals(List.of(), MessageSplitter.split(" \n\n ", 100));
  }

  @Test
  void cutsManySmallParagraphsOnlyBetweenParagraphs() {
    // given
    List<String> paragraphs = IntStream.range(0, 40)
        .mapToObj(i -> "Paragraph " + i + " has a few words.\nAnd a second line.")
        .toList();
    String text = String.join("\n\n", paragraphs);

    // when
    List<String> parts = MessageSplitter.split(text, 200);

    // then
    List<String> rejoined = parts.stream()
        .flatMap(part -> Stream.of(part.split("\n\n")))
        .toList();
    assertEquals(paragraphs, rejoined, "no paragraph is cut in two");
    assertTrue(parts.stream().allMatch(part -> part.length() <= 200));
  }

  @Test
  void cutsAtLineBreaksWhenThereAreNoParagraphs() {
    // given
    List<String> lines = IntStream.range(0, 30).mapToObj(i -> "- item number " + i).toList();
    String text = String.join("\n", lines);

    // when
    List<String> parts = MessageSplitter.split(text, 100);

    // then
    List<String> rejoined = parts.stream().flatMap(part -> part.lines()).toList();
    assertEquals(lines, rejoined, "no line is cut in two");
  }

  @Test
  void cutsALongParagraphBetweenWords() {
    // given
    String text = IntStream.range(0, 200).mapToObj(i -> "word" + i)
        .collect(Collectors.joining(" "));

    // when
    List<String> parts = MessageSplitter.split(text, 100);

    // then
    assertEquals(text, String.join(" ", parts), "only the spaces at the cuts are dropped");
    assertTrue(parts.stream().allMatch(part -> part.length() <= 100));
  }

  @Test
  void hardSplitsASingleLineLongerThanTheLimit() {
    // given
    String line = "x".repeat(5000);

    // when
    List<String> parts = MessageSplitter.split(line, 2000);

    // then
    assertEquals(List.of("x".repeat(2000), "x".repeat(2000), "x".repeat(1000)), parts);
  }

  @Test
  void neverCutsAnEmojiInHalf() {
    // given
    String text = "a" + "\uD83D\uDE00".repeat(10);

    // when
    List<String> parts = MessageSplitter.split(text, 4);

    // then
    assertTrue(parts.stream().noneMatch(part -> Character.isHighSurrogate(part.charAt(part.length() - 1))));
    assertEquals(text, String.join("", parts));
  }

  @Test
  void neverCutsASlackEntityInHalf() {
    // given
    String text = "a".repeat(8) + "&amp;" + "b".repeat(8);

    // when
    List<String> parts = MessageSplitter.split(text, 10);

    // then
    assertEquals(List.of("a".repeat(8), "&amp;bbbbb", "bbb"), parts);
  }

  @Test
  void closesAFenceAtTheCutAndReopensItWithItsLanguage() {
    // given
    String code = IntStream.range(0, 20).mapToObj(i -> "SELECT " + i + " FROM t;")
        .collect(Collectors.joining("\n"));
    String text = "Intro paragraph.\n\n```sql\n" + code + "\n```\n\nOutro.";

    // when
    List<String> parts = MessageSplitter.split(text, 150);

    // then
    assertTrue(parts.size() > 2, "the code needs several parts: " + parts);
    assertTrue(parts.get(0).endsWith("\n```"), parts.get(0));
    for (String part : parts.subList(1, parts.size() - 1)) {
      assertTrue(part.startsWith("```sql\nSELECT "), part);
      assertTrue(part.endsWith("\n```"), part);
    }
    parts.forEach(part -> assertBalancedFences(part));
  }

  @Test
  void reopensAFenceIndentedUnderAListItemWithTheSameIndent() {
    // given
    String text = "- step\n  ```js\n" + "  let x = 1;\n".repeat(10) + "  ```";

    // when
    List<String> parts = MessageSplitter.split(text, 60);

    // then
    assertTrue(parts.get(0).endsWith("\n  ```"), parts.get(0));
    assertTrue(parts.get(1).startsWith("  ```js\n  let x"), parts.get(1));
  }

  @Test
  void hardSplitsAHugeCodeLineInsideItsFence() {
    // given
    String text = "```java\n" + "x".repeat(5000) + "\n```";

    // when
    List<String> parts = MessageSplitter.split(text, 2000);

    // then
    for (String part : parts) {
      assertTrue(part.length() <= 2000, "part of " + part.length());
      assertTrue(part.startsWith("```java\n"), part.substring(0, 20));
      assertTrue(part.endsWith("\n```"));
    }
    String code = parts.stream()
        .map(part -> part.substring("```java\n".length(), part.length() - "\n```".length()))
        .collect(Collectors.joining());
    assertEquals("x".repeat(5000), code);
  }

  @Test
  void neverLeavesAnEmptyCodeBlockAtACut() {
    // given
    String text = "```sql\n" + "a".repeat(40) + "\n```\n\n" + "b".repeat(100);

    // when
    List<String> parts = MessageSplitter.split(text, 50);

    // then
    parts.forEach(part -> assertFalse(part.matches("(?s).*```sql\n```.*"), part));
    parts.forEach(MessageSplitterTest::assertBalancedFences);
  }

  @Test
  void rejectsALimitThatCannotHoldTheFencesItMustAdd() {
    // given
    String text = "```javascript\n" + "x".repeat(100) + "\n```";

    // when / then
    assertThrows(IllegalArgumentException.class, () -> MessageSplitter.split(text, 18));
  }

  static Stream<Arguments> bankRenderings() {
    String bank = BankFixture.markdown();
    return Stream.of(MarkdownFlavour.values()).flatMap(flavour -> IntStream
        .of(100, 333, 1000, 2000, 3000)
        .mapToObj(limit -> Arguments.of(flavour, flavour.render(bank), limit)));
  }

  /** Random stretches of the rendered bank at random limits; the seed keeps them repeatable. */
  static Stream<Arguments> bankSlices() {
    String bank = BankFixture.markdown();
    Random random = new Random(20260101L);
    List<Arguments> slices = new ArrayList<>();
    for (MarkdownFlavour flavour : MarkdownFlavour.values()) {
      String rendered = flavour.render(bank);
      for (int i = 0; i < 25; i++) {
        int start = random.nextInt(rendered.length());
        int end = start + random.nextInt(rendered.length() - start);
        int limit = 60 + random.nextInt(1500);
        slices.add(Arguments.of(flavour, start, rendered.substring(start, end), limit));
      }
    }
    return slices.stream();
  }

  @ParameterizedTest(name = "{0} at {2}")
  @MethodSource("bankRenderings")
  void splittingTheRenderedBankLosesNothingAndEveryPartRendersAlone(MarkdownFlavour flavour,
      String rendered, int limit) {
    // when
    List<Part> parts = MessageSplitter.parts(rendered, limit);

    // then
    assertEquals(rendered.stripTrailing(), bodies(parts), "content is preserved");
    for (Part part : parts) {
      assertTrue(part.text().length() <= limit, "a part of " + part.text().length());
      assertBalancedFences(part.text());
      assertFalse(part.text().matches("(?s).*```[a-z]*\n```.*"), "an empty code block");
    }
  }

  @ParameterizedTest(name = "{0} from {1} at {3}")
  @MethodSource("bankSlices")
  void splittingAnyStretchOfTheBankLosesNothingAndKeepsToTheLimit(MarkdownFlavour flavour,
      int start, String slice, int limit) {
    // when
    List<Part> parts = MessageSplitter.parts(slice, limit);

    // then
    assertEquals(slice.stripTrailing(), bodies(parts), "content is preserved");
    parts.forEach(part -> assertTrue(part.text().length() <= limit, part.text()));
  }

  private static String bodies(List<Part> parts) {
    return parts.stream().map(Part::body).collect(Collectors.joining());
  }

  private static void assertBalancedFences(String part) {
    long fences = part.lines().filter(line -> FENCE_LINE.matcher(line).matches()).count();
    assertEquals(0, fences % 2, () -> "unbalanced fences in:\n" + part);
  }
}
