package dev.dbq.app;

import dev.dbq.bank.BankLibrary;
import dev.dbq.bank.LoadResult;
import dev.dbq.bank.Pace;
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

  /**
   * The share of one core a reload may take on average ({@link Pace}), its parsing and its
   * indexes: requests served meanwhile keep about 0.9x their throughput on a 2-core machine
   * (BankReloadBenchmark: 0.83x at 0.1, the collector's work comes on top); a 3 MB bank then
   * reloads in about five seconds instead of a quarter of one.
   */
  public static final double CPU_SHARE = 0.05;

  /** At most this many removed question ids are named in one line; the rest are counted. */
  private static final int NAMED = 10;

  /**
   * What a reload did: {@code summary} is one line for a person; {@code removed} the ids of the
   * questions it took away (a file saved half-written, deleted or renamed shows here).
   */
  public record Outcome(boolean swapped, String summary, List<String> removed) {
    public Outcome {
      removed = List.copyOf(removed);
    }

    public Outcome(boolean swapped, String summary) {
      this(swapped, summary, List.of());
    }
  }

  private final Supplier<LoadResult> source;
  private final Supplier<BankLibrary> current;
  private final Consumer<BankLibrary> swap;
  private final Pace pace;
  private volatile Outcome last = new Outcome(true, "Banks loaded at start-up.");

  /**
   * @param source loads every configured bank afresh
   * @param swap makes a library the one every command and round uses
   */
  public BankReload(Supplier<LoadResult> source, Consumer<BankLibrary> swap) {
    this(source, () -> null, swap);
  }

  /**
   * @param current the library in use now, to tell which questions a reload removes
   */
  public BankReload(Supplier<LoadResult> source, Supplier<BankLibrary> current, Consumer<BankLibrary> swap) {
    this(source, current, swap, Pace.share(CPU_SHARE));
  }

  /** @param pace how building the new library's indexes shares the CPU (the source paces its parsing) */
  public BankReload(Supplier<LoadResult> source, Supplier<BankLibrary> current, Consumer<BankLibrary> swap, Pace pace) {
    this.source = source;
    this.current = current;
    this.swap = swap;
    this.pace = pace;
  }

  public synchronized Outcome reload() {
    LoadResult result = source.get();
    List<Problem> errors = result.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
    long started = System.nanoTime();
    BankLibrary library = new BankLibrary(result.banks());
    pace.after(System.nanoTime() - started);
    if (!errors.isEmpty() || library.questions().isEmpty()) {
      String why = errors.isEmpty() ? "no questions would be left" : errors.get(0).format();
      last = new Outcome(false, "Kept the banks as they were: " + why
          + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more problems)" : "") + ".");
      errors.forEach(p -> log.warn("Bank reload kept the last good banks: {}", p.format()));
      return last;
    }
    List<String> removed = removedQuestions(current.get(), library);
    swap.accept(library);
    last = new Outcome(true, "Reloaded " + library.questions().size() + " questions and " + library.scenarios().size()
        + " scenarios from " + result.banks().size() + " banks" + (removed.isEmpty() ? "" : "; " + removedLine(removed))
        + ".", removed);
    if (removed.isEmpty()) {
      log.info(last.summary());
    } else {
      log.warn(last.summary());
    }
    return last;
  }

  private static List<String> removedQuestions(BankLibrary before, BankLibrary after) {
    if (before == null) {
      return List.of();
    }
    java.util.Set<String> kept = new java.util.HashSet<>();
    after.questions().forEach(q -> kept.add(q.id()));
    return before.questions().stream().map(q -> q.id()).filter(id -> !kept.contains(id)).toList();
  }

  private static String removedLine(List<String> removed) {
    String named = String.join(", ", removed.subList(0, Math.min(NAMED, removed.size())));
    return removed.size() + (removed.size() == 1 ? " question" : " questions") + " removed: " + named
        + (removed.size() > NAMED ? " and " + (removed.size() - NAMED) + " more" : "");
  }

  /**
   * What an operator should know about the newest reload, if anything: the problem that kept the
   * last good banks, or the questions it removed.
   */
  public Optional<String> note() {
    Outcome outcome = last;
    if (!outcome.swapped()) {
      return Optional.of(outcome.summary());
    }
    return outcome.removed().isEmpty() ? Optional.empty() : Optional.of("the last bank reload: " + removedLine(outcome.removed()));
  }

  /** The problem that keeps the last good banks in place, if the newest reload failed. */
  public Optional<String> problem() {
    Outcome outcome = last;
    return outcome.swapped() ? Optional.empty() : Optional.of(outcome.summary());
  }
}
