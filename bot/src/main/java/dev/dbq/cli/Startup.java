package dev.dbq.cli;

import dev.dbq.bank.BankLibrary;
import dev.dbq.bank.BankLoader;
import dev.dbq.bank.LoadResult;
import dev.dbq.bank.Problem;
import dev.dbq.config.DbqConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loading what every way of running the bot needs, with a line of progress for the operator. */
final class Startup {

  /** The bank that ships inside the jar, used when the configured content folder is absent. */
  static final String BUNDLED_BANK = "bundled-content/database-architecture.md";

  private Startup() {}

  static BankLibrary library(DbqConfig config, PrintStream progress) {
    List<Path> paths = config.content().paths().stream().map(Path::of).toList();
    LoadResult result;
    String source;
    if (paths.stream().noneMatch(Files::exists) && config.content().paths().equals(List.of("content"))) {
      result = new BankLoader().parse("(bundled) database-architecture.md", bundledBank());
      source = "the bundled bank (no content/ folder here)";
    } else {
      result = new BankLoader().load(paths);
      source = String.join(", ", config.content().paths());
    }
    result.problems().stream()
        .filter(p -> p.severity() == Problem.Severity.ERROR)
        .forEach(p -> progress.println(p.format()));
    BankLibrary library = new BankLibrary(result.banks());
    if (library.questions().isEmpty()) {
      throw new CliExit.Failure(
          "no questions loaded from " + source + ": check content.paths, or run: bank lint " + String.join(" ", config.content().paths()),
          CliExit.FAILURE);
    }
    long warnings = result.problems().stream().filter(p -> p.severity() == Problem.Severity.WARNING).count();
    progress.printf(
        "Loaded %d questions and %d scenarios from %s%s.%n",
        library.questions().size(),
        library.scenarios().size(),
        source,
        warnings == 0 ? "" : " (" + warnings + " warnings: see bank lint)");
    return library;
  }

  private static byte[] bundledBank() {
    try (InputStream in = Startup.class.getClassLoader().getResourceAsStream(BUNDLED_BANK)) {
      if (in == null) {
        throw new CliExit.Failure("no content/ folder here and no bundled bank in this build", CliExit.FAILURE);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new CliExit.Failure("the bundled bank cannot be read: " + e.getMessage(), CliExit.FAILURE);
    }
  }
}
