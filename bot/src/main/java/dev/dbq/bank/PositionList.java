package dev.dbq.bank;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * Questions named by their positions in the library, read through on demand: an index answer
 * costs one int per hit, and a caller showing ten touches ten. Immutable.
 */
final class PositionList extends AbstractList<Question> implements RandomAccess {

  private final List<Question> questions;
  private final int[] positions;

  PositionList(List<Question> questions, int[] positions) {
    this.questions = questions;
    this.positions = positions;
  }

  /** The questions whose bits are set, in bank order. */
  static PositionList of(List<Question> questions, long[] bits) {
    int[] positions = new int[Postings.count(bits)];
    int next = 0;
    for (int word = 0; word < bits.length; word++) {
      for (long rest = bits[word]; rest != 0; rest &= rest - 1) {
        positions[next++] = (word << 6) + Long.numberOfTrailingZeros(rest);
      }
    }
    return new PositionList(questions, positions);
  }

  @Override
  public Question get(int index) {
    return questions.get(positions[index]);
  }

  @Override
  public int size() {
    return positions.length;
  }
}
