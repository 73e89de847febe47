package dev.dbq.round;

import dev.dbq.chat.ChannelKey;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One question of the day in one channel on one local date.
 *
 * @param id database id
 * @param messageRef platform reference of the posted message (null until posted)
 * @param threadRef platform reference of its thread (null until posted)
 * @param followUpsSent how many follow-up questions went to the thread so far
 * @param lastFollowUpAt when the last follow-up was sent (null before the first)
 * @param revealedAt when the quick answer was revealed in the thread (null before)
 * @param lastReplyAt when a person replied in its thread after its last follow-up (null before
 *     any reply); a follow-up is only sent after new replies. Stored only when a follow-up depends
 *     on it (the first reply after each follow-up), so it may be older than the latest reply
 * @param postLeaseUntil until when the instance posting it holds the right to (null: nobody);
 *     a round still without a message after that is posted by the next run within the grace period
 * @param skippedAt when its post was given up, past the grace period (null if it was not)
 * @param state where it is in its life; the moves are {@link RoundState}'s
 */
public record Round(
    long id,
    ChannelKey channel,
    LocalDate date,
    String questionId,
    Instant postedAt,
    String messageRef,
    String threadRef,
    int followUpsSent,
    Instant lastFollowUpAt,
    Instant revealedAt,
    Instant lastReplyAt,
    Instant postLeaseUntil,
    Instant skippedAt,
    RoundState state) {

  /** This round as seen by a reply at {@code at}: its last reply is then at least that late. */
  public Round withReplyAt(Instant at) {
    Instant latest = lastReplyAt == null || at.isAfter(lastReplyAt) ? at : lastReplyAt;
    return new Round(id, channel, date, questionId, postedAt, messageRef, threadRef, followUpsSent,
        lastFollowUpAt, revealedAt, latest, postLeaseUntil, skippedAt, state);
  }

  /** Claimed, but its message has not landed yet and nobody gave it up. */
  public boolean awaitsPost() {
    return state == RoundState.CLAIMED;
  }
}
