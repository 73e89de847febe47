package dev.dbq.bank;

import dev.dbq.text.CommandLine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * {@code /dbq search} and {@code /dbq random FILTER} lookups at 1,000 and 10,000 questions
 * (generated banks, varied vocabulary): the index built at load against the full scan it
 * replaced ({@link ScanSearch}, {@link ScanFilter}: the anchor), in the same run. Reports the
 * median and p99 of one lookup. Goal: at most 1 ms at 10,000 questions, at least 10x the scan.
 *
 * <pre>mvn -o -q -B -pl bot test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.dbq.bank.BankIndexBenchmark</pre>
 */
public final class BankIndexBenchmark {

  private static final int LOOKUPS = 2000;
  private static final long SCAN_BUDGET_NANOS = 8_000_000_000L;
  private static final int WARMUP_SECONDS = 3;

  private BankIndexBenchmark() {}

  public static void main(String[] args) {
    for (int variant = 0; variant < 3; variant++) {
      BankLibrary library = variant < 2
          ? IndexAgreesWithScanTest.generatedLibrary(variant == 0 ? 1 : 10, 1000)
          : new BankLibrary(new BankLoader(Long.MAX_VALUE).parse("repeated.md", BankLoadBenchmark.generatedBank(834)).banks());
      ScanSearch scan = new ScanSearch(library.questions());
      Random random = new Random(variant);
      List<String> queries = new ArrayList<>();
      List<String> filterLines = new ArrayList<>();
      for (int i = 0; i < LOOKUPS; i++) {
        queries.add(GeneratedBanks.query(random));
        filterLines.add(filterLine(random, library));
      }
      List<QuestionFilter> filters = filterLines.stream().map(line -> new FilterParser(library).parse(CommandLine.words(line))).toList();
      System.out.printf(Locale.ROOT, "%,d questions (%s):%n", library.questions().size(),
          variant < 2 ? "generated, varied vocabulary" : "the shipped bank repeated: the same words everywhere");
      compare("search", i -> consume(library.search(queries.get(i)).size()), i -> consume(scan.search(queries.get(i)).size()));
      compare("random with a filter",
          i -> consume(pick(new FilterParser(library).questions(filterLines.get(i)), i)),
          i -> consume(pick(ScanFilter.filterChecked(library, filters.get(i)), i)));
    }
  }

  /** A filter line as people type them, with values the library has. */
  private static String filterLine(Random random, BankLibrary library) {
    return switch (random.nextInt(5)) {
      case 0 -> "topic:" + lastWord(any(random, library, FilterKey.TOPIC));
      case 1 -> "difficulty:" + any(random, library, FilterKey.DIFFICULTY).toLowerCase(Locale.ROOT);
      case 2 -> "company:" + any(random, library, FilterKey.COMPANY);
      case 3 -> "topic:\"" + lastWord(any(random, library, FilterKey.TOPIC)) + "\" difficulty:" + any(random, library, FilterKey.DIFFICULTY);
      default -> "bank:" + any(random, library, FilterKey.BANK);
    };
  }

  private static String lastWord(String value) {
    return value.substring(value.lastIndexOf(' ') + 1);
  }

  private static String any(Random random, BankLibrary library, FilterKey key) {
    List<String> values = List.copyOf(library.vocabulary(key).keySet());
    return values.get(random.nextInt(values.size()));
  }

  private static Question pick(List<Question> candidates, int i) {
    return candidates.isEmpty() ? null : candidates.get(Math.floorMod(i * 31, candidates.size()));
  }

  private static void compare(String what, IntConsumer index, IntConsumer scan) {
    long warmUpEnd = System.nanoTime() + WARMUP_SECONDS * 1_000_000_000L;
    for (int i = 0; System.nanoTime() < warmUpEnd; i++) {
      index.accept(i % LOOKUPS);
      if (i % 50 == 0) {
        scan.accept(i % LOOKUPS);
      }
    }
    long[] indexTimes = time(index, Long.MAX_VALUE);
    long[] scanTimes = time(scan, SCAN_BUDGET_NANOS);
    System.out.printf(Locale.ROOT, "  %-21s index: median %8.3f ms, p99 %8.3f ms (%d lookups)%n", what,
        percentile(indexTimes, 50), percentile(indexTimes, 99), indexTimes.length);
    System.out.printf(Locale.ROOT, "  %-21s scan:  median %8.3f ms, p99 %8.3f ms (%d lookups)  -> index %.0fx faster (median)%n", "",
        percentile(scanTimes, 50), percentile(scanTimes, 99), scanTimes.length,
        percentile(scanTimes, 50) / percentile(indexTimes, 50));
  }

  private static long[] time(IntConsumer lookup, long budgetNanos) {
    long[] times = new long[LOOKUPS];
    long end = System.nanoTime() + budgetNanos;
    int done = 0;
    while (done < LOOKUPS && (budgetNanos == Long.MAX_VALUE || System.nanoTime() < end)) {
      long start = System.nanoTime();
      lookup.accept(done);
      times[done++] = System.nanoTime() - start;
    }
    return Arrays.copyOf(times, done);
  }

  private static double percentile(long[] times, int percent) {
    long[] sorted = times.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percent / 100.0) - 1)] / 1e6;
  }

  private static int sink;

  private static void consume(Object value) {
    sink += System.identityHashCode(value) & 1;
  }

  private static void consume(int value) {
    sink += value;
  }
}
