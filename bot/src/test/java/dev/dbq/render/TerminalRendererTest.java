package dev.dbq.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.chat.Reply;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TerminalRendererTest {

  private static final String ESC = "\u001B";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " :: ", textBlock = """
      bold keeps its words, not its asterisks :: **Atomicity**: all-or-nothing :: Atomicity: all-or-nothing
      italic keeps its words                   :: *eventual* consistency        :: eventual consistency
      inline code keeps its backticks          :: run `SELECT 1` first          :: run `SELECT 1` first
      headings are upper-cased                 :: #### Quick Answer             :: QUICK ANSWER
      links show their address                 :: [docs](https://x.io)          :: docs (https://x.io)
      HTML stays literal                       :: a <b>c</b>                    :: a <b>c</b>
      quotes are marked                        :: > careful                     :: | careful
      """)
  void rendersPlainTextWithoutAnsi(String construct, String markdown, String expected) {
    // given
    TerminalRenderer renderer = new TerminalRenderer(80, false);

    // when
    String rendered = renderer.render(markdown);

    // then
    assertEquals(expected, rendered);
  }

  @Test
  void stylesBoldItalicCodeAndHeadingsWithAnsi() {
    // given
    TerminalRenderer renderer = new TerminalRenderer(80, true);

    // when
    String rendered = renderer.render("## Title\n\n**b** *i* `c`");

    // then
    assertEquals(ESC + "[1mTitle" + ESC + "[0m\n\n"
        + ESC + "[1mb" + ESC + "[0m " + ESC + "[3mi" + ESC + "[0m " + ESC + "[36mc" + ESC + "[0m",
        rendered);
  }

  @Test
  void aCardsBoldTitleIsResetAtTheEndOfEachOfItsLinesAndNeverReachesTheDifficultyLine() {
    // given: a title that wraps, then the difficulty line with its bold difficulty
    Reply card = new Reply("Q7 · Design a zero-downtime database migration strategy for a busy shop",
        List.of(new Reply.Text("**Staff** · Database Migration & Scaling Challenges · Common")), List.of(), Reply.Visibility.CALLER);
    TerminalRenderer renderer = new TerminalRenderer(40, true);

    // when
    List<String> lines = renderer.render(card).lines().toList();

    // then: each title line is bold on its own, and every line ends with all attributes reset
    assertTrue(lines.get(0).startsWith(ESC + "[1mQ7 · Design") && lines.get(0).endsWith(ESC + "[0m"), lines.get(0));
    assertTrue(lines.get(1).startsWith(ESC + "[1m") && lines.get(1).endsWith(ESC + "[0m"), lines.get(1));
    int difficulty = lines.indexOf(lines.stream().filter(l -> l.contains("Staff")).findFirst().orElseThrow());
    assertEquals("", lines.get(difficulty - 1), "a blank line between title and difficulty");
    assertTrue(lines.get(difficulty).startsWith(ESC + "[1mStaff" + ESC + "[0m · Database"), lines.get(difficulty));
    for (String line : lines) {
      assertFalse(line.contains(ESC + "[22m") || line.contains(ESC + "[23m") || line.contains(ESC + "[39m"),
          "closes with a full reset, which every terminal knows: " + line);
      int lastOpen = Math.max(line.lastIndexOf(ESC + "[1m"), Math.max(line.lastIndexOf(ESC + "[3m"), line.lastIndexOf(ESC + "[36m")));
      assertTrue(lastOpen < 0 || line.indexOf(ESC + "[0m", lastOpen) > lastOpen, "a style stays open after: " + line);
    }
  }

  @Test
  void aSpanInsideAnotherReopensTheOuterOneAfterItsReset() {
    // given
    TerminalRenderer renderer = new TerminalRenderer(80, true);

    // when
    String rendered = renderer.render("*all **of** it*");

    // then
    assertEquals(ESC + "[3mall " + ESC + "[3m" + ESC + "[1mof" + ESC + "[0m" + ESC + "[3m it" + ESC + "[0m", rendered);
  }

  @ParameterizedTest(name = "width {0}")
  @ValueSource(ints = {40, 80})
  void noLineOfTheBankIsWiderThanTheTerminalExceptCode(int width) {
    // given
    TerminalRenderer renderer = new TerminalRenderer(width, true);

    // when
    String rendered = renderer.render(BankFixture.markdown());

    // then
    List<String> tooWide = textLines(rendered).stream()
        .filter(line -> TextWrapper.displayWidth(line) > width)
        .toList();
    assertEquals(List.of(), tooWide);
  }

  @ParameterizedTest(name = "width {0}")
  @ValueSource(ints = {40, 80})
  void wrappingOnlyMovesLineBreaksAndKeepsEveryWord(int width) {
    // given
    String bank = BankFixture.markdown();

    // when
    String wrapped = new TerminalRenderer(width, false).render(bank);
    String unwrapped = new TerminalRenderer(100_000, false).render(bank);

    // then
    assertEquals(Arrays.asList(unwrapped.split("\\s+")), Arrays.asList(wrapped.split("\\s+")));
  }

  @Test
  void indentsListContinuationLinesUnderTheItemText() {
    // given
    String markdown = """
        - **Cross-node atomicity** requires distributed consensus (2PC, 3PC)
          - nested item with a fairly long text that must wrap at forty
            1. a numbered item deep inside that wraps as well
        10. tenth item whose text is long enough to wrap
        """;

    // when
    String rendered = new TerminalRenderer(40, false).render(markdown);

    // then
    assertEquals("""
        - Cross-node atomicity requires
          distributed consensus (2PC, 3PC)
          - nested item with a fairly long text
            that must wrap at forty
            1. a numbered item deep inside that
               wraps as well

        10. tenth item whose text is long enough
            to wrap""", rendered);
  }

  @Test
  void neverWrapsCodeAndShowsItFencedWithItsLanguage() {
    // given
    String longLine = "UPDATE accounts SET balance = balance - 100 WHERE id = 1;";
    String markdown = "```sql\n" + longLine + "\n```";

    // when
    String rendered = new TerminalRenderer(40, false).render(markdown);

    // then
    assertEquals("```sql\n" + longLine + "\n```", rendered);
  }

  @Test
  void wrapsNonAsciiTextByItsColumns() {
    // given
    String markdown = "Café naïve 日本語のテキストはここにあります \uD83D\uDE00\uD83D\uDE00 e\u0301nd";

    // when
    String rendered = new TerminalRenderer(12, false).render(markdown);

    // then
    assertEquals("Café naïve\n日本語のテキ\nストはここに\nあります\n\uD83D\uDE00\uD83D\uDE00 e\u0301nd",
        rendered);
  }

  @Test
  void dropsControlCharactersSoContentCannotDriveTheTerminal() {
    // given
    String markdown = "safe " + ESC + "[31mred" + ESC + "[0m and a bell\u0007";

    // when
    String rendered = new TerminalRenderer(80, true).render(markdown);

    // then
    assertEquals("safe [31mred[0m and a bell", rendered);
  }

  @Test
  void rendersAReplyAsTitleBlocksAndButtonsOnTheLastLine() {
    // given
    Reply reply = new Reply("Q1: Explain ACID properties",
        List.of(new Reply.Text("ACID ensures **database** reliability."),
            new Reply.Code("sql", "BEGIN;\nCOMMIT;\n")),
        List.of(new Reply.Button("Detailed answer", "/dbq answer q1 detailed"),
            new Reply.Button("Code", "/dbq show q1")),
        Reply.Visibility.CALLER);

    // when
    String rendered = new TerminalRenderer(40, false).render(reply);

    // then
    assertEquals("""
        Q1: Explain ACID properties
        ───────────────────────────

        ACID ensures database reliability.

        ```sql
        BEGIN;
        COMMIT;
        ```

        [Detailed answer] [Code]""", rendered);
  }

  @Test
  void wrapsButtonsBetweenLabelsNotInsideThem() {
    // given
    Reply reply = new Reply("", List.of(),
        List.of(new Reply.Button("Detailed answer", "a"), new Reply.Button("Quick answer", "b"),
            new Reply.Button("I answered", "c")),
        Reply.Visibility.CHANNEL);

    // when
    String rendered = new TerminalRenderer(35, false).render(reply);

    // then
    assertEquals("[Detailed answer] [Quick answer]\n[I answered]", rendered);
  }

  @Test
  void showsATitleLiterallyRatherThanAsMarkdown() {
    // given
    Reply reply = new Reply("*not* italic", List.of(), List.of(), Reply.Visibility.CALLER);

    // when
    String rendered = new TerminalRenderer(40, true).render(reply);

    // then
    assertEquals(ESC + "[1m*not* italic" + ESC + "[0m", rendered);
  }

  @Test
  void rejectsAWidthTooNarrowToWrapInto() {
    // when / then
    assertThrows(IllegalArgumentException.class, () -> new TerminalRenderer(5, false));
  }

  @Test
  void renderedBankKeepsEveryCodeBlockBalanced() {
    // when
    String rendered = new TerminalRenderer(40, false).render(BankFixture.markdown());

    // then
    long fenceLines = rendered.lines().filter(line -> line.strip().startsWith("```")).count();
    assertEquals(0, fenceLines % 2);
    assertFalse(rendered.contains("**"), "no Markdown bold markers left in plain text");
    assertTrue(rendered.contains("```javascript\n"), "code blocks name their language");
  }

  /** The lines outside fenced code blocks. */
  private static List<String> textLines(String rendered) {
    List<String> text = new ArrayList<>();
    boolean inCode = false;
    for (String line : rendered.split("\n")) {
      boolean fence = line.replaceAll(ESC + "\\[[0-9;]*m", "").strip().startsWith("```");
      if (fence) {
        inCode = !inCode;
      } else if (!inCode) {
        text.add(line);
      }
    }
    return text;
  }
}
