package dev.dbq.bank;

import java.util.List;

/** What loading a set of bank files gave: the banks that loaded, and every problem found. */
public record LoadResult(List<Bank> banks, List<Problem> problems) {

  public LoadResult {
    banks = List.copyOf(banks);
    problems = List.copyOf(problems);
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
  }
}
