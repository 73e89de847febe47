package dev.dbq.streak;

import dev.dbq.chat.Mention;
import dev.dbq.chat.Reply;
import dev.dbq.round.ChannelSettings;
import dev.dbq.round.PostTimes;
import dev.dbq.round.RoundService;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A user's own page (Slack's Home tab): for each channel of the workspace that has the question
 * of the day, their streaks, the team's, and when the next question comes.
 */
public final class HomePage {

  private static final DateTimeFormatter NEXT = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

  private final RoundService rounds;
  private final ChannelHistories histories;
  private final int teamQuorum;

  public HomePage(RoundService rounds, ChannelHistories histories, int teamQuorum) {
    this.rounds = rounds;
    this.histories = histories;
    this.teamQuorum = teamQuorum;
  }

  public Reply of(String platform, String workspace, String userId) {
    List<Reply.Block> blocks = new ArrayList<>();
    for (ChannelSettings settings : rounds.scheduledChannels()) {
      if (!settings.channel().platform().equals(platform) || !settings.channel().workspace().equals(workspace)) {
        continue;
      }
      Standing standing = histories.standing(settings.channel());
      String next =
          PostTimes.nextAfter(settings.schedule(), rounds.now())
              .map(slot -> "Next question: " + NEXT.format(slot.at().atZone(settings.schedule().zone()))
                  + " (" + settings.schedule().zone().getId() + ")")
              .orElse("No question scheduled.");
      blocks.add(new Reply.Text(
          "**" + Mention.channel(settings.channel().channel()) + "**\n"
              + StreakFormatter.streakLine(standing.personal(userId), standing.team(teamQuorum)) + "\n"
              + next));
    }
    if (blocks.isEmpty()) {
      blocks.add(new Reply.Text(
          "No channel here has a question of the day yet. An admin can start one in any channel:"
              + " `/dbq schedule set 09:30 Europe/Berlin weekdays`."));
    }
    blocks.add(new Reply.Text("Try `/dbq random` for a question now, or `/dbq help`."));
    return new Reply("Your interview practice", blocks, List.of(), Reply.Visibility.CALLER);
  }

}
