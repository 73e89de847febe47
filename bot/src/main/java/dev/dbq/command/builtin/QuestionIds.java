package dev.dbq.command.builtin;

import dev.dbq.bank.BankLibrary.Lookup;
import dev.dbq.bank.BankLibrary;
import dev.dbq.bank.Question;
import dev.dbq.bank.Scenario;
import dev.dbq.command.CommandException;
import dev.dbq.command.UserInput;
import java.util.List;
import java.util.Locale;

/** Turns an id a user typed into a question or scenario, or a reply saying which ids exist. */
final class QuestionIds {

  private QuestionIds() {}

  static Question question(BankLibrary library, String typed) {
    return found(library.findQuestion(numberAsQuestionId(typed)), typed, "question");
  }

  /** A bare number is the question with that number, as people say "question 5": {@code 5} is {@code q5}. */
  static String numberAsQuestionId(String typed) {
    int slash = typed.lastIndexOf('/');
    String local = typed.substring(slash + 1);
    return !local.isEmpty() && local.chars().allMatch(c -> c >= '0' && c <= '9')
        ? typed.substring(0, slash + 1) + "q" + local
        : typed;
  }

  static Scenario scenario(BankLibrary library, String typed) {
    return found(library.findScenario(typed), typed, "scenario");
  }

  private static <T> T found(Lookup<T> lookup, String typed, String kind) {
    if (lookup instanceof Lookup.Found<T> found) {
      return found.value();
    }
    if (lookup instanceof Lookup.Ambiguous<T> ambiguous) {
      throw ambiguous(typed, ambiguous.candidates());
    }
    throw missing(typed, kind, ((Lookup.Missing<T>) lookup).known());
  }

  private static CommandException ambiguous(String typed, List<String> candidates) {
    return new CommandException(
        UserInput.echo(typed) + " is in several banks: say which, e.g. " + UserInput.list(candidates) + ".");
  }

  private static CommandException missing(String typed, String kind, List<String> known) {
    if (known.isEmpty()) {
      return new CommandException("There is no " + kind + " in the loaded banks.");
    }
    List<String> shortIds = known.stream().map(id -> id.substring(id.lastIndexOf('/') + 1)).distinct().toList();
    String range = shortIds.get(0) + "–" + shortIds.get(shortIds.size() - 1);
    return new CommandException(
        "No " + kind + " " + UserInput.echo(typed) + "."
            + UserInput.didYouMean(typed.toLowerCase(Locale.ROOT), known)
            + " Ids run " + range + " (e.g. `/dbq show " + shortIds.get(0) + "`).");
  }
}
