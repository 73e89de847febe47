package dev.dbq.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Banks of any size for tests and benchmarks, with a vocabulary as varied as a real library's:
 * the shipped bank's words plus made-up ones, 40 topics, 30 companies, four difficulties, and
 * parts a little shorter than the shipped bank's (about 3.1 KB per question, as the 15 MB
 * 5,000-question bank of issue 16). Seeded, so reproducible.
 */
final class GeneratedBanks {

  static final List<String> DIFFICULTIES = List.of("Junior", "Mid", "Senior", "Staff");
  private static final int TOPICS = 40;
  private static final int COMPANIES = 30;
  private static final int RELATED = 120;

  private static List<String> shippedWords;

  private GeneratedBanks() {}

  /** The shipped bank's distinct words (as search reads them) and some made-up ones. */
  static synchronized List<String> vocabulary() {
    if (shippedWords == null) {
      Set<String> words = ScanSearch.words(TestBanks.realBankText());
      List<String> all = new ArrayList<>(words);
      Random random = new Random(7);
      for (int i = 0; i < 3000; i++) {
        all.add(madeUp(random));
      }
      shippedWords = List.copyOf(all);
    }
    return shippedWords;
  }

  static String topic(int i) {
    return "Topic " + (char) ('A' + i % 26) + " " + vocabularyWord(i * 7) + " & " + vocabularyWord(i * 13 + 1);
  }

  static String company(int i) {
    return "Company-" + vocabularyWord(i * 11 + 3);
  }

  static String related(int i) {
    return vocabularyWord(i * 5 + 2) + " " + vocabularyWord(i * 17 + 4);
  }

  private static String vocabularyWord(int i) {
    List<String> words = vocabulary();
    return words.get(Math.floorMod(i, words.size()));
  }

  /** One bank file's Markdown: front matter, then {@code questions} questions under their topics. */
  static String bank(String id, int questions, long seed) {
    Random random = new Random(seed);
    StringBuilder md = new StringBuilder(questions * 4000);
    md.append("---\nid: ").append(id).append("\ntitle: \"Generated ").append(id).append("\"\n")
        .append("tags: [\"generated\", \"").append(id).append("\", \"").append(vocabularyWord(random.nextInt(1000))).append("\"]\n---\n\n")
        .append("# Generated ").append(id).append("\n\n## Questions\n\n");
    for (int n = 1; n <= questions; n++) {
      if (n == 1 || random.nextInt(8) == 0) {
        md.append("### ").append(topic(random.nextInt(TOPICS))).append("\n\n");
      }
      md.append("### Q").append(n).append(": ").append(sentence(random, 4 + random.nextInt(6))).append("\n")
          .append("**Difficulty:** ").append(DIFFICULTIES.get(random.nextInt(DIFFICULTIES.size())))
          .append(" | **Companies:** ").append(company(random.nextInt(COMPANIES))).append(", ").append(company(random.nextInt(COMPANIES)))
          .append(" | **Frequency:** Common\n\n")
          .append("#### Quick Answer (30 seconds)\n").append(sentence(random, 40)).append("\n\n")
          .append("#### Detailed Answer (3-5 minutes)\n");
      for (int p = 0; p < 3; p++) {
        md.append(sentence(random, 50)).append("\n\n");
      }
      md.append("#### Code Example\n```sql\n");
      for (int line = 0; line < 8; line++) {
        md.append("SELECT ").append(vocabularyWord(random.nextInt(5000))).append(" FROM t_").append(vocabularyWord(random.nextInt(5000)))
            .append(" WHERE id = ").append(random.nextInt(1000)).append(";\n");
      }
      md.append("```\n\n#### Real-World Context\n").append(sentence(random, 30)).append("\n\n#### Common Mistakes\n");
      for (int i = 0; i < 3; i++) {
        md.append("- ").append(sentence(random, 10)).append('\n');
      }
      md.append("\n#### Follow-up Questions\n");
      for (int i = 0; i < 3; i++) {
        md.append("1. ").append(sentence(random, 10)).append("?\n");
      }
      md.append("\n#### Related Topics\n");
      for (int i = 0; i < 3; i++) {
        md.append("- ").append(related(random.nextInt(RELATED))).append('\n');
      }
      md.append('\n');
    }
    return md.toString();
  }

  /** A search query as people type them: whole words, prefixes, capitals, stop words, typos. */
  static String query(Random random) {
    int words = 1 + random.nextInt(4);
    StringBuilder query = new StringBuilder();
    for (int i = 0; i < words; i++) {
      String word = vocabularyWord(random.nextInt(vocabulary().size()));
      switch (random.nextInt(6)) {
        case 0 -> word = word.substring(0, Math.min(word.length(), 3 + random.nextInt(4)));
        case 1 -> word = word.toUpperCase(java.util.Locale.ROOT);
        case 2 -> word = random.nextBoolean() ? "the" : "how";
        case 3 -> word = word + (random.nextBoolean() ? "ing" : "s");
        default -> { }
      }
      query.append(i == 0 ? "" : random.nextBoolean() ? " " : ", ").append(word);
    }
    return query.toString();
  }

  private static String sentence(Random random, int words) {
    StringBuilder sentence = new StringBuilder();
    for (int i = 0; i < words; i++) {
      String word = vocabularyWord(random.nextInt(vocabulary().size()));
      sentence.append(i == 0 ? "" : " ").append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
    }
    return sentence.append('.').toString();
  }

  private static String madeUp(Random random) {
    String letters = "abcdefghijklmnopqrstuvwxyzéüø";
    StringBuilder word = new StringBuilder();
    int length = 3 + random.nextInt(8);
    for (int i = 0; i < length; i++) {
      word.append(letters.charAt(random.nextInt(letters.length())));
    }
    return word.toString();
  }
}
