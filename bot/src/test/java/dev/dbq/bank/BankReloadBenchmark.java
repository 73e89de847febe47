package dev.dbq.bank;

import dev.dbq.app.BankReload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The request path while the banks reload: two threads (the machine's cores) serve
 * {@code /dbq search} and {@code /dbq random FILTER} lookups against the live library, as the
 * bot's commands read it; their throughput during back-to-back reloads of a 3 MB bank (1,000
 * generated questions, one file) against the same without a reload, the anchor, in alternating
 * windows. Reloads paced as the bot paces them ({@link BankReload#CPU_SHARE}) and unpaced, for
 * reference. Goal: paced at least 0.9x.
 *
 * <pre>mvn -o -q -B -pl bot test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.dbq.bank.BankReloadBenchmark</pre>
 */
public final class BankReloadBenchmark {

  private static final int REQUEST_THREADS = 2;
  private static final int WINDOW_SECONDS = 8;
  private static final int ROUNDS = 5;

  private BankReloadBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("dbq-reload-bench");
    Path bank = dir.resolve("generated.md");
    Files.writeString(bank, GeneratedBanks.bank("generated", 1000, 3), StandardCharsets.UTF_8);
    List<Path> paths = List.of(bank);
    AtomicReference<BankLibrary> live = new AtomicReference<>(new BankLibrary(new BankLoader(Long.MAX_VALUE).load(paths).banks()));
    Random random = new Random(5);
    List<String> queries = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      queries.add(GeneratedBanks.query(random));
    }
    List<String> filters = List.copyOf(live.get().vocabulary(FilterKey.TOPIC).keySet()).stream()
        .map(topic -> "topic:\"" + topic.substring(topic.lastIndexOf(' ') + 1) + "\"").toList();

    window(live, queries, filters, null); // warm-up
    double[] base = new double[ROUNDS];
    double[] paced = new double[ROUNDS];
    double[] unpaced = new double[ROUNDS];
    int[] reloads = new int[2];
    for (int round = 0; round < ROUNDS; round++) {
      base[round] = window(live, queries, filters, null);
      paced[round] = window(live, queries, filters, reload(paths, live, Pace.share(BankReload.CPU_SHARE), reloads, 0));
      unpaced[round] = window(live, queries, filters, reload(paths, live, Pace.NONE, reloads, 1));
    }
    double baseline = median(base);
    System.out.printf(Locale.ROOT, "bank: %,d questions, %.1f MiB; %d request threads, %d s windows, median of %d; load: %s%n",
        live.get().questions().size(), Files.size(bank) / 1048576.0, REQUEST_THREADS, WINDOW_SECONDS, ROUNDS, loadAverage());
    System.out.printf(Locale.ROOT, "no reload (anchor):       %,12.0f lookups/s%n", baseline);
    System.out.printf(Locale.ROOT, "during paced reloads:     %,12.0f lookups/s  %.2fx (goal: at least 0.9x; %d reloads)%n",
        median(paced), median(paced) / baseline, reloads[0]);
    System.out.printf(Locale.ROOT, "during unpaced reloads:   %,12.0f lookups/s  %.2fx (reference; %d reloads)%n",
        median(unpaced), median(unpaced) / baseline, reloads[1]);
    Files.delete(bank);
    Files.delete(dir);
  }

  /** A reload loop, run in the window by its own thread, counting the swaps it made. */
  private static Runnable reload(List<Path> paths, AtomicReference<BankLibrary> live, Pace pace, int[] reloads, int slot) {
    BankReload reload = new BankReload(() -> new BankLoader(Long.MAX_VALUE, HeapBudget.beside(live.get()), pace).load(paths),
        live::get, live::set, pace);
    return () -> {
      if (reload.reload().swapped()) {
        reloads[slot]++;
      }
    };
  }

  /** Lookups per second over one window, with {@code background} run back to back meanwhile (if not null). */
  private static double window(AtomicReference<BankLibrary> live, List<String> queries, List<String> filters, Runnable background)
      throws InterruptedException {
    AtomicBoolean running = new AtomicBoolean(true);
    LongAdder lookups = new LongAdder();
    CountDownLatch done = new CountDownLatch(REQUEST_THREADS);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < REQUEST_THREADS; t++) {
      int seed = t;
      threads.add(new Thread(() -> {
        int i = seed * 7919;
        while (running.get()) {
          BankLibrary library = live.get();
          library.search(queries.get(i % queries.size())).size();
          new FilterParser(library).questions(filters.get(i % filters.size())).size();
          lookups.add(2);
          i++;
        }
        done.countDown();
      }, "request-" + t));
    }
    Thread reloader = background == null ? null : new Thread(() -> {
      while (running.get()) {
        background.run();
      }
    }, "reload");
    long start = System.nanoTime();
    threads.forEach(Thread::start);
    if (reloader != null) {
      reloader.start();
    }
    Thread.sleep(WINDOW_SECONDS * 1000L);
    running.set(false);
    long elapsed = System.nanoTime() - start;
    done.await();
    if (reloader != null) {
      reloader.join();
    }
    return lookups.sum() / (elapsed / 1e9);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
