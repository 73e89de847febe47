package dev.dbq.round;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Picks a channel's next question of the day so that no question repeats until every candidate
 * was asked once (a cycle), and each cycle comes in a new random order.
 *
 * <p>Drawing uniformly from the candidates not yet asked in the cycle is the same as walking a
 * fresh random permutation, without having to store one. Only the current candidates count:
 * if the channel's filters narrow mid-cycle, questions asked that fall outside them are ignored
 * and the cycle ends when the remaining candidates are used up. For the same inputs and an
 * equally seeded generator the pick is the same.
 */
public final class QuestionPicker {

  private final RandomGenerator random;

  public QuestionPicker(RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * The question picked and whether it is the first of a new cycle; when it is, the caller
   * starts a new cycle whose asked set holds only this question.
   */
  public record Pick(String questionId, boolean startsNewCycle) {
    public Pick {
      Objects.requireNonNull(questionId, "questionId");
    }
  }

  /**
   * Picks among {@code candidates} (in bank order) those not in {@code askedInCycle}.
   *
   * @return empty when there are no candidates at all (no question matches the channel's filters)
   */
  public Optional<Pick> pick(List<String> candidates, Set<String> askedInCycle) {
    return pick(candidates, askedInCycle, null);
  }

  /**
   * Like {@link #pick(List, Set)}, and a new cycle does not open with {@code previousQuestionId}
   * (when there is any other candidate), so the question asked last never comes twice in a row.
   *
   * @param previousQuestionId the channel's latest round's question, or null if none
   */
  public Optional<Pick> pick(
      List<String> candidates, Set<String> askedInCycle, String previousQuestionId) {
    Set<String> distinctCandidates = new LinkedHashSet<>(candidates);
    if (distinctCandidates.isEmpty()) {
      return Optional.empty();
    }
    List<String> remaining = new ArrayList<>(distinctCandidates);
    remaining.removeAll(askedInCycle);
    boolean startsNewCycle = remaining.isEmpty();
    if (startsNewCycle) {
      remaining.addAll(distinctCandidates);
      if (remaining.size() > 1) {
        remaining.remove(previousQuestionId);
      }
    }
    String questionId = remaining.get(draw(remaining.size()));
    return Optional.of(new Pick(questionId, startsNewCycle));
  }

  /** Channels are posted concurrently (the fan-out), and a seeded generator is not thread-safe. */
  private int draw(int bound) {
    synchronized (random) {
      return random.nextInt(bound);
    }
  }
}
