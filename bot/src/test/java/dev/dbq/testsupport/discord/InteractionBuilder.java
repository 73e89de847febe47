package dev.dbq.testsupport.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbq.testsupport.discord.FakeGuild.FakeMember;
import dev.dbq.testsupport.discord.FakeGuild.FakeUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@code /dbq} INTERACTION_CREATE as Discord sends it — slash command (type 2) or
 * autocomplete (type 4) — and dispatches it with {@link #send()}.
 *
 * <pre>{@code
 * fake.slashCommand(guild.member("carol"))
 *     .in(guild.channel("interview-prep"))
 *     .subcommand("schedule", "set")          // group, then subcommand
 *     .option("time", "09:00")
 *     .send();
 * }</pre>
 */
public final class InteractionBuilder {

  private final FakeDiscord discord;
  private final int type;
  private final FakeMember member;
  private String channelId;
  private String commandName = "dbq";
  private final List<String> path = new ArrayList<>();
  private final ArrayNode options = Payloads.array();
  private final ObjectNode resolvedUsers = Payloads.object();
  private final ObjectNode resolvedMembers = Payloads.object();
  private boolean focusedSet;
  private Duration age = Duration.ZERO;
  private JsonNode rawOptions;

  InteractionBuilder(FakeDiscord discord, int type, FakeMember member, String channelId) {
    this.discord = discord;
    this.type = type;
    this.member = member;
    this.channelId = channelId;
  }

  /** The command's name ({@code dbq} unless told). */
  public InteractionBuilder command(String name) {
    this.commandName = name;
    return this;
  }

  public InteractionBuilder in(FakeGuild.FakeChannel channel) {
    return inChannel(channel.idString());
  }

  /** A channel or thread id (a thread the fake knows, e.g. one the bot opened). */
  public InteractionBuilder inChannel(String id) {
    this.channelId = id;
    return this;
  }

  /** {@code ("random")} or {@code ("schedule", "set")}: subcommand, or group then subcommand. */
  public InteractionBuilder subcommand(String... groupAndSubcommand) {
    if (groupAndSubcommand.length < 1 || groupAndSubcommand.length > 2) {
      throw new IllegalArgumentException("a subcommand, or a group and a subcommand");
    }
    path.clear();
    path.addAll(List.of(groupAndSubcommand));
    return this;
  }

  /** A string option (type 3). */
  public InteractionBuilder option(String name, String value) {
    options.addObject().put("name", name).put("type", 3).put("value", value);
    return this;
  }

  /** An integer option (type 4). */
  public InteractionBuilder option(String name, long value) {
    options.addObject().put("name", name).put("type", 4).put("value", value);
    return this;
  }

  /** A boolean option (type 5). */
  public InteractionBuilder option(String name, boolean value) {
    options.addObject().put("name", name).put("type", 5).put("value", value);
    return this;
  }

  /** A user option (type 6), resolved as Discord does ({@code data.resolved.users/members}). */
  public InteractionBuilder option(String name, FakeMember value) {
    FakeUser user = value.user();
    options.addObject().put("name", name).put("type", 6).put("value", user.idString());
    resolvedUsers.set(user.idString(), Payloads.user(user));
    ObjectNode resolvedMember = Payloads.member(discord.guild(), value, discord.joinedAt());
    resolvedMember.remove("user");
    resolvedMember.put("permissions",
        Long.toString(discord.guild().permissionsOf(value)));
    resolvedMembers.set(user.idString(), resolvedMember);
    return this;
  }

  /**
   * The option being typed, for autocomplete: Discord sends what was typed so far as a string
   * with {@code focused: true}, whatever the option's type.
   */
  public InteractionBuilder focused(String name, String typedSoFar) {
    if (type != 4) {
      throw new IllegalStateException("only autocomplete interactions have a focused option");
    }
    options.addObject().put("name", name).put("type", 3).put("value", typedSoFar)
        .put("focused", true);
    focusedSet = true;
    return this;
  }

  /** An option as Discord would never send it: {@code type} given, no {@code value}. */
  public InteractionBuilder optionWithoutValue(String name, int optionType) {
    options.addObject().put("name", name).put("type", optionType);
    return this;
  }

  /**
   * {@code data.options} exactly as given, replacing subcommand and options: for input Discord
   * should not send (a group without a subcommand, an autocomplete with nothing focused...).
   */
  public InteractionBuilder rawOptions(String optionsJson) {
    this.rawOptions = Payloads.parse(optionsJson);
    return this;
  }

  /**
   * An interaction created {@code age} ago, as its id tells: the gateway delivered it late
   * (a resumed session, a bot that was stalled). Past 15 minutes Discord refuses its callback
   * (10062 Unknown interaction) and its webhook (401, 50027 Invalid Webhook Token).
   */
  public InteractionBuilder createdAgo(Duration howLongAgo) {
    this.age = howLongAgo;
    return this;
  }

  /** Dispatches the interaction; the handle waits for the bot's answer. */
  public FakeInteraction send() {
    if (type == 4 && !focusedSet && rawOptions == null) {
      throw new IllegalStateException("autocomplete needs focused(name, typedSoFar)");
    }
    ObjectNode data = Payloads.object();
    JsonNode registered = discord.state().registeredCommand(commandName);
    data.put("id", registered != null ? registered.get("id").asText() : discord.nextId())
        .put("name", commandName)
        .put("type", 1);
    if (registered != null && registered.has("guild_id")) {
      data.put("guild_id", registered.get("guild_id").asText());
    }
    data.set("options", rawOptions != null ? rawOptions : nest());
    if (!resolvedUsers.isEmpty()) {
      ObjectNode resolved = data.putObject("resolved");
      resolved.set("users", resolvedUsers);
      resolved.set("members", resolvedMembers);
    }
    String id = age.isZero() ? discord.nextId() : discord.idCreatedAgo(age);
    return discord.sendInteraction(type, member, channelId, data, null, id);
  }

  private ArrayNode nest() {
    if (path.isEmpty()) {
      return options;
    }
    ArrayNode top = Payloads.array();
    ObjectNode first = top.addObject().put("name", path.get(0))
        .put("type", path.size() == 2 ? 2 : 1);
    if (path.size() == 1) {
      first.set("options", options);
    } else {
      first.putArray("options").addObject().put("name", path.get(1)).put("type", 1)
          .set("options", options);
    }
    return top;
  }
}
