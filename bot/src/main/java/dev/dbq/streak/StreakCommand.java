package dev.dbq.streak;

import dev.dbq.chat.CommandContext;
import dev.dbq.chat.OptionSpec;
import dev.dbq.chat.Reply;
import dev.dbq.chat.UserText;
import dev.dbq.command.CommandException;
import dev.dbq.command.CommandHandler;
import dev.dbq.command.UserInput;
import java.util.List;

/** {@code /dbq streak [@user]}: a personal streak, current and best, and the team's. */
public final class StreakCommand implements CommandHandler {

  private final ChannelHistories histories;
  private final int teamQuorum;

  public StreakCommand(ChannelHistories histories, int teamQuorum) {
    this.histories = histories;
    this.teamQuorum = teamQuorum;
  }

  @Override
  public String name() {
    return "streak";
  }

  @Override
  public String arguments() {
    return "[@user]";
  }

  @Override
  public String summary() {
    return "personal streak (current, best) and the team streak";
  }

  @Override
  public List<OptionSpec> options() {
    return List.of(OptionSpec.positional("user", OptionSpec.Kind.USER, "whose streak (default: yours)", false));
  }

  /** One indexed read of the channel's history version; the history itself is kept in memory (ChannelHistories). */
  @Override
  public boolean readsStorageBriefly() {
    return true;
  }

  @Override
  public Reply handle(CommandContext context, List<String> args) {
    if (args.size() > 1) {
      throw new CommandException("Usage: `" + usage() + "`, e.g. `/dbq streak` or `/dbq streak @alice`.");
    }
    String user = args.isEmpty() ? context.userId() : mentionedUser(args.get(0));
    Standing standing = histories.standing(context.channel());
    String line = StreakFormatter.streakLine(standing.personal(user), standing.team(teamQuorum));
    String who = args.isEmpty() ? "Your streak" : UserText.neutralize(user) + "'s streak";
    String note = standing.history().isEmpty() ? "\nNo question of the day here yet: streaks start with the first one." : "";
    return new Reply(who, List.of(new Reply.Text(line + note)), List.of(), Reply.Visibility.CALLER);
  }

  /** The user id in {@code @alice}, Slack's {@code <@U123>} or Discord's {@code <@!123>}. */
  static String mentionedUser(String typed) {
    String id = typed.strip();
    if (id.startsWith("<@") && id.endsWith(">")) {
      id = id.substring(2, id.length() - 1);
      id = id.startsWith("!") ? id.substring(1) : id;
      int bar = id.indexOf('|');
      id = bar < 0 ? id : id.substring(0, bar);
    } else if (id.startsWith("@")) {
      id = id.substring(1);
    }
    if (id.isEmpty() || !id.matches("[\\p{L}\\p{N}._-]+")) {
      throw new CommandException("Name a user as `@name`, not " + UserInput.echo(typed) + ".");
    }
    return id;
  }
}
