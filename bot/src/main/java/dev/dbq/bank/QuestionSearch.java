package dev.dbq.bank;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Ranked word search. A question's rank is the number of query words found in its title, then
 * the number found anywhere else, then bank order; words match by prefix so that "replica"
 * finds "replication", after a light stemming ({@link Words}).
 *
 * <p>Built once per load as an inverted index: a sorted array of every word, each with the
 * positions of the questions that have it in the title and in the body ({@link Postings}). A
 * query ORs the postings of the words it matches (a prefix is a range of the sorted array) into
 * bitsets and ranks the hits with two counting sorts: no pass over every question's words, no
 * regex and no object per candidate.
 */
final class QuestionSearch {

  /** Words of at least this length also match the words they start. */
  private static final int MIN_PREFIX = 4;

  private final List<Question> questions;
  private final String[] terms;
  private final Object[] titlePostings;
  private final Object[] bodyPostings;

  QuestionSearch(List<Question> questions) {
    this.questions = questions;
    Map<String, Postings.Builder> title = new HashMap<>();
    Map<String, Postings.Builder> body = new HashMap<>();
    for (int position = 0; position < questions.size(); position++) {
      Question q = questions.get(position);
      int at = position;
      Words.forEach(q.title(), word -> title.computeIfAbsent(word, w -> new Postings.Builder()).add(at));
      Consumer<String> bodyText = text -> Words.forEach(text, word -> body.computeIfAbsent(word, w -> new Postings.Builder()).add(at));
      bodyText.accept(q.topic());
      bodyText.accept(q.quickAnswer());
      bodyText.accept(q.detailedAnswer());
      bodyText.accept(q.realWorldContext() == null ? "" : q.realWorldContext());
      q.companies().forEach(bodyText);
      q.commonMistakes().forEach(bodyText);
      q.followUps().forEach(bodyText);
      q.relatedTopics().forEach(bodyText);
      q.codeExamples().forEach(example -> bodyText.accept(example.code()));
    }
    Set<String> all = new HashSet<>(title.keySet());
    all.addAll(body.keySet());
    this.terms = all.toArray(String[]::new);
    Arrays.sort(terms);
    this.titlePostings = new Object[terms.length];
    this.bodyPostings = new Object[terms.length];
    int count = questions.size();
    for (int i = 0; i < terms.length; i++) {
      Postings.Builder t = title.get(terms[i]);
      Postings.Builder b = body.get(terms[i]);
      titlePostings[i] = t == null ? null : t.build(count);
      bodyPostings[i] = b == null ? null : b.build(count);
    }
  }

  List<Question> search(String query) {
    List<String> words = List.copyOf(Words.of(query));
    if (words.isEmpty()) {
      return List.of();
    }
    int count = questions.size();
    int kinds = words.size() + 1; // score = title hits * kinds + body hits orders as (title, body)
    int[] scores = new int[count];
    long[] inTitle = new long[Postings.words(count)];
    long[] inBody = new long[inTitle.length];
    for (String word : words) {
      Arrays.fill(inTitle, 0);
      Arrays.fill(inBody, 0);
      int from = firstTermAtOrAfter(word);
      int to = word.length() >= MIN_PREFIX ? endOfPrefix(word, from) : (from < terms.length && terms[from].equals(word) ? from + 1 : from);
      for (int term = from; term < to; term++) {
        Postings.addTo(inTitle, titlePostings[term]);
        Postings.addTo(inBody, bodyPostings[term]);
      }
      for (int w = 0; w < inTitle.length; w++) {
        addScores(scores, w, inTitle[w], kinds);
        addScores(scores, w, inBody[w] & ~inTitle[w], 1);
      }
    }
    return new PositionList(questions, rank(scores, kinds));
  }

  private static void addScores(int[] scores, int word, long bits, int points) {
    while (bits != 0) {
      scores[(word << 6) + Long.numberOfTrailingZeros(bits)] += points;
      bits &= bits - 1;
    }
  }

  /** Positions with a score, best first, bank order among equals: two stable counting sorts. */
  private static int[] rank(int[] scores, int kinds) {
    int hits = 0;
    for (int score : scores) {
      if (score > 0) {
        hits++;
      }
    }
    int[] byPosition = new int[hits];
    int next = 0;
    for (int position = 0; position < scores.length; position++) {
      if (scores[position] > 0) {
        byPosition[next++] = position;
      }
    }
    int[] byBody = sortDescending(byPosition, scores, kinds, false);
    return sortDescending(byBody, scores, kinds, true);
  }

  private static int[] sortDescending(int[] positions, int[] scores, int kinds, boolean byTitle) {
    int[] starts = new int[kinds + 1];
    for (int position : positions) {
      starts[kinds - key(scores[position], kinds, byTitle)]++;
    }
    for (int i = 1; i <= kinds; i++) {
      starts[i] += starts[i - 1];
    }
    int[] sorted = new int[positions.length];
    for (int position : positions) {
      int bucket = kinds - 1 - key(scores[position], kinds, byTitle);
      sorted[starts[bucket]++] = position;
    }
    return sorted;
  }

  private static int key(int score, int kinds, boolean byTitle) {
    return byTitle ? score / kinds : score % kinds;
  }

  private int firstTermAtOrAfter(String word) {
    int found = Arrays.binarySearch(terms, word);
    return found >= 0 ? found : -found - 1;
  }

  private int endOfPrefix(String prefix, int from) {
    int end = from;
    while (end < terms.length && terms[end].startsWith(prefix)) {
      end++;
    }
    return end;
  }
}
