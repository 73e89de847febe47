package dev.dbq.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One file's Markdown to a bank: structure, lint warnings and fallbacks, on small fixtures. */
class BankParsingTest {

  private static final String QUESTION = """
      ### Q%d: Question %1$d
      **Difficulty:** Senior | **Companies:** Acme | **Frequency:** Common

      #### Quick Answer (30 seconds)
      Quick %1$d.
      """;

  private static String question(int number) {
    return QUESTION.formatted(number);
  }

  @Test
  void fencedCodeIsNeverStructure() {
    // given
    String markdown = """
        # Bank
        ### Q1: Real question
        **Difficulty:** Senior | **Companies:** Acme | **Frequency:** Common

        #### Quick Answer
        Yes.

        #### Code Example
        ```python
        # comment
        ### Q9: not a question
        ## nor a section
        ```
        ~~~
        #### Real-World Context
        ~~~
        """;

    // when
    LoadResult result = TestBanks.parse("code.md", markdown);

    // then
    Bank bank = TestBanks.onlyBank(result);
    assertEquals(1, bank.questions().size());
    Question question = bank.questions().get(0);
    assertEquals(
        List.of(new CodeExample("python", "# comment\n### Q9: not a question\n## nor a section"), new CodeExample("", "#### Real-World Context")),
        question.codeExamples());
    assertNull(question.realWorldContext());
    assertEquals(List.of(), result.problems());
  }

  @Test
  void questionTakesThePrecedingNonQuestionHeadingAsTopicUntilTheNextSection() {
    // given
    String markdown = "## Part one\n### Storage\n" + question(1) + question(2) + "### Indexes\n" + question(3) + "## Part two\n" + question(4);

    // when
    List<Question> questions = TestBanks.onlyBank(TestBanks.parse("t.md", markdown)).questions();

    // then
    assertEquals(List.of("Storage", "Storage", "Indexes", ""), questions.stream().map(Question::topic).toList());
  }

  @Test
  void matchesPartHeadingsByPrefixIgnoringCaseHyphensAndTiming() {
    // given
    String markdown = """
        ### Q1: Parts
        **Difficulty:** Staff | **Companies:** A, B | **Frequency:** Rare
        #### QUICK ANSWER (1 minute)
        Short.
        #### Detailed answer
        Long.
        #### Code Examples
        ```sql
        SELECT 1;
        ```
        #### Real World Context
        Context.
        #### Common mistake
        - One *mistake*
        #### Follow-ups
        1. Why?
        #### Related Topics (optional)
        - [Indexes](https://example.com)
        #### Unknown Part
        - ignored
        """;

    // when
    Question question = TestBanks.onlyBank(TestBanks.parse("p.md", markdown)).questions().get(0);

    // then
    assertEquals("Short.", question.quickAnswer());
    assertEquals("Long.", question.detailedAnswer());
    assertEquals(List.of(new CodeExample("sql", "SELECT 1;")), question.codeExamples());
    assertEquals("Context.", question.realWorldContext());
    assertEquals(List.of("One *mistake*"), question.commonMistakes());
    assertEquals(List.of("Why?"), question.followUps());
    assertEquals(List.of("[Indexes](https://example.com)"), question.relatedTopics());
    assertEquals(List.of("A", "B"), question.companies());
  }

  @Test
  void listItemsKeepTheirContinuationLines() {
    // given
    String markdown = question(1) + """
        #### Common Mistakes
        - First line
          second line
        - Other
        """;

    // when
    Question question = TestBanks.onlyBank(TestBanks.parse("l.md", markdown)).questions().get(0);

    // then
    assertEquals(List.of("First line\nsecond line", "Other"), question.commonMistakes());
  }

  @Test
  void warnsAboutAQuestionWithoutQuickAnswerAtItsHeadingLine() {
    // given
    String markdown = "# Bank\n\n### Q1: No answer\n**Difficulty:** Senior | **Companies:** A | **Frequency:** Common\n\n#### Detailed Answer\nLong.\n";

    // when
    LoadResult result = TestBanks.parse("qa.md", markdown);

    // then
    assertEquals(List.of("qa.md:3: warning: question Q1 has no '#### Quick Answer' part"), formatted(result));
    assertEquals("", TestBanks.onlyBank(result).questions().get(0).quickAnswer());
  }

  @Test
  void warnsAboutAQuestionWithoutDifficultyLineAndLeavesItsFieldsEmpty() {
    // given
    String markdown = "### Q1: Bare\n\n#### Quick Answer\nYes.\n";

    // when
    LoadResult result = TestBanks.parse("d.md", markdown);

    // then
    Question question = TestBanks.onlyBank(result).questions().get(0);
    assertEquals(List.of("", List.of(), ""), List.of(question.difficulty(), question.companies(), question.frequency()));
    assertEquals(
        List.of("d.md:1: warning: question Q1 has no '**Difficulty:** ... | **Companies:** ... | **Frequency:** ...' line under its heading"),
        formatted(result));
  }

  @Test
  void keepsTheFirstOfDuplicateQuestionNumbersAndWarnsAtTheSecond() {
    // given
    String markdown = question(1) + question(2).replace("Question 2", "Second copy").replace("Q2", "Q1");

    // when
    LoadResult result = TestBanks.parse("dup.md", markdown);

    // then
    Bank bank = TestBanks.onlyBank(result);
    assertEquals(List.of("Question 1"), bank.questions().stream().map(Question::title).toList());
    assertEquals(
        List.of("dup.md:6: warning: duplicate question Q1 is skipped: the one at line 1 keeps the id"),
        formatted(result));
  }

  @Test
  void keepsTheFirstOfDuplicateScenarioNumbersAndWarnsAtTheSecond() {
    // given
    String markdown = question(1) + """
        ## Scenarios
        ### Scenario 1: First
        **Problem Statement**
        One.
        ### Scenario 1: Again
        **Problem Statement**
        Two.
        """;

    // when
    LoadResult result = TestBanks.parse("s.md", markdown);

    // then
    Bank bank = TestBanks.onlyBank(result);
    assertEquals(List.of("First"), bank.scenarios().stream().map(Scenario::title).toList());
    assertEquals("One.", bank.scenarios().get(0).sections().get("Problem Statement"));
    assertEquals(
        List.of("s.md:10: warning: duplicate scenario 1 is skipped: the one at line 7 keeps the id"),
        formatted(result));
  }

  @Test
  void scenarioInterviewQuestionsAreAListNotASection() {
    // given
    String markdown = question(1) + """
        ### Scenario 2: Payments
        **Problem Statement:**
        Pay.

        **Interview Questions from This Scenario**
        1. How?
        2. Why?

        ### Scenario 3: Empty
        Text only.
        """;

    // when
    LoadResult result = TestBanks.parse("sc.md", markdown);

    // then
    List<Scenario> scenarios = TestBanks.onlyBank(result).scenarios();
    assertEquals("sc/s2", scenarios.get(0).id());
    assertEquals(List.of("Problem Statement"), List.copyOf(scenarios.get(0).sections().keySet()));
    assertEquals(List.of("How?", "Why?"), scenarios.get(0).interviewQuestions());
    assertEquals(
        List.of("sc.md:14: warning: scenario 3 has no parts (bold lines such as **Problem Statement**)"),
        formatted(result));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      front matter id and title | ---\\nid: custom\\ntitle: From YAML\\n---\\n# From heading\\n | custom    | From YAML
      first # heading           | # From heading\\n                                         | fallback  | From heading
      file name                 | Just text.\\n                                             | fallback  | fallback
      blank front matter title  | ---\\ntitle: ' '\\n---\\n# From heading\\n                 | fallback  | From heading
      """)
  void namesTheBankFromFrontMatterThenHeadingThenFileName(String source, String markdown, String id, String title) {
    // when
    Bank bank = TestBanks.onlyBank(TestBanks.parse("banks/fallback.md", markdown.replace("\\n", "\n")));

    // then
    assertEquals(id, bank.id());
    assertEquals(title, bank.title());
  }

  @Test
  void warnsAtTheQuestionCountKeyWhenItDisagrees() {
    // given
    String markdown = "---\ntitle: T\n\nquestionCount: 3\n---\n" + question(1);

    // when
    LoadResult result = TestBanks.parse("c.md", markdown);

    // then
    assertEquals(List.of("c.md:4: warning: questionCount is 3 but the bank has 1 questions"), formatted(result));
  }

  @Test
  void keepsUnquotedYamlValuesJsonFriendly() {
    // given
    String markdown = "---\nupdated: 2025-01-08\nstamp: 2001-12-14t21:59:43.10-05:00\nratio: .nan\nbig: 123456789012345678901234567890\n"
        + "set: !!set {a, b}\n1: numeric key\n---\n" + question(1);

    // when
    Bank bank = TestBanks.onlyBank(TestBanks.parse("y.md", markdown));

    // then
    assertEquals("2025-01-08", bank.meta().get("updated"));
    assertEquals("2001-12-14t21:59:43.10-05:00", bank.meta().get("stamp"));
    assertEquals("NaN", bank.meta().get("ratio"));
    assertEquals(new java.math.BigInteger("123456789012345678901234567890"), bank.meta().get("big"));
    assertEquals(List.of("a", "b"), bank.meta().get("set"));
    assertEquals("numeric key", bank.meta().get("1"));
  }

  @Test
  void refusesYamlTagsThatWouldBuildArbitraryObjects() {
    // given
    String markdown = "---\nx: !!java.io.File /tmp\n---\n" + question(1);

    // when
    LoadResult result = TestBanks.parse("evil.md", markdown);

    // then
    assertEquals(List.of(), result.banks());
    assertEquals(1, result.problems().size());
    assertEquals(2, result.problems().get(0).line());
    assertTrue(result.problems().get(0).message().startsWith("bad YAML front matter: "), result.problems().get(0).message());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      bad indentation     | ---\\ntitle: A\\n  bad: [\\n---\\n       | 3
      mapping in a scalar | ---\\ntitle: a: b\\n---\\n               | 2
      duplicate key       | ---\\nid: a\\nother: 1\\nid: b\\n---\\n  | 4
      not a mapping       | ---\\n- a\\n- b\\n---\\n                 | 2
      never closed        | ---\\ntitle: A\\n# Heading\\n              | 1
      """)
  void badFrontMatterIsOneErrorAtItsLineAndNoBank(String kind, String markdown, int line) {
    // when
    LoadResult result = TestBanks.parse("bad.md", markdown.replace("\\n", "\n") + question(1));

    // then
    assertEquals(List.of(), result.banks());
    assertEquals(1, result.problems().size(), result.problems().toString());
    Problem problem = result.problems().get(0);
    assertEquals(Problem.Severity.ERROR, problem.severity());
    assertEquals(line, problem.line(), problem.message());
  }

  @Test
  void nonUtf8IsOneErrorAtTheLineOfTheFirstBadByte() {
    // given
    byte[] bytes = "# Bank\r\n\nCaf\u00e9 ok\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] latin1 = "\n\u00e9t\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    byte[] file = new byte[bytes.length + latin1.length];
    System.arraycopy(bytes, 0, file, 0, bytes.length);
    System.arraycopy(latin1, 0, file, bytes.length, latin1.length);

    // when
    LoadResult result = new BankLoader().parse("latin1.md", file);

    // then
    assertEquals(List.of(), result.banks());
    assertEquals(1, result.problems().size());
    assertEquals(Problem.Severity.ERROR, result.problems().get(0).severity());
    assertEquals(5, result.problems().get(0).line());
    assertTrue(result.problems().get(0).message().startsWith("not valid UTF-8: byte 0xE9"), result.problems().get(0).message());
  }

  @Test
  void aRealReplacementCharacterIsNotAnEncodingError() {
    // when
    LoadResult result = TestBanks.parse("fffd.md", question(1).replace("Quick 1.", "Odd \uFFFD char."));

    // then
    assertEquals(List.of(), result.problems());
    assertEquals("Odd \uFFFD char.", TestBanks.onlyBank(result).questions().get(0).quickAnswer());
  }

  @Test
  void crlfLineEndingsAndByteOrderMarkLoadLikeLf() {
    // given
    String lf = TestBanks.realBankText();
    byte[] crlf = ("\uFEFF" + lf.replace("\n", "\r\n")).getBytes(java.nio.charset.StandardCharsets.UTF_8);

    // when
    LoadResult fromLf = TestBanks.parseRealBank();
    LoadResult fromCrlf = new BankLoader().parse(TestBanks.REAL_BANK_FILE, crlf);

    // then
    assertEquals(BankJson.toJson(fromLf), BankJson.toJson(fromCrlf));
    assertEquals(fromLf, fromCrlf);
  }

  @Test
  void emptyFileIsListedWithAWarning() {
    // when
    LoadResult result = TestBanks.parse("banks/empty.md", "");

    // then
    Bank bank = TestBanks.onlyBank(result);
    assertEquals("empty", bank.id());
    assertEquals(List.of(), bank.questions());
    assertEquals(List.of("banks/empty.md:1: warning: no questions found: a question starts with a '### Qn: Title' heading"), formatted(result));
    assertFalse(result.hasErrors());
  }

  @Test
  void warnsAtEachEmptyPartHeading() {
    // given
    String markdown = """
        ### Q1: Empty parts
        **Difficulty:** Senior | **Companies:** Acme | **Frequency:** Common

        #### Quick Answer (30 seconds)

        #### Detailed Answer
        Long.
        #### Common Mistakes
        """;

    // when
    LoadResult result = TestBanks.parse("empty-parts.md", markdown);

    // then
    assertEquals(
        List.of(
            "empty-parts.md:4: warning: question Q1 has an empty '#### Quick Answer (30 seconds)' part",
            "empty-parts.md:8: warning: question Q1 has an empty '#### Common Mistakes' part"),
        formatted(result));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      negative question number | ### Q-1: negative                     | question number '-1' is not a whole number from 0 to 999999999
      20-digit question number | ### Q12345678901234567890: huge        | question number '12345678901234567890' is not a whole number from 0 to 999999999
      negative scenario number | ### Scenario -2: negative              | scenario number '-2' is not a whole number from 0 to 999999999
      """)
  void aQuestionHeadingWithAnUnusableNumberIsAnErrorAtItsLineNotATopic(String kind, String heading, String message) {
    // given
    String markdown = "### Topic\n" + heading + "\n\n#### Quick Answer\nNo.\n\n" + question(2);

    // when
    LoadResult result = TestBanks.parse("numbers.md", markdown);

    // then
    assertEquals(
        List.of("numbers.md:2: error: " + message + "; the heading is skipped"),
        formatted(result));
    Question question = TestBanks.onlyBank(result).questions().get(0);
    assertEquals("Topic", question.topic());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"### Q 5: spaced", "### Q4 2025 results", "### Scenarios 1-3"})
  void aHeadingThatOnlyResemblesAQuestionIsATopicWithoutProblems(String heading) {
    // when
    LoadResult result = TestBanks.parse("topics.md", heading + "\n" + question(2));

    // then
    assertEquals(List.of(), formatted(result));
    assertEquals(heading.substring(4), TestBanks.onlyBank(result).questions().get(0).topic());
  }

  @Test
  void anAliasBombInFrontMatterIsOneErrorAtItsKeyWithinASecond() {
    // given: 48 aliases (under snakeyaml's own limit of 50): 24 levels, each a list of the
    // level below twice, 2^24 lists once expanded
    StringBuilder yaml = new StringBuilder("---\ntitle: Bomb\nl0: &l0 [x, x]\n");
    for (int level = 1; level <= 24; level++) {
      yaml.append("l").append(level).append(": &l").append(level)
          .append(" [*l").append(level - 1).append(", *l").append(level - 1).append("]\n");
    }
    String markdown = yaml + "---\n" + question(1);

    // when
    LoadResult result = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> TestBanks.parse("bomb.md", markdown));

    // then
    assertEquals(List.of(), result.banks());
    assertEquals(1, result.problems().size(), result.problems().toString());
    Problem problem = result.problems().get(0);
    assertEquals(Problem.Severity.ERROR, problem.severity());
    assertTrue(problem.message().startsWith("bad YAML front matter: "), problem.message());
    assertTrue(problem.line() > 3 && problem.line() <= 27, problem.format());
  }

  @Test
  void aListThatContainsItselfIsOneErrorNotARecursion() {
    // given
    String markdown = "---\ntitle: Loop\nloop: &loop [a, *loop]\n---\n" + question(1);

    // when
    LoadResult result = TestBanks.parse("loop.md", markdown);

    // then
    assertEquals(List.of(), result.banks());
    assertEquals(List.of(3), result.problems().stream().map(Problem::line).toList(), result.problems().toString());
  }

  private static List<String> formatted(LoadResult result) {
    return result.problems().stream().map(Problem::format).toList();
  }
}
