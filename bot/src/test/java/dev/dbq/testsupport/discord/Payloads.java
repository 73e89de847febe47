package dev.dbq.testsupport.discord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbq.testsupport.discord.FakeGuild.FakeChannel;
import dev.dbq.testsupport.discord.FakeGuild.FakeMember;
import dev.dbq.testsupport.discord.FakeGuild.FakeRole;
import dev.dbq.testsupport.discord.FakeGuild.FakeUser;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Discord API objects as JSON, with every field JDA's {@code EntityBuilder} reads without a
 * default (a missing one makes JDA drop the event with a parse error).
 */
final class Payloads {

  static final ObjectMapper JSON = new ObjectMapper();

  private Payloads() {}

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  static ArrayNode array() {
    return JSON.createArrayNode();
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode user(FakeUser user) {
    ObjectNode json = object()
        .put("id", user.idString())
        .put("username", user.username())
        .put("discriminator", "0")
        .put("global_name", user.username())
        .putNull("avatar")
        .put("public_flags", 0);
    if (user.bot()) {
      json.put("bot", true);
    }
    return json;
  }

  /** {@code users/@me} and READY's {@code user}. */
  static ObjectNode selfUser(FakeUser bot) {
    return user(bot).put("verified", true).put("mfa_enabled", false).put("flags", 0)
        .putNull("email").put("locale", "en-US");
  }

  static ObjectNode role(FakeGuild guild, FakeRole role) {
    ObjectNode json = object()
        .put("id", role.idString())
        .put("name", role.name())
        .put("color", 0)
        .put("hoist", false)
        .putNull("icon")
        .putNull("unicode_emoji")
        .put("position", role.id() == guild.id() ? 0 : 1)
        .put("permissions", Long.toString(role.permissions()))
        .put("managed", role.managedByBot())
        .put("mentionable", false)
        .put("flags", 0);
    json.putObject("colors").put("primary_color", 0);
    if (role.managedByBot()) {
      json.putObject("tags").put("bot_id", guild.botUser().idString());
    }
    return json;
  }

  static ObjectNode textChannel(FakeGuild guild, FakeChannel channel, int position) {
    ObjectNode json = object()
        .put("id", channel.idString())
        .put("type", 0)
        .put("guild_id", guild.idString())
        .put("name", channel.name())
        .put("position", position)
        .putNull("parent_id")
        .putNull("topic")
        .put("nsfw", false)
        .putNull("last_message_id")
        .put("rate_limit_per_user", 0)
        .put("default_thread_rate_limit_per_user", 0)
        .put("flags", 0);
    json.putArray("permission_overwrites");
    return json;
  }

  static ObjectNode member(FakeGuild guild, FakeMember member, Instant joinedAt) {
    ObjectNode json = object();
    json.set("user", user(member.user()));
    json.putNull("nick").putNull("avatar");
    ArrayNode roles = json.putArray("roles");
    member.roles().forEach(role -> roles.add(role.idString()));
    json.put("joined_at", joinedAt.toString())
        .putNull("premium_since")
        .put("deaf", false)
        .put("mute", false)
        .put("flags", 0)
        .put("pending", false)
        .putNull("communication_disabled_until");
    return json;
  }

  /** GUILD_CREATE's payload: only the bot's own member, as without the GUILD_MEMBERS intent. */
  static ObjectNode guildCreate(FakeGuild guild, Iterable<ObjectNode> activeThreads,
      Instant joinedAt) {
    ObjectNode json = object()
        .put("id", guild.idString())
        .put("name", guild.name())
        .putNull("icon")
        .putNull("splash")
        .putNull("banner")
        .putNull("description")
        .put("owner_id", guild.owner().idString())
        .putNull("afk_channel_id")
        .put("afk_timeout", 300)
        .put("verification_level", 1)
        .put("default_message_notifications", 1)
        .put("explicit_content_filter", 0)
        .put("mfa_level", 0)
        .put("nsfw_level", 0)
        .put("premium_tier", 0)
        .put("premium_subscription_count", 0)
        .put("premium_progress_bar_enabled", false)
        .put("system_channel_id", guild.channels().get(0).idString())
        .put("system_channel_flags", 0)
        .putNull("rules_channel_id")
        .putNull("public_updates_channel_id")
        .putNull("safety_alerts_channel_id")
        .put("preferred_locale", "en-US")
        .put("max_members", 500_000)
        .put("large", false)
        .put("unavailable", false)
        .put("member_count", guild.members().size())
        .put("joined_at", joinedAt.toString())
        .putNull("vanity_url_code");
    json.putArray("features");
    ArrayNode roles = json.putArray("roles");
    guild.roles().forEach(role -> roles.add(role(guild, role)));
    ArrayNode channels = json.putArray("channels");
    for (int i = 0; i < guild.channels().size(); i++) {
      ObjectNode channel = textChannel(guild, guild.channels().get(i), i);
      channel.remove("guild_id"); // GUILD_CREATE's channels carry no guild_id
      channels.add(channel);
    }
    ArrayNode threads = json.putArray("threads");
    activeThreads.forEach(threads::add);
    json.putArray("members").add(member(guild, guild.member(guild.botUser().username()),
        joinedAt));
    for (String empty : new String[] {"emojis", "stickers", "voice_states", "presences",
        "stage_instances", "guild_scheduled_events", "soundboard_sounds"}) {
      json.putArray(empty);
    }
    return json;
  }

  /** A public thread (type 11) started on a message: Discord gives it the message's id. */
  static ObjectNode thread(FakeGuild guild, String threadId, String parentId, String name,
      FakeUser owner, Instant createdAt, int autoArchiveMinutes) {
    ObjectNode json = object()
        .put("id", threadId)
        .put("type", 11)
        .put("guild_id", guild.idString())
        .put("parent_id", parentId)
        .put("owner_id", owner.idString())
        .put("name", name)
        .putNull("last_message_id")
        .put("message_count", 0)
        .put("total_message_count", 0)
        .put("member_count", 1)
        .put("rate_limit_per_user", 0)
        .put("flags", 0);
    json.putObject("thread_metadata")
        .put("archived", false)
        .put("auto_archive_duration", autoArchiveMinutes)
        .put("archive_timestamp", createdAt.toString())
        .put("locked", false)
        .put("create_timestamp", createdAt.toString());
    return json;
  }

  /** A message as REST returns it (the gateway adds {@code guild_id} and {@code member}). */
  static ObjectNode message(String id, String channelId, FakeUser author, JsonNode sent,
      Instant timestamp) {
    ObjectNode json = object()
        .put("id", id)
        .put("type", 0)
        .put("channel_id", channelId);
    json.set("author", user(author));
    json.put("content", sent.path("content").asText(""))
        .put("timestamp", timestamp.toString())
        .putNull("edited_timestamp")
        .put("tts", false)
        .put("mention_everyone", false)
        .put("pinned", false)
        .put("flags", sent.path("flags").asInt(0));
    if (sent.hasNonNull("nonce")) {
      json.put("nonce", sent.get("nonce").asText());
    }
    json.putArray("mentions");
    json.putArray("mention_roles");
    ArrayNode attachments = json.putArray("attachments");
    for (JsonNode file : sent.path("stored_attachments")) {
      String attachmentId = Long.toString(Long.parseLong(id) + 1 + attachments.size());
      ObjectNode attachment = ((ObjectNode) file.deepCopy())
          .put("id", attachmentId)
          .put("url", "https://cdn.discordapp.invalid/attachments/" + channelId + "/" + attachmentId + "/" + file.path("filename").asText())
          .put("proxy_url", "https://media.discordapp.invalid/attachments/" + channelId + "/" + attachmentId + "/" + file.path("filename").asText())
          .put("width", 1)
          .put("height", 1);
      attachments.add(attachment);
    }
    json.set("embeds", embeds(sent));
    json.set("components", sent.has("components") ? sent.get("components").deepCopy() : array());
    return json;
  }

  /** A direct-message channel (type 1) with one recipient, as {@code POST users/@me/channels} returns it. */
  static ObjectNode directMessageChannel(String id, FakeUser recipient) {
    ObjectNode json = object().put("id", id).put("type", 1).putNull("last_message_id").put("flags", 0);
    json.putArray("recipients").add(user(recipient));
    return json;
  }

  /** The embeds a message was sent with, as Discord stores them: every one typed {@code rich}. */
  static ArrayNode embeds(JsonNode sent) {
    ArrayNode embeds = array();
    for (JsonNode embed : sent.path("embeds")) {
      ObjectNode stored = embed.deepCopy();
      if (!stored.has("type")) {
        stored.put("type", "rich");
      }
      embeds.add(stored);
    }
    return embeds;
  }
}
