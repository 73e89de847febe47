package dev.dbq.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkdownLineTest {

  @ParameterizedTest(name = "[{0}] is level {1} with text [{2}]")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      "### Q1: Title"           | 3 | "Q1: Title"
      "   ## Indented"          | 2 | "Indented"
      "## Closed ##"            | 2 | "Closed"
      "### C#"                  | 3 | "C#"
      "### #1 priority"         | 3 | "#1 priority"
      "###"                     | 3 | ""
      "####### seven"           | 0 | "seven"
      "#hashtag"                | 0 | "hashtag"
      "    ### indented code"   | 0 | "### indented code"
      """)
  void readsAtxHeadingLevelAndText(String line, int level, String text) {
    // when / then
    assertEquals(level, MarkdownLine.atxLevel(line));
    if (level > 0) {
      assertEquals(text, MarkdownLine.headingText(line));
    }
  }

  @ParameterizedTest(name = "[{0}] opens a block: {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      "- item"                          | true
      "12) item"                        | true
      "> quote"                         | true
      "| a | b |"                       | true
      "```js"                           | true
      "**Difficulty:** Senior"          | true
      "---"                             | true
      "    code"                        | true
      "ompare different levels"         | false
      ": Design a consistency model"    | false
      " Handle database scaling"        | false
      "2024 was a good year"            | false
      "-dash without space"             | false
      """)
  void tellsLinesThatOpenABlockFromHeadingContinuations(String line, boolean opensBlock) {
    // when / then
    assertEquals(opensBlock, MarkdownLine.opensBlock(line));
  }
}
