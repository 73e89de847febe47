package dev.dbq.bank;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commonmark.parser.Parser;

/**
 * Heap kept per question by the loaded banks (questions, scenarios, search and filter indexes:
 * a {@link BankLibrary}) against commonmark's full tree of the same bytes, the anchor. Two
 * libraries: 10 generated files of 1,000 questions (varied vocabulary) and the shipped bank
 * repeated to 1,008 questions. Goal: at most 1x.
 *
 * <pre>mvn -o -q -B -pl bot test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.dbq.bank.BankMemoryBenchmark</pre>
 */
public final class BankMemoryBenchmark {

  private BankMemoryBenchmark() {}

  public static void main(String[] args) {
    List<byte[]> generated = new ArrayList<>();
    for (int file = 0; file < 10; file++) {
      generated.add(GeneratedBanks.bank("generated-" + file, 1000, file).getBytes(StandardCharsets.UTF_8));
    }
    report("generated, 10 files x 1,000 questions", generated);
    report("shipped bank repeated", List.of(BankLoadBenchmark.generatedBank()));
  }

  private static void report(String label, List<byte[]> files) {
    BankLoader loader = new BankLoader(Long.MAX_VALUE);
    Parser commonmark = Parser.builder().build();
    long bytes = files.stream().mapToLong(f -> f.length).sum();
    long tree = HeapMeter.retained(() -> files.stream().map(f -> commonmark.parse(new String(f, StandardCharsets.UTF_8))).toList());
    List<Bank> banks = new ArrayList<>();
    long model = HeapMeter.retained(() -> {
      for (int i = 0; i < files.size(); i++) {
        banks.addAll(loader.parse("bank-" + i + ".md", files.get(i)).banks());
      }
      return banks;
    });
    BankLibrary[] loaded = new BankLibrary[1];
    long indexes = HeapMeter.retained(() -> loaded[0] = new BankLibrary(banks));
    long library = model + indexes;
    int n = loaded[0].questions().size();
    System.out.printf(Locale.ROOT, "%s: %,d questions, %.1f MiB%n", label, n, bytes / 1048576.0);
    System.out.printf(Locale.ROOT, "  commonmark full tree (anchor): %,8d bytes per question (%.2fx the file)%n", tree / n, (double) tree / bytes);
    System.out.printf(Locale.ROOT, "  loaded library:                %,8d bytes per question (%.2fx the file): model %,d + indexes %,d%n",
        library / n, (double) library / bytes, model / n, indexes / n);
    System.out.printf(Locale.ROOT, "  ratio library / commonmark: %.2fx (goal: at most 1x)%n", (double) library / tree);
  }
}
