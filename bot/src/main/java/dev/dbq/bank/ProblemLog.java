package dev.dbq.bank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one bank file; lists them by line, in the order found per line. */
final class ProblemLog {

  private final String file;
  private final List<Problem> problems = new ArrayList<>();

  ProblemLog(String file) {
    this.file = file;
  }

  void warning(int line, String message) {
    problems.add(Problem.warning(file, line, message));
  }

  void error(int line, String message) {
    problems.add(Problem.error(file, line, message));
  }

  List<Problem> byLine() {
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator.comparingInt(Problem::line)); // stable: same-line problems keep order
    return List.copyOf(sorted);
  }
}
