package dev.dbq.round;

/** What became of a thread reply or an "I answered" press. */
public enum ParticipationOutcome {
  COUNTED,
  ALREADY_COUNTED,
  ROUND_CLOSED,
  NOT_COUNTED_BOT_OR_EDIT,
  DUPLICATE_DELIVERY,
  NOT_A_ROUND
}
