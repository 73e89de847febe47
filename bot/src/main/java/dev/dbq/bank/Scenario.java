package dev.dbq.bank;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real-world scenario: named parts ("Problem Statement", "Solution Approach", ...) in file
 * order, and the interview questions it ends with.
 */
public record Scenario(
    String id,
    int number,
    int line,
    String title,
    Map<String, String> sections,
    List<String> interviewQuestions) {

  public Scenario {
    sections = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    interviewQuestions = List.copyOf(interviewQuestions);
  }
}
