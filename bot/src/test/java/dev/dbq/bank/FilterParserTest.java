package dev.dbq.bank;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.testsupport.TestBanks;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Filter values built from many words stay linear in the input's size. */
class FilterParserTest {

  @Test
  void aMegabyteOfWordsAfterAFilterIsReadInLinearTime() {
    // given: 250,000 words continuing one topic value (about 1 MB); before, each word copied
    // the whole value so far (about 125 GB copied in all)
    List<String> words = new java.util.ArrayList<>(Collections.nCopies(250_000, "cap"));
    words.add(0, "topic:cap");
    FilterParser parser = new FilterParser(TestBanks.library());

    // when / then: a generous bound; linear work takes milliseconds
    FilterException refused =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10), () -> assertThrows(FilterException.class, () -> parser.parse(words)));
    assertTrue(refused.getMessage().startsWith("No question has topic `cap cap cap"), refused.getMessage());
    assertTrue(refused.getMessage().length() < 1_000, refused.getMessage());
  }
}
