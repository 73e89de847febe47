package dev.dbq.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The index built at load answers search and filters exactly as the full scan it replaced
 * ({@link ScanSearch}, {@link ScanFilter}): same questions, same order, over the shipped bank
 * and over generated banks with random queries.
 */
class IndexAgreesWithScanTest {

  private static final int SEARCHES = 200; // the scan takes tens of ms a query here
  private static final int FILTERS = 500;

  @Test
  void searchOfTheShippedBankGivesTheScansQuestionsInTheScansOrder() {
    // given the shipped bank, and every word of it as a query, alone and in pairs
    BankLibrary library = new BankLibrary(TestBanks.parseRealBank().banks());
    List<String> words = new ArrayList<>(ScanSearch.words(TestBanks.realBankText()));
    List<String> queries = new ArrayList<>(words);
    for (int i = 0; i + 1 < words.size(); i += 3) {
      queries.add(words.get(i) + " " + words.get(i + 1));
      queries.add(words.get(i).substring(0, Math.min(4, words.get(i).length())));
    }
    queries.addAll(List.of("", "the", "how do you", "REPLICA lag", "sharding shards sharded", "état", "x", "C++ & SQL"));

    // when / then
    assertSameSearch(library, queries);
  }

  @Test
  void searchOfGeneratedBanksGivesTheScansAnswerForRandomQueries() {
    // given two generated banks (400 questions with a varied vocabulary)
    BankLibrary library = generatedLibrary(2, 200);
    Random random = new Random(16);
    List<String> queries = new ArrayList<>();
    for (int i = 0; i < SEARCHES; i++) {
      queries.add(GeneratedBanks.query(random));
    }

    // when / then
    assertSameSearch(library, queries);
  }

  @Test
  void filtersGiveTheScansQuestionsForEveryValueAndRandomCombinations() {
    // given generated banks plus the shipped one
    List<Bank> banks = new ArrayList<>(generatedLibrary(2, 600).banks());
    banks.addAll(TestBanks.parseRealBank().banks());
    BankLibrary library = new BankLibrary(banks);
    Map<FilterKey, List<String>> values = new EnumMap<>(FilterKey.class);
    for (FilterKey key : FilterKey.values()) {
      List<String> known = new ArrayList<>(library.vocabulary(key).keySet());
      known.addAll(List.of("nothing-like-this", "!!!", "TOPIC", "staff", "cap theorem"));
      values.put(key, known);
    }
    values.get(FilterKey.TOPIC).addAll(List.of("topic a", "&", "consistency", "a"));
    Random random = new Random(42);

    // when / then: each value alone, through isKnown too
    values.forEach((key, list) -> list.forEach(value -> {
      QuestionFilter filter = new QuestionFilter(Map.of(key, List.of(value)));
      List<Question> scanned = ScanFilter.filter(library, filter);
      assertEquals(ids(scanned), ids(library.filter(filter)), filter::toString);
      assertEquals(!scanned.isEmpty(), library.isKnown(key, value), filter::toString);
    }));
    // and random combinations of keys and alternative values
    for (int i = 0; i < FILTERS; i++) {
      Map<FilterKey, List<String>> combination = new EnumMap<>(FilterKey.class);
      for (FilterKey key : FilterKey.values()) {
        if (random.nextInt(3) == 0) {
          List<String> list = values.get(key);
          combination.put(key, random.ints(1 + random.nextInt(2), 0, list.size()).mapToObj(list::get).toList());
        }
      }
      QuestionFilter filter = new QuestionFilter(combination);
      assertEquals(ids(ScanFilter.filter(library, filter)), ids(library.filter(filter)), filter::toString);
    }
  }

  static BankLibrary generatedLibrary(int files, int questionsPerFile) {
    List<Bank> banks = new ArrayList<>();
    for (int file = 0; file < files; file++) {
      String id = "generated-" + file;
      banks.add(TestBanks.onlyBank(TestBanks.parse(id + ".md", GeneratedBanks.bank(id, questionsPerFile, file))));
    }
    return new BankLibrary(banks);
  }

  private static void assertSameSearch(BankLibrary library, List<String> queries) {
    ScanSearch scan = new ScanSearch(library.questions());
    int answered = 0;
    for (String query : queries) {
      List<String> expected = ids(scan.search(query));
      assertEquals(expected, ids(library.search(query)), () -> "search \"" + query + "\"");
      answered += expected.isEmpty() ? 0 : 1;
    }
    assertFalse(answered < queries.size() / 2, "most queries should find something, found " + answered + " of " + queries.size());
  }

  private static List<String> ids(List<Question> questions) {
    return questions.stream().map(Question::id).toList();
  }
}
