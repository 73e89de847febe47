package dev.dbq.bank;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one scenario. Its parts start at bold-only lines ({@code **Problem Statement**}) and
 * run to the next one; the part named "Interview Questions ..." gives the list of questions.
 */
final class ScenarioReader {

  private static final String INTERVIEW_QUESTIONS = "interview questions";

  private final Outline outline;
  private final ProblemLog log;

  ScenarioReader(Outline outline, ProblemLog log) {
    this.outline = outline;
    this.log = log;
  }

  Scenario read(int index, NumberedHeading heading, String bankId) {
    Outline.HeadingLine start = outline.headings().get(index);
    int end = outline.end(index, 3);
    int line = outline.originalLine(start.line());
    List<Integer> partLines = outline.boldOnlyLines(start.line() + 1, end);
    if (partLines.isEmpty()) {
      log.warning(line, "scenario " + heading.number() + " has no parts (bold lines such as **Problem Statement**)");
    }
    Map<String, String> sections = new LinkedHashMap<>();
    List<String> interviewQuestions = new ArrayList<>();
    for (int i = 0; i < partLines.size(); i++) {
      int partLine = partLines.get(i);
      int to = i + 1 < partLines.size() ? partLines.get(i + 1) : end;
      String name = partName(outline.line(partLine));
      if (name.toLowerCase(Locale.ROOT).startsWith(INTERVIEW_QUESTIONS)) {
        interviewQuestions.addAll(outline.listItems(partLine + 1, to));
      } else {
        sections.putIfAbsent(name, outline.markdown(partLine + 1, to));
      }
    }
    return new Scenario(bankId + "/s" + heading.number(), heading.number(), line, heading.title(), sections, interviewQuestions);
  }

  private static String partName(String boldLine) {
    String name = Outline.boldText(boldLine);
    return name.endsWith(":") ? name.substring(0, name.length() - 1).strip() : name;
  }
}
