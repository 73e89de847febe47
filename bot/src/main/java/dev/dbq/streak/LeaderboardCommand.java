package dev.dbq.streak;

import dev.dbq.chat.CommandContext;
import dev.dbq.chat.Mention;
import dev.dbq.chat.Reply;
import dev.dbq.command.CommandException;
import dev.dbq.command.CommandHandler;
import java.util.List;
import java.util.stream.Collectors;

/** {@code /dbq leaderboard}: the channel's ranking by current streak, best streak, rounds. */
public final class LeaderboardCommand implements CommandHandler {

  static final int SHOWN = 10;
  /** The rendered top of the ranking, kept with the channel's {@link Standing}. */
  private static final Object TOP = new Object();
  /** The reply to a caller who is in the top or not ranked, kept likewise. */
  private static final Object TOP_REPLY = new Object();

  private final ChannelHistories histories;

  public LeaderboardCommand(ChannelHistories histories) {
    this.histories = histories;
  }

  @Override
  public String name() {
    return "leaderboard";
  }

  @Override
  public String arguments() {
    return "";
  }

  @Override
  public String summary() {
    return "the channel's ranking";
  }

  /** One indexed read of the channel's history version; the history itself is kept in memory (ChannelHistories). */
  @Override
  public boolean readsStorageBriefly() {
    return true;
  }

  @Override
  public Reply handle(CommandContext context, List<String> args) {
    if (!args.isEmpty()) {
      throw new CommandException("`/dbq leaderboard` takes no arguments.");
    }
    Standing standing = histories.standing(context.channel());
    Leaderboard board = standing.leaderboard();
    if (board.isEmpty()) {
      return Reply.text("Nobody has answered a question of the day here yet. Be the first: reply in its thread.");
    }
    // The same for every caller until the channel's history changes.
    String top = standing.derived(TOP, s -> board.entries().stream().limit(SHOWN)
        .map(e -> line(e, Mention.user(e.userId()))).collect(Collectors.joining(HARD_BREAK)));
    int position = standing.position(context.userId());
    if (position < SHOWN) {
      // One reply for every caller in the top or not ranked: the platform's render of it is kept too.
      return standing.derived(TOP_REPLY, s -> ranking(top));
    }
    return ranking(top + HARD_BREAK + "…" + HARD_BREAK + line(board.entries().get(position), "you"));
  }

  private static Reply ranking(String markdown) {
    return new Reply("Leaderboard", List.of(new Reply.Text(markdown)), List.of(), Reply.Visibility.CALLER);
  }

  /** A ranking line as Markdown: escaped so that "1." stays the rank, not a renumbered list. */
  private static String line(LeaderboardEntry entry, String nameMarkdown) {
    return StreakFormatter.leaderboardLine(entry, nameMarkdown).replaceFirst("^(\\d+)\\.", "$1\\\\.");
  }

  /** A CommonMark hard line break: one ranking per line, in one block. */
  private static final String HARD_BREAK = "\\\n";
}
