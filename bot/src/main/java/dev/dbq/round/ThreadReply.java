package dev.dbq.round;

/**
 * A message someone wrote in a round's thread, as a platform delivered it.
 *
 * @param eventId the platform's id of the delivery, to ignore duplicates; null if it has none
 */
public record ThreadReply(String userId, boolean fromBot, boolean edit, String eventId) {

  public static ThreadReply byPerson(String userId, String eventId) {
    return new ThreadReply(userId, false, false, eventId);
  }
}
