package dev.dbq.round;

import dev.dbq.chat.ChannelKey;

/** Told what became of every thread reply and "I answered" press (for metrics). */
@FunctionalInterface
public interface ParticipationListener {

  void participation(ChannelKey channel, ParticipationOutcome outcome);
}
