package dev.dbq.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandLineTest {

  @ParameterizedTest(name = "[{0}] → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/dbq random                           | random",
        "random topic:\"CAP theorem\" x       | random,topic:CAP theorem,x",
        "/dbq  show   q5                       | show,q5",
        "/dbq random topic:“CAP theorem”      | random,topic:CAP theorem",
        "/dbq search \"unterminated quote     | search,unterminated quote",
        "/dbq                                  | ''",
        "'   '                                 | ''",
      })
  void splitsWordsAndKeepsQuotedWordsTogether(String line, String expected) {
    List<String> words = expected.isEmpty() ? List.of() : Arrays.asList(expected.split(","));
    assertEquals(words, CommandLine.words(line));
  }
}
