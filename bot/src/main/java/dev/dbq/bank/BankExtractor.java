package dev.dbq.bank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Walks the top-level headings of a bank: {@code #} gives the title, {@code ##} opens a part
 * of the file (a summary group or not), {@code ###} is a question, a scenario, a summary part
 * or else the topic of the questions that follow.
 */
final class BankExtractor {

  /** What a bank's Markdown holds; {@code firstHeading} is null when it has no {@code #} heading. */
  record Extraction(String firstHeading, List<Question> questions, List<Scenario> scenarios, Map<String, String> summary) {}

  private static final List<String> SUMMARY_GROUPS = List.of("quick read", "quick reference");

  private final Outline outline;
  private final ProblemLog log;
  private final String bankId;

  BankExtractor(Outline outline, ProblemLog log, String bankId) {
    this.outline = outline;
    this.log = log;
    this.bankId = bankId;
  }

  Extraction extract() {
    String firstHeading = null;
    String topic = "";
    boolean inSummaryGroup = false;
    List<Question> questions = new ArrayList<>();
    List<Scenario> scenarios = new ArrayList<>();
    Map<String, String> summary = new LinkedHashMap<>();
    Map<Integer, Integer> questionLines = new HashMap<>();
    Map<Integer, Integer> scenarioLines = new HashMap<>();
    QuestionReader questionReader = new QuestionReader(outline, log);
    ScenarioReader scenarioReader = new ScenarioReader(outline, log);

    List<Outline.HeadingLine> headings = outline.headings();
    for (int i = 0; i < headings.size(); i++) {
      Outline.HeadingLine heading = headings.get(i);
      if (heading.level() <= 2) {
        if (heading.level() == 1 && firstHeading == null) {
          firstHeading = heading.text();
        }
        topic = "";
        inSummaryGroup = heading.level() == 2 && isSummaryGroup(heading.text());
        continue;
      }
      if (heading.level() != 3) {
        continue;
      }
      int line = outline.originalLine(heading.line());
      Optional<NumberedHeading> question = NumberedHeading.question(heading.text());
      Optional<NumberedHeading> scenario = NumberedHeading.scenario(heading.text());
      Optional<String> unusableNumber = NumberedHeading.unusableNumber(heading.text());
      if (question.isPresent()) {
        int number = question.get().number();
        if (isFirst(questionLines, number, line, "question Q" + number)) {
          questions.add(questionReader.read(i, question.get(), bankId, topic));
        }
      } else if (scenario.isPresent()) {
        int number = scenario.get().number();
        if (isFirst(scenarioLines, number, line, "scenario " + number)) {
          scenarios.add(scenarioReader.read(i, scenario.get(), bankId));
        }
      } else if (unusableNumber.isPresent()) {
        // Meant as a question: never a topic, which would silently rename the next questions'.
        log.error(line, unusableNumber.get() + "; the heading is skipped");
      } else if (inSummaryGroup) {
        summary.putIfAbsent(heading.text(), outline.markdown(heading.line() + 1, outline.end(i, 3)));
      } else {
        topic = heading.text();
      }
    }
    return new Extraction(firstHeading, questions, scenarios, summary);
  }

  /** Ids must stay unique: the first of a number is kept, later ones are skipped with a warning. */
  private boolean isFirst(Map<Integer, Integer> firstLines, int number, int line, String label) {
    Integer firstLine = firstLines.putIfAbsent(number, line);
    if (firstLine == null) {
      return true;
    }
    log.warning(line, "duplicate " + label + " is skipped: the one at line " + firstLine + " keeps the id");
    return false;
  }

  private static boolean isSummaryGroup(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return SUMMARY_GROUPS.stream().anyMatch(lower::startsWith);
  }
}
