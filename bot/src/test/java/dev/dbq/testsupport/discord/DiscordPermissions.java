package dev.dbq.testsupport.discord;

/** The permission bits the fake computes with (Discord's values; sent as decimal strings). */
public final class DiscordPermissions {

  public static final long CREATE_INSTANT_INVITE = 1L;
  public static final long ADMINISTRATOR = 1L << 3;
  public static final long MANAGE_CHANNELS = 1L << 4;
  public static final long MANAGE_GUILD = 1L << 5;
  public static final long ADD_REACTIONS = 1L << 6;
  public static final long VIEW_CHANNEL = 1L << 10;
  public static final long SEND_MESSAGES = 1L << 11;
  public static final long MANAGE_MESSAGES = 1L << 13;
  public static final long EMBED_LINKS = 1L << 14;
  public static final long ATTACH_FILES = 1L << 15;
  public static final long READ_MESSAGE_HISTORY = 1L << 16;
  public static final long MENTION_EVERYONE = 1L << 17;
  public static final long USE_EXTERNAL_EMOJIS = 1L << 18;
  public static final long CHANGE_NICKNAME = 1L << 26;
  public static final long USE_APPLICATION_COMMANDS = 1L << 31;
  public static final long MANAGE_THREADS = 1L << 34;
  public static final long CREATE_PUBLIC_THREADS = 1L << 35;
  public static final long SEND_MESSAGES_IN_THREADS = 1L << 38;

  /** Every bit Discord defines today, which is what an administrator effectively holds. */
  public static final long ALL = (1L << 51) - 1;

  /** What {@code @everyone} holds in a fresh server. */
  public static final long EVERYONE_DEFAULT = CREATE_INSTANT_INVITE | ADD_REACTIONS | VIEW_CHANNEL
      | SEND_MESSAGES | EMBED_LINKS | ATTACH_FILES | READ_MESSAGE_HISTORY | USE_EXTERNAL_EMOJIS
      | CHANGE_NICKNAME | USE_APPLICATION_COMMANDS | CREATE_PUBLIC_THREADS
      | SEND_MESSAGES_IN_THREADS;

  /** What the dbq invite URL asks for: post, embed, open threads and post in them. */
  public static final long DBQ_BOT = VIEW_CHANNEL | SEND_MESSAGES | SEND_MESSAGES_IN_THREADS
      | CREATE_PUBLIC_THREADS | EMBED_LINKS | READ_MESSAGE_HISTORY;

  /** Gateway intents (IDENTIFY {@code intents}). */
  public static final int INTENT_GUILDS = 1;
  public static final int INTENT_GUILD_MEMBERS = 1 << 1;
  public static final int INTENT_GUILD_PRESENCES = 1 << 8;
  public static final int INTENT_GUILD_MESSAGES = 1 << 9;
  public static final int INTENT_MESSAGE_CONTENT = 1 << 15;
  public static final int PRIVILEGED_INTENTS =
      INTENT_GUILD_MEMBERS | INTENT_GUILD_PRESENCES | INTENT_MESSAGE_CONTENT;

  private DiscordPermissions() {}

  /** Administrator implies every permission, as Discord computes it. */
  static long effective(long raw) {
    return (raw & ADMINISTRATOR) != 0 ? ALL : raw;
  }
}
