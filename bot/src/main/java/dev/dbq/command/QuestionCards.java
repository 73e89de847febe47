package dev.dbq.command;

import dev.dbq.bank.CodeExample;
import dev.dbq.bank.Question;
import dev.dbq.bank.Scenario;
import dev.dbq.chat.Reply.Block;
import dev.dbq.chat.Reply.Button;
import dev.dbq.chat.Reply.Code;
import dev.dbq.chat.Reply.Text;
import dev.dbq.chat.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * How questions and scenarios look as replies, shared by the commands and the question of the
 * day so that a question reads the same wherever it appears.
 */
public final class QuestionCards {

  private QuestionCards() {}

  /** {@code Q5 · Design a database architecture for handling 100M+ users}. */
  public static String heading(Question q) {
    return "Q" + q.number() + " · " + q.title();
  }

  /** One line with difficulty, topic, companies and frequency, leaving out what is unknown. */
  public static String facts(Question q) {
    List<String> facts = new ArrayList<>();
    if (!q.difficulty().isBlank()) {
      facts.add("**" + q.difficulty() + "**");
    }
    if (!q.topic().isBlank()) {
      facts.add(q.topic());
    }
    if (!q.companies().isEmpty()) {
      facts.add("asked at " + String.join(", ", q.companies()));
    }
    if (!q.frequency().isBlank()) {
      facts.add(q.frequency());
    }
    return String.join(" · ", facts) + "  (`" + q.id() + "`)";
  }

  /** The question with its quick answer and buttons for the other parts. */
  public static Reply withQuickAnswer(Question q) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Text(facts(q)));
    blocks.add(new Text(quickAnswerOf(q)));
    return new Reply(heading(q), blocks, partButtons(q, AnswerPart.QUICK), Reply.Visibility.CALLER);
  }

  /** One part of a question, with buttons for the other parts. */
  public static Reply part(Question q, AnswerPart part) {
    if (part == AnswerPart.QUICK) {
      return withQuickAnswer(q);
    }
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Text("**" + part.label() + "**"));
    switch (part) {
      case DETAILED -> {
        blocks.add(new Text(orNone(q.detailedAnswer(), "This question has no detailed answer yet.")));
        q.codeExamples().forEach(c -> blocks.add(code(c)));
      }
      case CODE -> {
        if (q.codeExamples().isEmpty()) {
          blocks.add(new Text("This question has no code example."));
        }
        q.codeExamples().forEach(c -> blocks.add(code(c)));
      }
      case CONTEXT ->
          blocks.add(new Text(orNone(q.realWorldContext(), "This question has no real-world context.")));
      case MISTAKES -> blocks.add(new Text(bullets(q.commonMistakes(), "No common mistakes listed.")));
      case FOLLOWUPS -> blocks.add(new Text(numbered(q.followUps(), "No follow-up questions listed.")));
      case QUICK -> throw new IllegalStateException("handled above");
    }
    return new Reply(heading(q), blocks, partButtons(q, part), Reply.Visibility.CALLER);
  }

  /** Buttons for every part that the question has, except the one shown. */
  public static List<Button> partButtons(Question q, AnswerPart shown) {
    List<Button> buttons = new ArrayList<>();
    for (AnswerPart part : AnswerPart.values()) {
      if (part != shown && has(q, part)) {
        buttons.add(partButton(q, part));
      }
    }
    return buttons;
  }

  public static Button partButton(Question q, AnswerPart part) {
    return new Button(part.label(), "/dbq answer " + q.id() + " " + part.keyword());
  }

  private static boolean has(Question q, AnswerPart part) {
    return switch (part) {
      case QUICK -> true;
      case DETAILED -> !q.detailedAnswer().isBlank();
      case CODE -> !q.codeExamples().isEmpty();
      case CONTEXT -> q.realWorldContext() != null && !q.realWorldContext().isBlank();
      case MISTAKES -> !q.commonMistakes().isEmpty();
      case FOLLOWUPS -> !q.followUps().isEmpty();
    };
  }

  /** A scenario: every named part in file order, then its interview questions. */
  public static Reply scenario(Scenario s, int count) {
    List<Block> blocks = new ArrayList<>();
    for (Map.Entry<String, String> section : s.sections().entrySet()) {
      blocks.add(new Text("**" + section.getKey() + "**\n" + section.getValue()));
    }
    if (!s.interviewQuestions().isEmpty()) {
      blocks.add(new Text("**Interview questions from this scenario**\n" + numbered(s.interviewQuestions(), "")));
    }
    String title = "Scenario " + s.number() + " of " + count + " · " + s.title();
    return new Reply(title, blocks, List.of(), Reply.Visibility.CALLER);
  }

  private static String quickAnswerOf(Question q) {
    return orNone(q.quickAnswer(), "This question has no quick answer yet.");
  }

  private static Code code(CodeExample example) {
    return new Code(example.language(), example.code());
  }

  private static String orNone(String markdown, String none) {
    return markdown == null || markdown.isBlank() ? "_" + none + "_" : markdown;
  }

  static String bullets(List<String> items, String none) {
    return items.isEmpty() ? "_" + none + "_" : items.stream().map(i -> "- " + i).collect(Collectors.joining("\n"));
  }

  static String numbered(List<String> items, String none) {
    return items.isEmpty()
        ? "_" + none + "_"
        : IntStream.range(0, items.size()).mapToObj(i -> (i + 1) + ". " + items.get(i)).collect(Collectors.joining("\n"));
  }
}
