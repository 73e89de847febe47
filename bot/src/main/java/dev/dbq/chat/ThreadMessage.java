package dev.dbq.chat;

/**
 * A message someone wrote in a round's thread, as a platform delivered it.
 *
 * @param eventId the platform's id of the delivery, to ignore duplicates; null if it has none
 */
public record ThreadMessage(String userId, boolean fromBot, boolean edit, String eventId) {

  public static ThreadMessage byPerson(String userId, String eventId) {
    return new ThreadMessage(userId, false, false, eventId);
  }
}
