package dev.dbq.app;

import dev.dbq.bank.BankLibrary;
import dev.dbq.bank.LoadResult;
import dev.dbq.bank.Problem;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the banks again and swaps them in, or keeps the last good ones: an edit with an error
 * (or one that leaves no question) changes nothing, and its problems stay on record, with file
 * and line, until a good edit replaces them.
 */
public final class BankReload {

  private static final Logger log = LoggerFactory.getLogger(BankReload.class);

  /** What a reload did: {@code summary} is one line for a person. */
  public record Outcome(boolean swapped, String summary) {}

  private final Supplier<LoadResult> source;
  private final Consumer<BankLibrary> swap;
  private volatile Outcome last = new Outcome(true, "Banks loaded at start-up.");

  /**
   * @param source loads every configured bank afresh
   * @param swap makes a library the one every command and round uses
   */
  public BankReload(Supplier<LoadResult> source, Consumer<BankLibrary> swap) {
    this.source = source;
    this.swap = swap;
  }

  public synchronized Outcome reload() {
    LoadResult result = source.get();
    List<Problem> errors = result.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
    BankLibrary library = new BankLibrary(result.banks());
    if (!errors.isEmpty() || library.questions().isEmpty()) {
      String why = errors.isEmpty() ? "no questions would be left" : errors.get(0).format();
      last = new Outcome(false, "Kept the banks as they were: " + why
          + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more problems)" : "") + ".");
      errors.forEach(p -> log.warn("Bank reload kept the last good banks: {}", p.format()));
      return last;
    }
    swap.accept(library);
    last = new Outcome(true, "Reloaded " + library.questions().size() + " questions and " + library.scenarios().size()
        + " scenarios from " + result.banks().size() + " banks.");
    log.info(last.summary());
    return last;
  }

  /** The problem that keeps the last good banks in place, if the newest reload failed. */
  public Optional<String> problem() {
    Outcome outcome = last;
    return outcome.swapped() ? Optional.empty() : Optional.of(outcome.summary());
  }
}
