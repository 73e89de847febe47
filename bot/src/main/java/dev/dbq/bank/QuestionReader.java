package dev.dbq.bank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads one question: its metadata line and its {@code ####} parts, warning about gaps. */
final class QuestionReader {

  private final Outline outline;
  private final ProblemLog log;
  // Difficulties, companies, frequencies and related topics repeat across thousands of
  // questions: one String each per file instead of one per question (issue 16: heap per question).
  private final Map<String, String> shared = new HashMap<>();

  QuestionReader(Outline outline, ProblemLog log) {
    this.outline = outline;
    this.log = log;
  }

  /** The question whose heading is {@code outline.headings().get(index)}. */
  Question read(int index, NumberedHeading heading, String bankId, String topic) {
    Outline.HeadingLine start = outline.headings().get(index);
    int end = outline.end(index, 3);
    int line = outline.originalLine(start.line());
    String label = "question Q" + heading.number();
    if (heading.title().isEmpty()) {
      log.warning(line, label + " has no title");
    }
    int firstPart = index + 1 < outline.headings().size() ? outline.headings().get(index + 1).line() : end;
    MetadataLine metadata = MetadataLine.parse(outline.leadingParagraphLine(start.line() + 1, Math.min(firstPart, end)));
    if (metadata == null) {
      log.warning(line, label + " has no '**Difficulty:** ... | **Companies:** ... | **Frequency:** ...' line under its heading");
      metadata = MetadataLine.NONE;
    }
    Parts parts = readParts(index, end, label);
    if (parts.quickAnswer == null) {
      log.warning(line, label + " has no '#### Quick Answer' part");
    }
    return new Question(
        bankId + "/q" + heading.number(),
        heading.number(),
        line,
        heading.title(),
        topic,
        share(metadata.difficulty()),
        metadata.companies().stream().map(this::share).toList(),
        share(metadata.frequency()),
        parts.quickAnswer == null ? "" : parts.quickAnswer,
        parts.detailedAnswer == null ? "" : parts.detailedAnswer,
        parts.codeExamples,
        parts.realWorldContext,
        parts.commonMistakes,
        parts.followUps,
        parts.relatedTopics.stream().map(this::share).toList());
  }

  private String share(String value) {
    return value == null ? null : shared.computeIfAbsent(value, v -> v);
  }

  private Parts readParts(int index, int end, String label) {
    Parts parts = new Parts();
    List<Outline.HeadingLine> headings = outline.headings();
    for (int i = index + 1; i < headings.size() && headings.get(i).line() < end; i++) {
      Outline.HeadingLine heading = headings.get(i);
      if (heading.level() == 4) {
        int from = heading.line() + 1;
        int to = outline.end(i, 4);
        QuestionPart.named(heading.text()).ifPresent(part -> {
          if (outline.markdown(from, to).isBlank()) {
            log.warning(outline.originalLine(heading.line()), label + " has an empty '#### " + heading.text() + "' part");
          }
          parts.add(part, outline, from, to);
        });
      }
    }
    return parts;
  }

  /** What the parts gave; a part named twice adds to lists and keeps the first text. */
  private static final class Parts {
    String quickAnswer;
    String detailedAnswer;
    String realWorldContext;
    final List<CodeExample> codeExamples = new ArrayList<>();
    final List<String> commonMistakes = new ArrayList<>();
    final List<String> followUps = new ArrayList<>();
    final List<String> relatedTopics = new ArrayList<>();

    void add(QuestionPart part, Outline outline, int from, int to) {
      switch (part) {
        case QUICK_ANSWER -> quickAnswer = firstOf(quickAnswer, outline.markdown(from, to));
        case DETAILED_ANSWER -> detailedAnswer = firstOf(detailedAnswer, outline.markdown(from, to));
        case REAL_WORLD_CONTEXT -> realWorldContext = firstOf(realWorldContext, outline.markdown(from, to));
        case CODE_EXAMPLE -> codeExamples.addAll(outline.codeExamples(from, to));
        case COMMON_MISTAKES -> commonMistakes.addAll(outline.listItems(from, to));
        case FOLLOW_UPS -> followUps.addAll(outline.listItems(from, to));
        case RELATED_TOPICS -> relatedTopics.addAll(outline.listItems(from, to));
      }
    }

    private static String firstOf(String existing, String candidate) {
      return existing != null ? existing : candidate;
    }
  }
}
