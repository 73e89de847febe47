package dev.dbq.testsupport;

import dev.dbq.bank.BankLibrary;
import dev.dbq.bank.BankLoader;
import dev.dbq.bank.LoadResult;
import java.nio.file.Path;
import java.util.List;

/** The real shipped bank, loaded once for every test that reads it. */
public final class TestBanks {

  /** content/ of the repository; tests run in bot/. */
  public static final Path CONTENT = Path.of("..", "content");

  public static final Path SHIPPED_BANK = CONTENT.resolve("database-architecture.md");

  private static LoadResult shipped;

  private TestBanks() {}

  public static synchronized LoadResult shipped() {
    if (shipped == null) {
      shipped = new BankLoader().load(List.of(SHIPPED_BANK));
    }
    return shipped;
  }

  public static BankLibrary library() {
    return new BankLibrary(shipped().banks());
  }
}
