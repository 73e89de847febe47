package dev.dbq.chat;

import dev.dbq.chat.ThreadMessage;
import java.util.List;
import java.util.Map;

/**
 * The one way into the core for every platform: whatever a platform delivers (a command, a
 * button press, a message in a thread) comes through here and gets back the reply to show.
 * Wording lives in the core, once; a platform only renders. No method throws for bad input:
 * it is answered with a reply that says what is valid.
 */
public interface Inbound {

  /** The longest {@code /dbq} line the core takes; a platform that reads lines itself (the console) takes no longer ones. */
  int MAX_LINE_LENGTH = 4_000;

  /** A {@code /dbq} command typed as text ({@code /dbq random topic:cap}; the prefix is optional). */
  Reply command(Caller caller, String line);

  /**
   * Whether {@link #command(Caller, String)} answers this line at once, from memory alone (no
   * storage, no platform API): a platform with a deadline may then run it on the request's own
   * thread rather than hand it to a worker and wait.
   */
  boolean answersAtOnce(String line);

  /**
   * A {@code /dbq} command with typed options (Discord).
   *
   * @param path the subcommand and, for a group, its subcommand: {@code [schedule, set]}
   * @param options option values by {@link OptionSpec#name()}; absent options are left out
   */
  Reply command(Caller caller, List<String> path, Map<String, String> options);

  /** A press of a button the bot sent; {@code action} is the pressed {@link Reply.Button#action()}. */
  Reply press(Caller caller, String action);

  /**
   * A form the caller filled in and submitted ({@link Reply#form}): its values by {@link
   * Form.Field#name()}, as typed (an empty field is an empty string or left out). The reply goes
   * to the caller alone.
   */
  Reply submit(Caller caller, String formId, Map<String, String> values);

  /** A message in a thread of {@code channel}; the reply says whether it counted. */
  Reply threadMessage(ChannelKey channel, String threadRef, ThreadMessage message);

  /** Up to {@code limit} suggestions for what the user has typed so far. */
  List<String> complete(OptionSpec.Completion what, String typed, int limit);

  /** The typed description of every listed subcommand, in help order. */
  List<CommandSpec> commands();

  /** A user's own page (Slack's Home tab): their streaks in each scheduled channel of the workspace. */
  Reply home(String platform, String workspace, String userId);
}
