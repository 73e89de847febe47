package dev.dbq.text;

import java.util.ArrayList;
import java.util.List;

/** Splits what a user typed into words; double quotes (straight or curly) group words. */
public final class CommandLine {

  private CommandLine() {}

  /** The words of a line, with a leading {@code /dbq} removed. An open quote runs to the end. */
  public static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"' || c == '“' || c == '”') {
        quoted = !quoted;
        inWord = true;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    if (!words.isEmpty() && words.get(0).equalsIgnoreCase("/dbq")) {
      words.remove(0);
    }
    return words;
  }
}
