package dev.dbq.chat;

/**
 * A platform's word that a channel can take no more posts until a person acts: it was deleted or
 * archived. Retrying would only repeat the failure, so the core turns the channel's question of
 * the day off instead; an admin turns it on again with {@code /dbq schedule set}.
 */
public final class ChannelGoneException extends RuntimeException {

  public ChannelGoneException(ChannelKey channel, String why) {
    super(channel + ": " + why);
  }
}
