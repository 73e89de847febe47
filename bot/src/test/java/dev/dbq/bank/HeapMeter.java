package dev.dbq.bank;

import java.util.function.Supplier;

/** Retained heap of what a supplier builds: used heap after full collections, with and without it. */
final class HeapMeter {

  private HeapMeter() {}

  static long used() {
    Runtime runtime = Runtime.getRuntime();
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      best = Math.min(best, runtime.totalMemory() - runtime.freeMemory());
    }
    return best;
  }

  /** Bytes {@code build}'s result keeps reachable. */
  static long retained(Supplier<?> build) {
    long before = used();
    Object kept = build.get();
    long after = used();
    if (kept.hashCode() == 42) {
      System.out.print(""); // keeps the result reachable until measured
    }
    return after - before;
  }
}
