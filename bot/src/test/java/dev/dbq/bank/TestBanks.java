package dev.dbq.bank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The bundled bank and small helpers shared by the bank tests. */
final class TestBanks {

  static final String REAL_BANK_FILE = "content/database-architecture.md";

  private TestBanks() {}

  /** The shipped bank, found from the module or the project directory (wherever tests run). */
  static Path realBankPath() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(REAL_BANK_FILE);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(REAL_BANK_FILE + " not found above " + Path.of("").toAbsolutePath());
  }

  static byte[] realBankBytes() {
    try {
      return Files.readAllBytes(realBankPath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String realBankText() {
    return new String(realBankBytes(), StandardCharsets.UTF_8);
  }

  static LoadResult parseRealBank() {
    return new BankLoader().parse(REAL_BANK_FILE, realBankBytes());
  }

  static LoadResult parse(String file, String markdown) {
    return new BankLoader().parse(file, markdown.getBytes(StandardCharsets.UTF_8));
  }

  /** The one bank of a single-file result, failing loudly when the file was skipped. */
  static Bank onlyBank(LoadResult result) {
    if (result.banks().size() != 1) {
      throw new AssertionError("expected one bank, got " + result.banks().size() + "; problems: " + result.problems());
    }
    return result.banks().get(0);
  }
}
