package dev.dbq.bank;

import dev.dbq.app.BankReload;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The child JVM of {@link BankHeapTest}: loads the banks under a folder as start-up does (heap
 * checked, nothing in use), then reloads them beside the live ones as a content edit does, and
 * prints one line per step. Exit 0 when the reload swapped, 1 otherwise.
 */
public final class BankHeapProbe {

  private static final long NO_SIZE_LIMIT = 1L << 40;

  private BankHeapProbe() {}

  public static void main(String[] args) {
    List<Path> paths = List.of(Path.of(args[0]));
    LoadResult loaded = new BankLoader(NO_SIZE_LIMIT, HeapBudget.beside(null)).load(paths);
    loaded.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).forEach(p -> System.out.println(p.format()));
    AtomicReference<BankLibrary> live = new AtomicReference<>(new BankLibrary(loaded.banks()));
    int questions = live.get().questions().size();
    long used = HeapMeter.used();
    System.out.printf(Locale.ROOT, "loaded %d questions; heap in use %d MB, %d bytes per question; max heap %d MB%n",
        questions, used >> 20, questions == 0 ? 0 : used / questions, Runtime.getRuntime().maxMemory() >> 20);
    // "unchecked" (by hand, to calibrate HeapBudget's factors): reload with no estimate at all.
    boolean checked = args.length < 2 || !args[1].equals("unchecked");
    BankReload reload = new BankReload(
        () -> new BankLoader(NO_SIZE_LIMIT, checked ? HeapBudget.beside(live.get()) : HeapBudget.unlimited()).load(paths),
        live::get, live::set, Pace.NONE);
    BankReload.Outcome outcome = reload.reload();
    System.out.println("reload: " + outcome.summary());
    System.exit(outcome.swapped() ? 0 : 1);
  }
}
