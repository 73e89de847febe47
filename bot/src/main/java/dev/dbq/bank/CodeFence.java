package dev.dbq.bank;

/**
 * An open fenced code block, tracked line by line as CommonMark does: it closes at a line of
 * the same character, at least as long. Indentation is not limited, so fences inside list items
 * are seen too.
 */
record CodeFence(char character, int length) {

  private static final int MIN_LENGTH = 3;

  /** The fence {@code line} opens, or null when it opens none. */
  static CodeFence openedBy(String line) {
    String rest = line.stripLeading();
    int run = runLength(rest);
    if (run < MIN_LENGTH) {
      return null;
    }
    char character = rest.charAt(0);
    if (character == '`' && rest.indexOf('`', run) >= 0) {
      return null; // a backtick in the info string makes this inline code, not a fence
    }
    return new CodeFence(character, run);
  }

  boolean isClosedBy(String line) {
    String rest = line.strip();
    int run = runLength(rest);
    return run > 0 && rest.charAt(0) == character && run >= length && run == rest.length();
  }

  private static int runLength(String text) {
    if (text.isEmpty() || (text.charAt(0) != '`' && text.charAt(0) != '~')) {
      return 0;
    }
    char character = text.charAt(0);
    int run = 0;
    while (run < text.length() && text.charAt(run) == character) {
      run++;
    }
    return run;
  }
}
