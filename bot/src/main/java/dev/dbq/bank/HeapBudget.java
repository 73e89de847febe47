package dev.dbq.bank;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether a bank file fits in the heap, judged before it is read: its size times the heap a
 * load takes per byte (measured by BankMemoryBenchmark and BankHeapTest), against the JVM's
 * maximum heap less a reserve for the rest of the bot, the banks in use (a reload builds the new
 * banks beside them) and what this load has kept so far. Deterministic: it never asks the
 * collector how much is free, so the same files are refused on every run.
 */
public final class HeapBudget {

  /** Heap a loaded bank keeps per byte of its file: 1.25-1.4x measured (BankMemoryBenchmark). */
  static final double KEPT_PER_BYTE = 1.45;
  /** The same per character of question text, for banks in use: 1.66x measured. */
  static final double KEPT_PER_CHARACTER = 1.7;
  /**
   * Heap a file holds at the end of its parse, per byte: its lines (1.44x), the block tree
   * (1.56x) and the bank built from them (1.4x), measured on a 3.7 MB file.
   */
  static final double PEAK_PER_BYTE = 4.5;
  /** The collector's slack and what else the bot allocates meanwhile. */
  static final long RESERVE = 16L << 20;

  private static final HeapBudget UNLIMITED = new HeapBudget(Long.MAX_VALUE, 0);

  private final long max;
  private final long inUse;

  HeapBudget(long max, long inUse) {
    this.max = max;
    this.inUse = inUse;
  }

  /** This JVM's heap, with {@code live} (may be null) staying in use while the load runs. */
  public static HeapBudget beside(BankLibrary live) {
    return new HeapBudget(Runtime.getRuntime().maxMemory(), live == null ? 0 : live.heapEstimate());
  }

  /** No check: tests and tools that parse bytes they already hold. */
  public static HeapBudget unlimited() {
    return UNLIMITED;
  }

  static long kept(long fileBytes) {
    return (long) (fileBytes * KEPT_PER_BYTE);
  }

  static long keptForText(long characters) {
    return (long) (characters * KEPT_PER_CHARACTER);
  }

  /**
   * Why a file of {@code size} bytes cannot be loaded after this load has kept {@code keptSoFar}
   * bytes, in one line; empty when it fits.
   */
  Optional<String> refusal(long size, long keptSoFar) {
    if (max == Long.MAX_VALUE) {
      return Optional.empty();
    }
    long needed = (long) (size * PEAK_PER_BYTE);
    long free = max - RESERVE - inUse - keptSoFar;
    if (needed <= free) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT,
        "the file (%s) needs about %s of heap to load and only %s of the %s heap is free%s; split it into"
            + " smaller banks or give the JVM more heap (-Xmx)",
        megabytes(size), megabytes(needed), megabytes(Math.max(0, free)), megabytes(max),
        inUse > 0 ? " beside the banks in use" : ""));
  }

  /** The one line for a load that ran out of heap despite the estimate. */
  static String ranOut(long size, long max) {
    return String.format(Locale.ROOT,
        "the heap (%s) ran out while loading the file (%s), so it is not loaded; split it into smaller banks"
            + " or give the JVM more heap (-Xmx)", megabytes(max), megabytes(size));
  }

  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
  }
}
