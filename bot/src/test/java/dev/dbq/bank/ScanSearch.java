package dev.dbq.bank;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The search as it was before the index (issue 16): a full scan of every question's word sets
 * per query, kept as the reference the index must agree with and the anchor of
 * BankIndexBenchmark. Ranked word search. A question's rank is the number of query words found in its title, then
 * the number found anywhere else, then bank order; words match by prefix so that "replica"
 * finds "replication", after a light stemming.
 */
final class ScanSearch {

  private static final Set<String> STOP_WORDS =
      Set.of("a", "an", "and", "the", "of", "in", "on", "to", "for", "how", "what", "is", "do", "you");

  private final List<Indexed> index;

  ScanSearch(List<Question> questions) {
    this.index = questions.stream().map(ScanSearch::index).toList();
  }

  private record Indexed(Question question, Set<String> titleWords, Set<String> bodyWords) {}

  private record Hit(Question question, int titleHits, int bodyHits, int position) {}

  private static Indexed index(Question q) {
    Stream<String> body =
        Stream.of(
                Stream.of(q.topic(), q.quickAnswer(), q.detailedAnswer(), nullToEmpty(q.realWorldContext())),
                q.companies().stream(),
                q.commonMistakes().stream(),
                q.followUps().stream(),
                q.relatedTopics().stream(),
                q.codeExamples().stream().map(CodeExample::code))
            .flatMap(s -> s);
    return new Indexed(q, words(q.title()), body.flatMap(t -> words(t).stream()).collect(Collectors.toSet()));
  }

  List<Question> search(String query) {
    List<String> terms = List.copyOf(words(query));
    if (terms.isEmpty()) {
      return List.of();
    }
    return java.util.stream.IntStream.range(0, index.size())
        .mapToObj(i -> hit(index.get(i), terms, i))
        .filter(h -> h.titleHits() + h.bodyHits() > 0)
        .sorted(
            Comparator.comparingInt(Hit::titleHits)
                .reversed()
                .thenComparing(Comparator.comparingInt(Hit::bodyHits).reversed())
                .thenComparingInt(Hit::position))
        .map(Hit::question)
        .toList();
  }

  private static Hit hit(Indexed indexed, List<String> terms, int position) {
    int title = 0;
    int body = 0;
    for (String term : terms) {
      if (containsPrefix(indexed.titleWords(), term)) {
        title++;
      } else if (containsPrefix(indexed.bodyWords(), term)) {
        body++;
      }
    }
    return new Hit(indexed.question(), title, body, position);
  }

  private static boolean containsPrefix(Set<String> words, String term) {
    return words.contains(term) || (term.length() >= 4 && words.stream().anyMatch(w -> w.startsWith(term)));
  }

  static Set<String> words(String text) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .filter(w -> !w.isEmpty() && !STOP_WORDS.contains(w))
        .map(ScanSearch::stem)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  /** A light stem, so that "sharding", "shards" and "sharded" all match "shard". */
  static String stem(String word) {
    for (String suffix : new String[] {"ing", "ed", "es", "s"}) {
      if (word.endsWith(suffix) && word.length() - suffix.length() >= 4) {
        return word.substring(0, word.length() - suffix.length());
      }
    }
    return word;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
