package dev.dbq.bank;

import java.util.Arrays;

/**
 * The question positions one index entry (a word, a topic, a company) points to, stored as the
 * smaller of a sorted int array and a bitset: a word in most questions costs n/8 bytes, a rare
 * one 4 bytes per question. Lookups OR them into a bitset over all positions.
 */
final class Postings {

  private Postings() {}

  /** A growing, strictly increasing list of positions, while an index is built. */
  static final class Builder {
    private int[] positions = new int[4];
    private int size;

    void add(int position) {
      if (size > 0 && positions[size - 1] == position) {
        return; // the same question named the entry twice
      }
      if (size == positions.length) {
        positions = Arrays.copyOf(positions, size * 2);
      }
      positions[size++] = position;
    }

    /** An {@code int[]} or a {@code long[]} bitset over {@code count} positions, whichever is smaller. */
    Object build(int count) {
      int bitsetWords = words(count);
      if ((long) bitsetWords * 2 < size) {
        long[] bits = new long[bitsetWords];
        for (int i = 0; i < size; i++) {
          set(bits, positions[i]);
        }
        return bits;
      }
      return Arrays.copyOf(positions, size);
    }
  }

  static int words(int count) {
    return (count + 63) >>> 6;
  }

  static void set(long[] bits, int position) {
    bits[position >>> 6] |= 1L << position;
  }

  static boolean has(long[] bits, int position) {
    return (bits[position >>> 6] & (1L << position)) != 0;
  }

  /** ORs a built posting into {@code bits}. */
  static void addTo(long[] bits, Object posting) {
    if (posting instanceof long[] other) {
      for (int i = 0; i < other.length; i++) {
        bits[i] |= other[i];
      }
    } else if (posting instanceof int[] positions) {
      for (int position : positions) {
        set(bits, position);
      }
    }
  }

  static boolean isEmpty(long[] bits) {
    for (long word : bits) {
      if (word != 0) {
        return false;
      }
    }
    return true;
  }

  static int count(long[] bits) {
    int count = 0;
    for (long word : bits) {
      count += Long.bitCount(word);
    }
    return count;
  }
}
