package dev.dbq.bank;

import java.util.List;

/**
 * One interview question of a bank. Markdown fields keep the bank's own Markdown so every
 * platform can render it its own way.
 *
 * @param id stable id {@code bank-id/qN}; rounds and streaks refer to it
 * @param line 1-based line of the original file where the heading's {@code #} marks stand
 * @param realWorldContext Markdown, or {@code null} when the question has none
 */
public record Question(
    String id,
    int number,
    int line,
    String title,
    String topic,
    String difficulty,
    List<String> companies,
    String frequency,
    String quickAnswer,
    String detailedAnswer,
    List<CodeExample> codeExamples,
    String realWorldContext,
    List<String> commonMistakes,
    List<String> followUps,
    List<String> relatedTopics) {

  public Question {
    companies = List.copyOf(companies);
    codeExamples = List.copyOf(codeExamples);
    commonMistakes = List.copyOf(commonMistakes);
    followUps = List.copyOf(followUps);
    relatedTopics = List.copyOf(relatedTopics);
  }

  /** The id of the bank this question belongs to (the part of {@link #id} before the slash). */
  public String bankId() {
    return id.substring(0, id.lastIndexOf('/'));
  }

  /** The short id users type: {@code q5}. */
  public String shortId() {
    return "q" + number;
  }
}
