package dev.dbq.bank;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thousands of corrupted copies of the shipped bank: the loader must never throw, and every
 * line it reports must exist in the copy it was given (or be the line just past its end).
 */
class BankLoaderFuzzTest {

  private static final int VARIANTS = 3_000;
  private static final long SEED = 20250108L;

  /** Snippets that provoke the structure and the repair rules. */
  private static final List<String> SNIPPETS = List.of(
      "---", "```", "~~~", "### ", "### Q", "### Q7", "### Q3:", ": cut", "ompare", "## Real-Wo", "rld",
      "text?### Q99", "### Scenario 9", "**Problem Statement**", "**Difficulty:**", "#### Quick Answer",
      "title: [", "id: other", "questionCount: x", "- item", "1. item", "\t", "\uFEFF", "\uFFFD", "\u0000");

  @Test
  void neverThrowsAndReportsOnlyLinesThatExist() {
    // given
    Random random = new Random(SEED);
    List<String> original = TestBanks.realBankText().lines().toList();
    BankLoader loader = new BankLoader();

    for (int variant = 0; variant < VARIANTS; variant++) {
      byte[] bytes = corrupt(original, random);
      int lines = lineCount(bytes);
      String name = "fuzz-" + variant + ".md";

      // when
      LoadResult result = assertDoesNotThrow(() -> loader.parse(name, bytes), name);

      // then
      for (Problem problem : result.problems()) {
        assertTrue(problem.line() >= 1 && problem.line() <= lines + 1, () -> problem.format() + " in a file of " + lines + " lines");
      }
      for (Bank bank : result.banks()) {
        bank.questions().forEach(q -> assertTrue(q.line() >= 1 && q.line() <= lines, () -> name + " " + q.id() + " line " + q.line()));
        bank.scenarios().forEach(s -> assertTrue(s.line() >= 1 && s.line() <= lines, () -> name + " " + s.id() + " line " + s.line()));
      }
      assertDoesNotThrow(() -> BankJson.write(result, new ByteArrayOutputStream()), name);
    }
  }

  private static byte[] corrupt(List<String> original, Random random) {
    List<String> lines = new ArrayList<>(original);
    int lineMutations = 1 + random.nextInt(6);
    for (int i = 0; i < lineMutations && !lines.isEmpty(); i++) {
      int at = random.nextInt(lines.size());
      switch (random.nextInt(6)) {
        case 0 -> lines.remove(at);
        case 1 -> lines.add(at, lines.get(at));
        case 2 -> java.util.Collections.swap(lines, at, random.nextInt(lines.size()));
        case 3 -> lines.set(at, lines.get(at).substring(0, random.nextInt(lines.get(at).length() + 1)));
        case 4 -> lines.add(at, SNIPPETS.get(random.nextInt(SNIPPETS.size())));
        default -> lines.set(at, lines.get(at) + SNIPPETS.get(random.nextInt(SNIPPETS.size())));
      }
    }
    byte[] bytes = joinWithMixedLineEndings(lines, random);
    // Most byte damage makes invalid UTF-8, a quick rejection; keep it to a quarter of the copies.
    int byteMutations = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
    for (int i = 0; i < byteMutations && bytes.length > 0; i++) {
      bytes = random.nextBoolean() ? flipByte(bytes, random) : insertByte(bytes, random);
    }
    return bytes;
  }

  private static byte[] joinWithMixedLineEndings(List<String> lines, Random random) {
    boolean mixed = random.nextInt(4) == 0;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String line : lines) {
      out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
      String ending = !mixed ? "\n" : switch (random.nextInt(3)) {
        case 0 -> "\r\n";
        case 1 -> "\r";
        default -> "\n";
      };
      out.writeBytes(ending.getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }

  private static byte[] flipByte(byte[] bytes, Random random) {
    byte[] copy = bytes.clone();
    copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
    return copy;
  }

  private static byte[] insertByte(byte[] bytes, Random random) {
    int at = random.nextInt(bytes.length + 1);
    byte[] copy = new byte[bytes.length + 1];
    System.arraycopy(bytes, 0, copy, 0, at);
    copy[at] = (byte) random.nextInt(256);
    System.arraycopy(bytes, at, copy, at + 1, bytes.length - at);
    return copy;
  }

  /** Lines as an editor counts them: line endings ({@code \n}, {@code \r\n}, lone {@code \r}) plus one. */
  private static int lineCount(byte[] bytes) {
    int lines = 1;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n'))) {
        lines++;
      }
    }
    return lines;
  }
}
