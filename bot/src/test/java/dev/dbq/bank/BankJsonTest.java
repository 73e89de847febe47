package dev.dbq.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code bank export} JSON of DESIGN.md section 4, read back with Jackson. */
class BankJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void exportsTheRealBankWithExactlyTheDocumentedKeys() throws IOException {
    // given
    StringBuilder out = new StringBuilder();

    // when
    BankJson.write(TestBanks.parseRealBank(), out);
    JsonNode root = MAPPER.readTree(out.toString());

    // then
    assertEquals(List.of("banks", "problems"), keys(root));
    JsonNode bank = root.get("banks").get(0);
    assertEquals(List.of("id", "file", "title", "meta", "questions", "scenarios"), keys(bank));
    assertEquals("database-architecture", bank.get("id").asText());
    assertEquals("content/database-architecture.md", bank.get("file").asText());
    assertEquals(35, bank.get("meta").get("questionCount").asInt());
    assertEquals("2025-01-08", bank.get("meta").get("lastUpdated").asText());

    JsonNode q1 = bank.get("questions").get(0);
    assertEquals(
        List.of("id", "number", "line", "title", "topic", "difficulty", "companies", "frequency", "quickAnswer",
            "detailedAnswer", "codeExamples", "realWorldContext", "commonMistakes", "followUps", "relatedTopics"),
        keys(q1));
    assertEquals("database-architecture/q1", q1.get("id").asText());
    assertEquals(1, q1.get("number").asInt());
    assertEquals(36, q1.get("line").asInt());
    assertEquals("Explain ACID properties and how they apply in distributed systems", q1.get("title").asText());
    assertEquals("[\"Google\",\"Amazon\",\"Meta\"]", q1.get("companies").toString());
    assertEquals(List.of("language", "code"), keys(q1.get("codeExamples").get(0)));
    assertEquals("sql", q1.get("codeExamples").get(0).get("language").asText());
    assertEquals(12, bank.get("questions").size());

    JsonNode s1 = bank.get("scenarios").get(0);
    assertEquals(List.of("id", "number", "line", "title", "sections", "interviewQuestions"), keys(s1));
    assertEquals(1086, s1.get("line").asInt());
    assertTrue(s1.get("sections").get("Problem Statement").isTextual());
    assertEquals(3, s1.get("interviewQuestions").size());

    JsonNode problem = root.get("problems").get(0);
    assertEquals(List.of("file", "line", "severity", "message"), keys(problem));
    assertEquals(7, problem.get("line").asInt());
    assertEquals("warning", problem.get("severity").asText());
    assertTrue(out.toString().endsWith("}\n"));
    assertTrue(out.toString().contains("\n  \"banks\": ["), "pretty-printed");
  }

  @Test
  void missingRealWorldContextIsNullAndErrorsAreLowerCase() throws IOException {
    // given
    LoadResult result = new LoadResult(
        TestBanks.parse("x.md", "### Q1: T\n**Difficulty:** Senior | **Companies:** A | **Frequency:** Rare\n#### Quick Answer\nQ.\n").banks(),
        List.of(Problem.error("y.md", 3, "bad")));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    // when
    BankJson.write(result, out);
    JsonNode root = MAPPER.readTree(out.toString(StandardCharsets.UTF_8));

    // then
    JsonNode question = root.get("banks").get(0).get("questions").get(0);
    assertTrue(question.has("realWorldContext"));
    assertTrue(question.get("realWorldContext").isNull());
    assertEquals("", question.get("detailedAnswer").asText());
    assertEquals("{\"file\":\"y.md\",\"line\":3,\"severity\":\"error\",\"message\":\"bad\"}", root.get("problems").get(0).toString());
  }

  @Test
  void emptyResultIsTwoEmptyArrays() throws IOException {
    // when
    JsonNode root = MAPPER.readTree(BankJson.toJson(new LoadResult(List.of(), List.of())));

    // then
    assertEquals("{\"banks\":[],\"problems\":[]}", root.toString());
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      keys.add(names.next());
    }
    return keys;
  }
}
