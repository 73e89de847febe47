package dev.dbq.command;

import dev.dbq.chat.UserText;
import dev.dbq.text.DidYouMean;
import java.util.Collection;
import java.util.stream.Collectors;

/** Puts what a user typed back into a reply safely, and phrases "did you mean" hints. */
public final class UserInput {

  private static final int MAX_ECHO = 60;

  private UserInput() {}

  /** The user's words as inline code that can ping nobody, shortened when long. */
  public static String echo(String typed) {
    String shortened = typed.length() > MAX_ECHO ? typed.substring(0, MAX_ECHO) + "…" : typed;
    return UserText.code(shortened);
  }

  /** {@code " Did you mean `staff`?"} or nothing. */
  public static String didYouMean(String typed, Collection<String> options) {
    return DidYouMean.closest(typed, options).map(s -> " Did you mean `" + s + "`?").orElse("");
  }

  /** Options as a readable list: {@code `a`, `b`, `c`}. */
  public static String list(Collection<String> options) {
    return options.stream().map(o -> "`" + o + "`").collect(Collectors.joining(", "));
  }
}
