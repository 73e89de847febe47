package dev.dbq.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextWrapperTest {

  @ParameterizedTest(name = "{0} takes {1} columns")
  @CsvSource(delimiter = '|', textBlock = """
      plain ASCII            | abc                        | 3
      CJK is double width    | 日本                        | 4
      emoji is double width  | \uD83D\uDE00               | 2
      combining accent       | e\u0301                    | 1
      ANSI styles are unseen | x\u001B[1mbold\u001B[22m   | 5
      zero-width space       | a\u200Bb                   | 2
      """)
  void measuresTextInTerminalColumns(String kind, String text, int columns) {
    // when
    int width = TextWrapper.displayWidth(text);

    // then
    assertEquals(columns, width);
  }

  @Test
  void breaksAtTheLastSpaceThatFitsAndDropsIt() {
    // when
    List<String> lines = TextWrapper.wrap("the quick brown fox jumps", 10);

    // then
    assertEquals(List.of("the quick", "brown fox", "jumps"), lines);
  }

  @Test
  void cutsAWordWiderThanTheLine() {
    // when
    List<String> lines = TextWrapper.wrap("ab cdefghijkl", 4);

    // then
    assertEquals(List.of("ab", "cdef", "ghij", "kl"), lines);
  }

  @Test
  void neverCutsASurrogatePairOrADoubleWidthCharacterInHalf() {
    // when
    List<String> lines = TextWrapper.wrap("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", 3);

    // then
    assertEquals(List.of("\uD83D\uDE00", "\uD83D\uDE00", "\uD83D\uDE00"), lines);
  }

  @Test
  void keepsAnsiEscapesWholeWhenCuttingAWord() {
    // given
    String styled = "\u001B[1mabcdef\u001B[22m";

    // when
    List<String> lines = TextWrapper.wrap(styled, 3);

    // then
    assertEquals(List.of("\u001B[1mabc", "def\u001B[22m"), lines);
  }

  @Test
  void breaksOnlyWhenALineIsWiderThanTheWidth() {
    // given
    String tenColumns = "exactly 10";

    // when
    List<String> atTen = TextWrapper.wrap(tenColumns, 10);
    List<String> atNine = TextWrapper.wrap(tenColumns, 9);

    // then
    assertEquals(List.of("exactly 10"), atTen);
    assertEquals(List.of("exactly", "10"), atNine);
  }
}
