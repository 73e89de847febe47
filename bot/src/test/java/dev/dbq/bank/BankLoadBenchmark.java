package dev.dbq.bank;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * How much the bank loader adds to parsing the Markdown. Builds a bank of 1,000+ questions (the
 * shipped bank's questions and scenarios repeated and renumbered, damaged headings included),
 * then times in the same run (a) a bare CommonMark parse of its bytes and (b) the full loader.
 * For reference it also times (c) the structure-only parse the loader runs inside (block source
 * spans on, inline parsing off), so (b)/(c) is the loader's own share.
 *
 * <pre>mvn -o -q -B -pl bot test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.dbq.bank.BankLoadBenchmark</pre>
 */
public final class BankLoadBenchmark {

  private static final int COPIES = 84;
  private static final int WARMUP_SECONDS = 5;
  private static final int ROUNDS = 5;
  private static final int RUNS_PER_ROUND = 20;
  private static final Pattern QUESTION_NUMBER = Pattern.compile("(?m)(### |^)Q(\\d+)");
  private static final Pattern SCENARIO_NUMBER = Pattern.compile("### Scenario (\\d+)");

  private BankLoadBenchmark() {}

  public static void main(String[] args) {
    byte[] bank = generatedBank();
    BankLoader loader = new BankLoader();
    int questions = loader.parse("bench.md", bank).banks().get(0).questions().size();
    Parser bare = Parser.builder().build();
    Parser structureOnly = Parser.builder()
        .includeSourceSpans(IncludeSourceSpans.BLOCKS)
        .inlineParserFactory(context -> (lines, block) -> {})
        .build();

    Runnable commonmark = () -> consume(bare.parse(new String(bank, StandardCharsets.UTF_8)));
    Runnable full = () -> consume(loader.parse("bench.md", bank));
    Runnable structure = () -> consume(structureOnly.parse(new String(bank, StandardCharsets.UTF_8)));

    long warmUpEnd = System.nanoTime() + WARMUP_SECONDS * 1_000_000_000L;
    while (System.nanoTime() < warmUpEnd) {
      commonmark.run();
      full.run();
      structure.run();
    }
    // Alternate rounds so drift (GC, frequency scaling) hits both; keep each one's best round.
    long bestBare = Long.MAX_VALUE;
    long bestFull = Long.MAX_VALUE;
    long bestStructure = Long.MAX_VALUE;
    for (int round = 0; round < ROUNDS; round++) {
      bestBare = Math.min(bestBare, nanosPerRun(commonmark));
      bestFull = Math.min(bestFull, nanosPerRun(full));
      bestStructure = Math.min(bestStructure, nanosPerRun(structure));
    }

    System.out.printf(Locale.ROOT, "bank: %d questions, %d KiB%n", questions, bank.length / 1024);
    System.out.printf(Locale.ROOT, "(a) bare commonmark parse: %8.2f ms per bank, %6.2f us per question%n",
        bestBare / 1e6, bestBare / 1e3 / questions);
    System.out.printf(Locale.ROOT, "(b) BankLoader.parse:      %8.2f ms per bank, %6.2f us per question%n",
        bestFull / 1e6, bestFull / 1e3 / questions);
    System.out.printf(Locale.ROOT, "(c) structure-only parse:  %8.2f ms per bank, %6.2f us per question%n",
        bestStructure / 1e6, bestStructure / 1e3 / questions);
    System.out.printf(Locale.ROOT, "ratio (b)/(a): %.2fx (goal: under 2x); loader's own share (b)/(c): %.2fx%n",
        (double) bestFull / bestBare, (double) bestFull / bestStructure);
    if (sink == Integer.MIN_VALUE) {
      System.out.println(); // practically never; makes the results observable to the JIT
    }
  }

  private static long nanosPerRun(Runnable work) {
    long start = System.nanoTime();
    for (int i = 0; i < RUNS_PER_ROUND; i++) {
      work.run();
    }
    return (System.nanoTime() - start) / RUNS_PER_ROUND;
  }

  /** The shipped bank's Markdown body repeated, with questions and scenarios renumbered. */
  static byte[] generatedBank() {
    return generatedBank(COPIES);
  }

  /** The shipped bank's body {@code copies} times (12 questions each). */
  static byte[] generatedBank(int copies) {
    String text = TestBanks.realBankText();
    int bodyStart = text.indexOf("\n---\n") + "\n---\n".length();
    String body = text.substring(bodyStart);
    StringBuilder bank = new StringBuilder(text.substring(0, bodyStart));
    for (int copy = 0; copy < copies; copy++) {
      String renumbered = renumber(QUESTION_NUMBER, body, copy * 12, "$1Q");
      bank.append(renumber(SCENARIO_NUMBER, renumbered, copy * 3, "### Scenario ")).append('\n');
    }
    return bank.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String renumber(Pattern pattern, String text, int offset, String prefix) {
    Matcher matcher = pattern.matcher(text);
    StringBuilder out = new StringBuilder(text.length() + 1024);
    while (matcher.find()) {
      String number = matcher.group(matcher.groupCount());
      matcher.appendReplacement(out, prefix + (Integer.parseInt(number) + offset));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static int sink;

  private static void consume(Object result) {
    sink += System.identityHashCode(result) & 1; // keep the JIT from dropping the work
  }

  private static void consume(Node document) {
    consume((Object) document);
  }
}
