package dev.dbq.bank;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link LoadResult} as the {@code bank export} JSON (DESIGN.md section 4): exactly
 * those keys, in that order, pretty-printed with two-space indents.
 */
public final class BankJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter()).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private BankJson() {}

  /** The export JSON as a string, without a final line break. */
  public static String toJson(LoadResult result) {
    try {
      return WRITER.writeValueAsString(tree(result));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write bank JSON", e);
    }
  }

  /** Appends the export JSON and a final line break to {@code out}. */
  public static void write(LoadResult result, Appendable out) throws IOException {
    out.append(toJson(result)).append('\n');
  }

  /** Writes the export JSON (UTF-8) and a final line break to {@code out}, leaving it open. */
  public static void write(LoadResult result, OutputStream out) throws IOException {
    WRITER.writeValue(out, tree(result));
    out.write('\n');
    out.flush();
  }

  /** The export as a Jackson tree, for callers that embed or inspect it. */
  public static ObjectNode tree(LoadResult result) {
    ObjectNode root = NODES.objectNode();
    ArrayNode banks = root.putArray("banks");
    result.banks().forEach(bank -> banks.add(bank(bank)));
    ArrayNode problems = root.putArray("problems");
    result.problems().forEach(problem -> problems.add(problem(problem)));
    return root;
  }

  private static ObjectNode bank(Bank bank) {
    ObjectNode node = NODES.objectNode();
    node.put("id", bank.id());
    node.put("file", bank.file());
    node.put("title", bank.title());
    node.set("meta", MAPPER.valueToTree(bank.meta()));
    ArrayNode questions = node.putArray("questions");
    bank.questions().forEach(question -> questions.add(question(question)));
    ArrayNode scenarios = node.putArray("scenarios");
    bank.scenarios().forEach(scenario -> scenarios.add(scenario(scenario)));
    return node;
  }

  private static ObjectNode question(Question question) {
    ObjectNode node = NODES.objectNode();
    node.put("id", question.id());
    node.put("number", question.number());
    node.put("line", question.line());
    node.put("title", question.title());
    node.put("topic", question.topic());
    node.put("difficulty", question.difficulty());
    node.set("companies", strings(question.companies()));
    node.put("frequency", question.frequency());
    node.put("quickAnswer", question.quickAnswer());
    node.put("detailedAnswer", question.detailedAnswer());
    ArrayNode codeExamples = node.putArray("codeExamples");
    for (CodeExample example : question.codeExamples()) {
      codeExamples.addObject().put("language", example.language()).put("code", example.code());
    }
    node.put("realWorldContext", question.realWorldContext()); // null when absent, as specified
    node.set("commonMistakes", strings(question.commonMistakes()));
    node.set("followUps", strings(question.followUps()));
    node.set("relatedTopics", strings(question.relatedTopics()));
    return node;
  }

  private static ObjectNode scenario(Scenario scenario) {
    ObjectNode node = NODES.objectNode();
    node.put("id", scenario.id());
    node.put("number", scenario.number());
    node.put("line", scenario.line());
    node.put("title", scenario.title());
    ObjectNode sections = node.putObject("sections");
    for (Map.Entry<String, String> section : scenario.sections().entrySet()) {
      sections.put(section.getKey(), section.getValue());
    }
    node.set("interviewQuestions", strings(scenario.interviewQuestions()));
    return node;
  }

  private static ObjectNode problem(Problem problem) {
    ObjectNode node = NODES.objectNode();
    node.put("file", problem.file());
    node.put("line", problem.line());
    node.put("severity", problem.severity().label());
    node.put("message", problem.message());
    return node;
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode array = NODES.arrayNode(values.size());
    values.forEach(array::add);
    return array;
  }

  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators = Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER);
    return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
  }
}
