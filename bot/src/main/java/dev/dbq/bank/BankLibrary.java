package dev.dbq.bank;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The loaded banks as users query them: ids, filters, search and the vocabulary of topics,
 * difficulties, companies and tags. Immutable; built once per load.
 */
public final class BankLibrary {

  private static final Pattern SHORT_ID = Pattern.compile("(?i)([qs])(\\d+)");

  private final List<Bank> banks;
  private final Map<String, Bank> bankOfQuestion = new LinkedHashMap<>();
  private final Map<String, Question> questionsById = new LinkedHashMap<>();
  private final Map<String, Scenario> scenariosById = new LinkedHashMap<>();
  private final List<Question> questions;
  private final QuestionSearch search;
  private final FilterIndex filters;
  private final long heapEstimate;
  private final Map<FilterKey, Map<String, Integer>> vocabularies = new EnumMap<>(FilterKey.class);

  public BankLibrary(List<Bank> banks) {
    this.banks = List.copyOf(banks);
    for (Bank bank : this.banks) {
      for (Question q : bank.questions()) {
        questionsById.put(q.id().toLowerCase(Locale.ROOT), q);
        bankOfQuestion.put(q.id(), bank);
      }
      for (Scenario s : bank.scenarios()) {
        scenariosById.put(s.id().toLowerCase(Locale.ROOT), s);
      }
    }
    this.questions = List.copyOf(questionsById.values());
    this.search = new QuestionSearch(questions);
    this.filters = new FilterIndex(questions, questions.stream().map(q -> bankOfQuestion.get(q.id())).toList());
    for (FilterKey key : FilterKey.values()) {
      vocabularies.put(key, Collections.unmodifiableMap(countValues(key)));
    }
    long characters = 0;
    for (Question q : questions) {
      characters += characters(q);
    }
    this.heapEstimate = HeapBudget.keptForText(characters);
  }

  /** About the characters of the file a question came from: its texts, not its headings. */
  private static long characters(Question q) {
    long count = q.title().length() + q.quickAnswer().length() + q.detailedAnswer().length()
        + (q.realWorldContext() == null ? 0 : q.realWorldContext().length());
    for (CodeExample example : q.codeExamples()) {
      count += example.code().length();
    }
    for (List<String> list : List.of(q.commonMistakes(), q.followUps(), q.relatedTopics(), q.companies())) {
      for (String item : list) {
        count += item.length();
      }
    }
    return count;
  }

  /** About how much heap these banks keep, for a reload to leave room for (issue 16). */
  public long heapEstimate() {
    return heapEstimate;
  }

  public List<Bank> banks() {
    return banks;
  }

  public List<Question> questions() {
    return questions;
  }

  public List<Scenario> scenarios() {
    return List.copyOf(scenariosById.values());
  }

  public Bank bankOf(Question question) {
    return bankOfQuestion.get(question.id());
  }

  public Optional<Question> question(String fullId) {
    return Optional.ofNullable(questionsById.get(fullId.toLowerCase(Locale.ROOT)));
  }

  /** Resolves {@code q5}, {@code Q5} or {@code database-architecture/q5}. */
  public Lookup<Question> findQuestion(String id) {
    return find(id, 'q', questionsById, Question::id);
  }

  /** Resolves {@code s2}, {@code 2} or {@code database-architecture/s2}. */
  public Lookup<Scenario> findScenario(String id) {
    String withPrefix = id.chars().allMatch(Character::isDigit) ? "s" + id : id;
    return find(withPrefix, 's', scenariosById, Scenario::id);
  }

  private <T> Lookup<T> find(
      String id, char kind, Map<String, T> byId, Function<T, String> idOf) {
    String wanted = id.strip().toLowerCase(Locale.ROOT);
    T exact = byId.get(wanted);
    if (exact != null) {
      return new Lookup.Found<>(exact);
    }
    Matcher shortId = SHORT_ID.matcher(wanted);
    if (shortId.matches() && Character.toLowerCase(shortId.group(1).charAt(0)) == kind) {
      // Leading zeros dropped as text: a number past int range is just an id nobody has.
      String suffix = "/" + kind + shortId.group(2).replaceFirst("^0+(?=\\d)", "");
      List<T> matches =
          byId.entrySet().stream().filter(e -> e.getKey().endsWith(suffix)).map(Map.Entry::getValue).toList();
      if (matches.size() == 1) {
        return new Lookup.Found<>(matches.get(0));
      }
      if (matches.size() > 1) {
        return new Lookup.Ambiguous<>(matches.stream().map(idOf).toList());
      }
    }
    return new Lookup.Missing<>(byId.values().stream().map(idOf).toList());
  }

  /** The questions matching {@code filter}, in bank order, from the index built at load. */
  public List<Question> filter(QuestionFilter filter) {
    return filters.filter(filter);
  }

  /** Questions matching the words, best first: title hits rank above hits in the body. */
  public List<Question> search(String words) {
    return search.search(words);
  }

  /** Every value a filter key can take, as the bank spells it, with how many questions have it. */
  public Map<String, Integer> vocabulary(FilterKey key) {
    return vocabularies.get(key);
  }

  private Map<String, Integer> countValues(FilterKey key) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Question q : questionsById.values()) {
      for (String value : valuesOf(key, q)) {
        counts.merge(value, 1, Integer::sum);
      }
    }
    return counts;
  }

  private Collection<String> valuesOf(FilterKey key, Question q) {
    return switch (key) {
      case TOPIC -> q.topic().isBlank() ? List.of() : List.of(q.topic());
      case DIFFICULTY -> q.difficulty().isBlank() ? List.of() : List.of(q.difficulty());
      case COMPANY -> q.companies();
      case TAG -> {
        Set<String> tags = new LinkedHashSet<>(tags(bankOf(q)));
        tags.addAll(q.relatedTopics());
        yield tags;
      }
      case BANK -> List.of(bankOf(q).id());
    };
  }

  /** True if at least one question matches this single filter value. */
  public boolean isKnown(FilterKey key, String value) {
    return filters.isKnown(key, QuestionFilter.normalize(value));
  }

  /** The front matter {@code tags} of a bank, as strings. */
  static List<String> tags(Bank bank) {
    Object tags = bank.meta().get("tags");
    if (tags instanceof Collection<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return List.of();
  }

  /** Topics in bank order with their question counts. */
  public Map<String, Integer> topics() {
    return vocabulary(FilterKey.TOPIC);
  }

  /** Companies, most asked first. */
  public List<Map.Entry<String, Integer>> companiesByCount() {
    List<Map.Entry<String, Integer>> entries = new ArrayList<>(vocabulary(FilterKey.COMPANY).entrySet());
    entries.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()));
    return entries;
  }

  /** The result of resolving an id a user typed. */
  public sealed interface Lookup<T> {
    record Found<T>(T value) implements Lookup<T> {}

    /** The short id exists in several banks: the user has to say which. */
    record Ambiguous<T>(List<String> candidates) implements Lookup<T> {}

    /** No such id; {@code known} lists every id, for suggestions. */
    record Missing<T>(List<String> known) implements Lookup<T> {}
  }
}
