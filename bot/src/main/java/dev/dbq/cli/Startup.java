package dev.dbq.cli;

import dev.dbq.bank.BankLibrary;
import dev.dbq.bank.BankLoader;
import dev.dbq.bank.HeapBudget;
import dev.dbq.bank.Pace;
import dev.dbq.bank.ParsedFiles;
import dev.dbq.bank.LoadResult;
import dev.dbq.bank.Problem;
import dev.dbq.bank.FilterException;
import dev.dbq.bank.FilterParser;
import dev.dbq.config.ConfigException;
import dev.dbq.config.ConfigProblem;
import dev.dbq.config.DbqConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Loading what every way of running the bot needs, with a line of progress for the operator. */
final class Startup {

  /** The bank that ships inside the jar, used when the configured content folder is absent. */
  static final String BUNDLED_BANK = "bundled-content/database-architecture.md";

  private static final String FILTERS_KEY = "rounds.filters";

  private Startup() {}

  /** The banks of {@code content.paths} and where they came from, for messages. */
  record Banks(LoadResult result, String source) {}

  static Banks banks(DbqConfig config) {
    return banks(config, null, Pace.NONE, ParsedFiles.none());
  }

  /**
   * The banks of {@code content.paths}, each file refused with one line if it would not fit in
   * the heap beside {@code live} (the banks in use during a reload; null at start-up), sharing
   * the CPU as {@code pace} says; files unchanged since {@code remembered} took them are not read
   * again.
   */
  static Banks banks(DbqConfig config, BankLibrary live, Pace pace, ParsedFiles remembered) {
    List<Path> paths = config.content().paths().stream().map(Path::of).toList();
    if (paths.stream().noneMatch(Files::exists) && config.content().paths().equals(List.of("content"))) {
      // Named like the shipped file, so its id (from the file name) is the same as when content/
      // is there: rounds and /dbq show refer to database-architecture/qN wherever the jar runs.
      return new Banks(new BankLoader().parse(BUNDLED_BANK, bundledBank()), "the bundled bank (no content/ folder here)");
    }
    BankLoader loader = new BankLoader(config.content().maxFileSize(), HeapBudget.beside(live), pace, remembered);
    return new Banks(loader.load(paths), String.join(", ", config.content().paths()));
  }

  /**
   * The banks to run with, refusing to start without questions or with {@code rounds.filters}
   * that would never let a question of the day be posted.
   */
  static BankLibrary library(DbqConfig config, PrintStream progress) {
    return library(config, progress, ParsedFiles.none());
  }

  /** The same, keeping what it parsed in {@code remembered} for the reloads to come. */
  static BankLibrary library(DbqConfig config, PrintStream progress, ParsedFiles remembered) {
    Banks banks = banks(config, null, Pace.NONE, remembered);
    LoadResult result = banks.result();
    result.problems().stream()
        .filter(p -> p.severity() == Problem.Severity.ERROR)
        .forEach(p -> progress.println(p.format()));
    BankLibrary library = new BankLibrary(result.banks());
    if (library.questions().isEmpty()) {
      throw new CliExit.Failure(noQuestions(config, banks), CliExit.FAILURE);
    }
    roundFilterProblem(config, library).ifPresent(problem -> {
      throw new ConfigException(List.of(problem));
    });
    long warnings = result.problems().stream().filter(p -> p.severity() == Problem.Severity.WARNING).count();
    progress.printf(
        "Loaded %d questions and %d scenarios from %s%s.%n",
        library.questions().size(),
        library.scenarios().size(),
        banks.source(),
        warnings == 0 ? "" : " (" + warnings + " warnings: see bank lint)");
    return library;
  }

  static String noQuestions(DbqConfig config, Banks banks) {
    return "no questions loaded from " + banks.source() + ": check content.paths, or run: bank lint "
        + String.join(" ", config.content().paths());
  }

  /**
   * What is wrong with {@code rounds.filters} given the loaded banks, if anything: the same
   * did-you-mean as {@code /dbq random} gives, or no question matching all of them together.
   */
  static Optional<ConfigProblem> roundFilterProblem(DbqConfig config, BankLibrary library) {
    String filters = config.rounds().filters();
    if (filters == null || filters.isBlank()) {
      return Optional.empty();
    }
    try {
      if (new FilterParser(library).questions(filters).isEmpty()) {
        return Optional.of(config.source().problem(FILTERS_KEY,
            "no question matches all of '" + filters + "' together, so no question of the day would be posted"));
      }
      return Optional.empty();
    } catch (FilterException e) {
      return Optional.of(config.source().problem(FILTERS_KEY, e.getMessage()));
    }
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
