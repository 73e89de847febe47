package dev.dbq.bank;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filters of {@code /dbq random} and the question of the day as postings built at load: for
 * each key, every normalized value ({@link QuestionFilter#normalize}) with the positions of the
 * questions that have it. {@code topic:} matches by substring, so its lookup scans the distinct
 * topics (tens to hundreds), never the questions; the other keys are one map lookup. Agrees with
 * {@link QuestionFilter#matches} (IndexAgreesWithScanTest).
 */
final class FilterIndex {

  private final List<Question> questions;
  private final Map<FilterKey, Map<String, Object>> postings = new EnumMap<>(FilterKey.class);

  FilterIndex(List<Question> questions, List<Bank> bankOfPosition) {
    this.questions = questions;
    Map<FilterKey, Map<String, Postings.Builder>> building = new EnumMap<>(FilterKey.class);
    for (FilterKey key : FilterKey.values()) {
      building.put(key, new HashMap<>());
    }
    Map<Bank, List<String>> bankTags = new IdentityHashMap<>(); // a record's hash reads every question
    for (int at = 0; at < questions.size(); at++) {
      int position = at;
      Question q = questions.get(position);
      Bank bank = bankOfPosition.get(position);
      add(building, FilterKey.TOPIC, q.topic(), position);
      q.relatedTopics().forEach(t -> add(building, FilterKey.TOPIC, t, position));
      add(building, FilterKey.DIFFICULTY, q.difficulty(), position);
      q.companies().forEach(c -> add(building, FilterKey.COMPANY, c, position));
      bankTags.computeIfAbsent(bank, BankLibrary::tags).forEach(t -> add(building, FilterKey.TAG, t, position));
      q.relatedTopics().forEach(t -> add(building, FilterKey.TAG, t, position));
      add(building, FilterKey.BANK, bank.id(), position);
    }
    building.forEach((key, values) -> {
      Map<String, Object> built = new HashMap<>();
      values.forEach((value, builder) -> built.put(value, builder.build(questions.size())));
      postings.put(key, built);
    });
  }

  private static void add(Map<FilterKey, Map<String, Postings.Builder>> building, FilterKey key, String value, int position) {
    building.get(key).computeIfAbsent(QuestionFilter.normalize(value), v -> new Postings.Builder()).add(position);
  }

  /** The questions matching every key of {@code filter} (any of its values), in bank order. */
  List<Question> filter(QuestionFilter filter) {
    long[] all = null;
    for (Map.Entry<FilterKey, List<String>> entry : filter.values().entrySet()) {
      long[] any = new long[Postings.words(questions.size())];
      for (String value : entry.getValue()) {
        addMatches(any, entry.getKey(), QuestionFilter.normalize(value));
      }
      if (all == null) {
        all = any;
      } else {
        for (int i = 0; i < all.length; i++) {
          all[i] &= any[i];
        }
      }
    }
    return all == null ? questions : PositionList.of(questions, all);
  }

  /** True if some question matches {@code key} with this value, already normalized. */
  boolean isKnown(FilterKey key, String normalized) {
    long[] any = new long[Postings.words(questions.size())];
    addMatches(any, key, normalized);
    return !Postings.isEmpty(any);
  }

  private void addMatches(long[] bits, FilterKey key, String wanted) {
    Map<String, Object> values = postings.get(key);
    if (key == FilterKey.TOPIC) {
      values.forEach((value, posting) -> {
        if (value.contains(wanted)) {
          Postings.addTo(bits, posting);
        }
      });
    } else {
      Postings.addTo(bits, values.get(wanted));
    }
  }
}
