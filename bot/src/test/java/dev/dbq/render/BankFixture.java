package dev.dbq.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The bundled question bank, the real Markdown the renderers must handle. */
final class BankFixture {

  private static final Path BANK = Path.of("..", "content", "database-architecture.md");

  private BankFixture() {}

  /** The bank's Markdown without its YAML front matter. */
  static String markdown() {
    try {
      String file = Files.readString(BANK);
      int frontMatterEnd = file.indexOf("\n---\n", 4);
      return file.substring(frontMatterEnd + "\n---\n".length());
    } catch (IOException e) {
      throw new UncheckedIOException("the tests run from bot/ and read " + BANK, e);
    }
  }

  /** The bank text from the heading that starts with {@code from} up to the one with {@code to}. */
  static String section(String from, String to) {
    String bank = markdown();
    int start = bank.indexOf(from);
    int end = bank.indexOf(to, start);
    if (start < 0 || end < 0) {
      throw new IllegalArgumentException("no section " + from + " .. " + to + " in the bank");
    }
    return bank.substring(start, end);
  }
}
