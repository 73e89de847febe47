package dev.dbq.streak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LeaderboardTest {

  @Test
  void ranksByCurrentThenBestThenRoundsAnsweredThenUserId() {
    // given: bob and dave tie on every figure; alice and frank share a current streak but
    // alice's best is longer; frank and erin differ only in rounds answered
    RoundHistory history =
        Histories.parse(
            "03-02: alice bob carol dave frank; 03-03: alice bob dave;"
                + " 03-04: bob dave erin frank; 03-05*: alice");

    // when
    Leaderboard leaderboard = Leaderboard.of(history);

    // then: rank. user current/best/answered
    assertEquals(
        List.of(
            "1. bob 3/3/3",
            "1. dave 3/3/3",
            "3. alice 1/2/3",
            "4. frank 1/1/2",
            "5. erin 1/1/1",
            "6. carol 0/1/1"),
        describe(leaderboard));
  }

  @Test
  void includesAUserWhoseOnlyAnswerIsInTheOpenRound() {
    // given
    RoundHistory history = Histories.parse("03-02: alice; 03-03*: alice bob");

    // when
    Leaderboard leaderboard = Leaderboard.of(history);

    // then
    assertEquals(List.of("1. alice 2/2/2", "2. bob 1/1/1"), describe(leaderboard));
  }

  @Test
  void anEmptyChannelHasAnEmptyLeaderboard() {
    // when
    Leaderboard leaderboard = Leaderboard.of(Histories.parse(""));

    // then
    assertTrue(leaderboard.isEmpty());
  }

  private static List<String> describe(Leaderboard leaderboard) {
    return leaderboard.entries().stream()
        .map(
            entry ->
                entry.rank()
                    + ". "
                    + entry.userId()
                    + " "
                    + entry.streak().current()
                    + "/"
                    + entry.streak().best()
                    + "/"
                    + entry.streak().roundsAnswered())
        .collect(Collectors.toList());
  }
}
