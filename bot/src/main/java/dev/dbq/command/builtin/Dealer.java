package dev.dbq.command.builtin;

import dev.dbq.chat.CommandContext;
import java.util.List;
import java.util.Optional;

/**
 * Deals the next of some ids to a caller, for the commands that pick at random ({@code random},
 * {@code scenario}): implemented by round.RandomDeals, so that a person does not meet the same
 * one twice before the others.
 */
public interface Dealer {

  /** The next id among {@code candidateIds} (bank order) for the caller; empty when there are none. */
  Optional<String> next(CommandContext caller, List<String> candidateIds);
}
