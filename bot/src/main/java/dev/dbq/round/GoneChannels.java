package dev.dbq.round;

import dev.dbq.chat.ChannelGoneException;
import dev.dbq.chat.ChannelKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the core does when a platform says a channel can take no more posts (deleted or
 * archived): turns its question of the day off, with one warning, instead of retrying every
 * minute of every day. An admin turns it on again with {@code /dbq schedule set}.
 */
final class GoneChannels {

  private static final Logger log = LoggerFactory.getLogger(GoneChannels.class);

  private GoneChannels() {}

  static void turnOff(RoundStore store, ChannelKey channel, ChannelGoneException gone) {
    store.channels().find(channel).ifPresent(settings -> store.channels().save(settings.turnedOff()));
    log.warn("{}: the question of the day is turned off, as the channel can take no post ({});"
        + " an admin turns it on again with /dbq schedule set", channel, gone.getMessage());
  }
}
