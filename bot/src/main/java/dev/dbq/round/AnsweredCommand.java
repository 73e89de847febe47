package dev.dbq.round;

import dev.dbq.chat.CommandContext;
import dev.dbq.chat.Reply;
import dev.dbq.command.CommandException;
import dev.dbq.command.CommandHandler;
import java.util.List;

/**
 * {@code /dbq answered ROUND}: what the "I answered" button of a question of the day runs. Not
 * listed in help; typing it does exactly what pressing the button does.
 */
public final class AnsweredCommand implements CommandHandler {

  private final RoundService rounds;

  public AnsweredCommand(RoundService rounds) {
    this.rounds = rounds;
  }

  @Override
  public String name() {
    return "answered";
  }

  @Override
  public String arguments() {
    return "ROUND";
  }

  @Override
  public String summary() {
    return "counts you in a question of the day (its \"I answered\" button)";
  }

  @Override
  public boolean listed() {
    return false;
  }

  @Override
  public Reply handle(CommandContext context, List<String> args) {
    long roundId;
    try {
      roundId = args.size() == 1 ? Long.parseLong(args.get(0)) : -1;
    } catch (NumberFormatException e) {
      roundId = -1;
    }
    if (roundId < 0) {
      throw new CommandException("Press **I answered** under a question of the day to be counted.");
    }
    return ParticipationWords.answered(rounds.answered(context.channel(), roundId, context.userId()));
  }
}
