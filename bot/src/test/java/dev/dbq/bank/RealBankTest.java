package dev.dbq.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped bank, content/database-architecture.md, exactly as it came (with its damage). */
class RealBankTest {

  private static final LoadResult RESULT = TestBanks.parseRealBank();
  private static final Bank BANK = TestBanks.onlyBank(RESULT);
  private static final List<String> FILE_LINES = TestBanks.realBankText().lines().toList();

  @Test
  void recoversAllTwelveQuestionsAndThreeScenarios() {
    // then
    assertEquals(12, BANK.questions().size());
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), BANK.questions().stream().map(Question::number).toList());
    assertEquals(3, BANK.scenarios().size());
  }

  @Test
  void takesIdFromFileNameAndTitleAndMetaFromFrontMatter() {
    // then
    assertEquals("database-architecture", BANK.id());
    assertEquals(TestBanks.REAL_BANK_FILE, BANK.file());
    assertEquals("Database Architecture Interview Questions", BANK.title());
    assertEquals("databases", BANK.meta().get("category"));
    assertEquals(45, BANK.meta().get("estimatedReadTime"));
    assertEquals("2025-01-08", BANK.meta().get("lastUpdated"));
    assertEquals(List.of("Google", "Amazon", "Microsoft", "Meta", "Netflix", "Uber", "Airbnb"), BANK.meta().get("companies"));
  }

  @ParameterizedTest(name = "Q{0} at line {1}: {3}")
  @CsvSource(delimiter = '|', textBlock = """
       1 |   36 | ACID Properties & Transaction Management | Explain ACID properties and how they apply in distributed systems   | Senior | Google, Amazon, Meta         | Very Common | sql
       2 |   99 | ACID Properties & Transaction Management | Compare different isolation levels and their use cases              | Senior | Amazon, Microsoft, Uber      | Common      | sql
       3 |  163 | CAP Theorem & Consistency Models         | Explain CAP theorem and its practical implications                  | Senior | Google, Netflix, Amazon      | Very Common | javascript
       4 |  225 | CAP Theorem & Consistency Models         | Design a consistency model for a global social media platform       | Staff  | Meta, Twitter, TikTok        | Common      | javascript
       5 |  297 | Database Scaling & Architecture          | Design a database architecture for handling 100M+ users             | Staff  | Uber, Airbnb, Netflix        | Very Common | javascript
       6 |  374 | Database Scaling & Architecture          | Explain database replication strategies and their trade-offs        | Senior | Amazon, Google, Microsoft    | Common      | sql
       7 |  449 | Database Migration & Scaling Challenges  | Design a zero-downtime database migration strategy                  | Staff  | Stripe, Shopify, GitHub      | Common      | javascript
       8 |  545 | Database Migration & Scaling Challenges  | Handle database scaling challenges for a fintech application        | Staff  | Stripe, Square, PayPal       | Common      | javascript
       9 |  640 | Database Security & Compliance           | Implement GDPR compliance in a distributed database system          | Staff  | Google, Microsoft, Airbnb    | Common      | javascript
      10 |  750 | Database Security & Compliance           | Design a database security architecture for healthcare data (HIPAA) | Staff  | Epic, Cerner, Teladoc        | Common      | javascript
      11 |  882 | Advanced Database Architecture Questions | Design a multi-tenant database architecture with data isolation     | Staff  | Salesforce, Slack, Zoom      | Common      | javascript
      12 |  970 | Advanced Database Architecture Questions | Implement database disaster recovery and high availability          | Senior | Amazon, Google, Microsoft    | Very Common | javascript
      """)
  void readsEveryQuestionHeadingAndMetadataLine(
      int number, int line, String topic, String title, String difficulty, String companies, String frequency, String language) {
    // when
    Question question = BANK.questions().get(number - 1);

    // then
    assertEquals("database-architecture/q" + number, question.id());
    assertEquals(line, question.line());
    assertEquals(topic, question.topic());
    assertEquals(title, question.title());
    assertEquals(difficulty, question.difficulty());
    assertEquals(Arrays.asList(companies.split(", ")), question.companies());
    assertEquals(frequency, question.frequency());
    assertEquals(List.of(language), question.codeExamples().stream().map(CodeExample::language).toList());
    assertTrue(FILE_LINES.get(line - 1).contains("#"), "the # marks stand on line " + line);
  }

  @Test
  void everyQuestionHasItsAnswersContextMistakesAndThreeFollowUps() {
    for (Question question : BANK.questions()) {
      // then
      assertFalse(question.quickAnswer().isBlank(), question.id());
      assertFalse(question.detailedAnswer().isBlank(), question.id());
      assertNotNull(question.realWorldContext(), question.id());
      assertEquals(3, question.commonMistakes().size(), question.id());
      assertEquals(3, question.followUps().size(), question.id());
    }
  }

  @Test
  void keepsMarkdownPartsExactlyAsWritten() {
    // when
    Question q1 = BANK.questions().get(0);

    // then
    assertEquals(FILE_LINES.get(39), q1.quickAnswer());
    assertEquals(String.join("\n", FILE_LINES.subList(42, 57)), q1.detailedAnswer());
    assertEquals(String.join("\n", FILE_LINES.subList(60, 79)), q1.codeExamples().get(0).code());
    assertEquals(FILE_LINES.get(82), q1.realWorldContext());
    assertTrue(q1.codeExamples().get(0).code().contains("-- Node B: Credit account  \n"), "trailing spaces are kept");
  }

  @Test
  void readsListPartsAsItemTexts() {
    // when
    Question q1 = BANK.questions().get(0);
    Question q3 = BANK.questions().get(2);

    // then
    assertEquals(List.of("Two-phase commit protocol", "Saga pattern", "Event sourcing"), q1.relatedTopics());
    assertEquals("Assuming ACID works the same in distributed systems", q1.commonMistakes().get(0));
    assertEquals("How do you test partition tolerance in your systems?", q3.followUps().get(2), "text before the glued heading stays in the list");
    assertEquals(List.of(), BANK.questions().get(1).relatedTopics());
  }

  @ParameterizedTest(name = "scenario {0} at line {1}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      1 | 1086 | Netflix Content Delivery Database Architecture
      2 | 1153 | Uber's Real-Time Location Database
      3 | 1235 | Stripe's Payment Processing Database
      """)
  void readsEveryScenarioWithItsPartsAndInterviewQuestions(int number, int line, String title) {
    // when
    Scenario scenario = BANK.scenarios().get(number - 1);

    // then
    assertEquals("database-architecture/s" + number, scenario.id());
    assertEquals(line, scenario.line());
    assertEquals(title, scenario.title());
    assertEquals(
        List.of("Problem Statement", "Technical Challenges", "Solution Approach", "Implementation Details", "Performance Metrics", "Lessons Learned"),
        List.copyOf(scenario.sections().keySet()));
    assertEquals(3, scenario.interviewQuestions().size());
  }

  @Test
  void scenarioPartsKeepTheirMarkdown() {
    // when
    Scenario netflix = BANK.scenarios().get(0);

    // then
    assertEquals(FILE_LINES.get(1088), netflix.sections().get("Problem Statement"));
    assertTrue(netflix.sections().get("Implementation Details").startsWith("```javascript\n// Netflix-style content architecture"));
    assertTrue(netflix.sections().get("Implementation Details").endsWith("\n```"));
    assertEquals("How would you handle content licensing changes across regions?", netflix.interviewQuestions().get(0));
  }

  @Test
  void collectsTheBanksOwnSummaryParts() {
    // then
    assertEquals(
        List.of("Executive Summary", "Key Points", "TL;DR", "Key Database Architecture Concepts",
            "Common Architecture Patterns", "Interview Preparation Tips", "Common Mistakes to Avoid"),
        List.copyOf(BANK.summary().keySet()));
    assertEquals(FILE_LINES.get(29), BANK.summary().get("TL;DR"));
    assertTrue(BANK.summary().get("Common Mistakes to Avoid").endsWith("- Underestimating monitoring and observability needs"));
  }

  @Test
  void reportsExactlyTheSixRepairsAndTheQuestionCountAndNoErrors() {
    // then
    assertFalse(RESULT.hasErrors());
    assertEquals(List.of(7, 99, 225, 374, 545, 750, 1083), RESULT.problems().stream().map(Problem::line).toList());
    assertTrue(RESULT.problems().stream().allMatch(p -> p.severity() == Problem.Severity.WARNING));
    assertEquals(
        "content/database-architecture.md:7: warning: questionCount is 35 but the bank has 12 questions",
        RESULT.problems().get(0).format());
    assertEquals(
        "heading cut by a line break was joined: \"### Q2: Compare different isolation levels and their use...\"",
        RESULT.problems().get(1).message());
    assertTrue(RESULT.problems().get(6).message().endsWith("\"## Real-World Database Architecture Scenarios\""));
  }
}
