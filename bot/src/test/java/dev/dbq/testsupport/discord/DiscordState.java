package dev.dbq.testsupport.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbq.testsupport.discord.FakeGuild.FakeChannel;
import dev.dbq.testsupport.discord.FakeGuild.FakeUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the fake Discord remembers: channels and threads, messages, registered commands and the
 * interactions it sent (to check their callbacks as Discord does: once, with the right token).
 */
final class DiscordState {

  /** An interaction the fake sent and how the bot answered it. */
  static final class SentInteraction {
    final String id;
    final String token;
    final String channelId;
    final int type;
    final JsonNode message; // the message a component sits on, or null
    int callbackType;
    String originalMessageId;

    SentInteraction(String id, String token, String channelId, int type, JsonNode message) {
      this.id = id;
      this.token = token;
      this.channelId = channelId;
      this.type = type;
      this.message = message;
    }
  }

  private static final Duration NONCE_MEMORY = Duration.ofMinutes(5);
  /** How long Discord accepts an interaction's callback and webhook (its token's life). */
  static final Duration INTERACTION_LIFETIME = Duration.ofMinutes(15);

  private final FakeGuild guild;
  private final Snowflakes ids;
  private final Clock clock;
  private final Map<String, ObjectNode> channels = new LinkedHashMap<>();
  private final Map<String, ObjectNode> threads = new LinkedHashMap<>();
  private final Map<String, ObjectNode> messages = new LinkedHashMap<>();
  /** The id of each message sent with a nonce, by channel, author and nonce. */
  private final Map<String, String> byNonce = new java.util.HashMap<>();
  /** Direct-message channels by id, and each one's recipient. */
  private final Map<String, ObjectNode> directMessages = new LinkedHashMap<>();
  private final Map<String, String> dmByRecipient = new LinkedHashMap<>();
  /** Users who take no direct messages from the bot (their privacy setting). */
  private final java.util.Set<String> closedDirectMessages = new java.util.HashSet<>();
  private final Map<String, ArrayNode> commandsByScope = new LinkedHashMap<>();
  private final Map<String, SentInteraction> interactions = new LinkedHashMap<>();
  private final Map<String, SentInteraction> interactionsByToken = new LinkedHashMap<>();

  DiscordState(FakeGuild guild, Snowflakes ids, Clock clock) {
    this.guild = guild;
    this.ids = ids;
    this.clock = clock;
    for (int i = 0; i < guild.channels().size(); i++) {
      FakeChannel channel = guild.channels().get(i);
      channels.put(channel.idString(), Payloads.textChannel(guild, channel, i));
    }
  }

  synchronized List<ObjectNode> activeThreads() {
    return threads.values().stream().filter(t -> !isArchived(t)).map(ObjectNode::deepCopy).toList();
  }

  /** A channel's archived public threads, the most recently archived first, as Discord lists them. */
  synchronized List<ObjectNode> archivedPublicThreads(String parentId) {
    channel(parentId);
    return threads.values().stream()
        .filter(t -> isArchived(t) && t.path("parent_id").asText().equals(parentId))
        .sorted(Comparator.comparing((ObjectNode t) -> t.path("thread_metadata").path("archive_timestamp").asText())
            .reversed())
        .map(ObjectNode::deepCopy)
        .toList();
  }

  /** Archives or unarchives a thread (a moderator's click, or a post in it); the thread as THREAD_UPDATE carries it. */
  synchronized ObjectNode setArchived(String threadId, boolean archived) {
    ObjectNode thread = threads.get(threadId);
    if (thread == null) {
      throw DiscordError.unknownChannel();
    }
    ((ObjectNode) thread.get("thread_metadata"))
        .put("archived", archived)
        .put("archive_timestamp", clock.instant().toString());
    return thread.deepCopy();
  }

  synchronized boolean isArchivedThread(String channelId) {
    ObjectNode thread = threads.get(channelId);
    return thread != null && isArchived(thread);
  }

  private static boolean isArchived(JsonNode thread) {
    return thread.path("thread_metadata").path("archived").asBoolean();
  }

  /**
   * {@code POST users/@me/channels}: the bot's DM channel with a member of the guild, the same
   * one each time. Opening it always works; a user whose DMs are closed refuses the message.
   */
  synchronized ObjectNode openDirectMessage(String recipientId) {
    FakeUser recipient = guild.members().stream().map(FakeGuild.FakeMember::user)
        .filter(u -> u.idString().equals(recipientId)).findFirst()
        .orElseThrow(() -> new DiscordError(400, 50035, "Invalid Form Body (recipient_id: unknown user)"));
    String id = dmByRecipient.computeIfAbsent(recipientId, r -> ids.nextId());
    directMessages.computeIfAbsent(id, i -> Payloads.directMessageChannel(i, recipient));
    return directMessages.get(id).deepCopy();
  }

  /** The bot's DM channel with this user, or null when it never opened one. */
  synchronized String directMessageChannelOf(String userId) {
    return dmByRecipient.get(userId);
  }

  synchronized void closeDirectMessages(String userId) {
    closedDirectMessages.add(userId);
  }

  synchronized boolean isDirectMessage(String channelId) {
    return directMessages.containsKey(channelId);
  }

  /** Discord's 403, code 50007, for a message to someone whose DMs are closed. */
  synchronized void checkDirectMessageAllowed(String channelId) {
    ObjectNode dm = directMessages.get(channelId);
    if (dm != null && closedDirectMessages.contains(dm.path("recipients").get(0).path("id").asText())) {
      throw new DiscordError(403, 50007, "Cannot send messages to this user");
    }
  }

  synchronized ObjectNode channel(String channelId) {
    ObjectNode channel = channels.containsKey(channelId) ? channels.get(channelId)
        : threads.containsKey(channelId) ? threads.get(channelId) : directMessages.get(channelId);
    if (channel == null) {
      throw DiscordError.unknownChannel();
    }
    return channel.deepCopy();
  }

  synchronized ObjectNode createMessage(String channelId, FakeUser author, JsonNode sent) {
    channel(channelId);
    ObjectNode message =
        Payloads.message(ids.nextId(), channelId, author, sent, clock.instant());
    messages.put(message.get("id").asText(), message);
    ObjectNode thread = threads.get(channelId);
    if (thread != null) {
      thread.put("message_count", thread.path("message_count").asInt() + 1)
          .put("total_message_count", thread.path("total_message_count").asInt() + 1)
          .put("last_message_id", message.get("id").asText());
    }
    return message.deepCopy();
  }

  /** A message posted: new, or the one made before with the same enforced nonce. */
  record Created(ObjectNode message, boolean isNew) {}

  /**
   * Creates the message, or with {@code enforce_nonce} returns the author's message in the
   * channel with the same nonce from the last few minutes: in one step, as Discord does, so that
   * a request sent again while the first is still handled (JDA after a read timeout) makes no
   * second message.
   */
  synchronized Created createMessageOnce(String channelId, FakeUser author, JsonNode sent) {
    Optional<ObjectNode> same = sameNonce(channelId, author, sent);
    if (same.isPresent()) {
      return new Created(same.get(), false);
    }
    ObjectNode message = createMessage(channelId, author, sent);
    String nonce = sent.path("nonce").asText("");
    if (!nonce.isEmpty()) {
      byNonce.put(nonceKey(channelId, author, nonce), message.get("id").asText());
    }
    return new Created(message, true);
  }

  private static String nonceKey(String channelId, FakeUser author, String nonce) {
    return channelId + "/" + author.idString() + "/" + nonce;
  }

  /**
   * With {@code enforce_nonce}, the author's message in the channel with the same nonce from the
   * last few minutes (Discord does not say how many; five here), which Discord returns instead of
   * creating another.
   */
  private synchronized Optional<ObjectNode> sameNonce(String channelId, FakeUser author, JsonNode sent) {
    if (!sent.path("enforce_nonce").asBoolean() || sent.path("nonce").asText("").isEmpty()) {
      return Optional.empty();
    }
    Instant since = clock.instant().minus(NONCE_MEMORY);
    // Looked up by key, not by a scan of every message: a fake holding 10,000 channels' rounds stays quick.
    return Optional.ofNullable(byNonce.get(nonceKey(channelId, author, sent.path("nonce").asText())))
        .map(messages::get)
        .filter(m -> !Instant.parse(m.path("timestamp").asText()).isBefore(since))
        .map(ObjectNode::deepCopy);
  }

  synchronized Map<String, Integer> messagesPerChannel() {
    Map<String, Integer> counts = new java.util.HashMap<>();
    messages.values().forEach(m -> counts.merge(m.path("channel_id").asText(), 1, Integer::sum));
    return counts;
  }

  synchronized ObjectNode message(String channelId, String messageId) {
    ObjectNode message = messages.get(messageId);
    if (message == null || !message.get("channel_id").asText().equals(channelId)) {
      throw DiscordError.unknownMessage();
    }
    return message.deepCopy();
  }

  synchronized ObjectNode editMessage(String messageId, JsonNode edit) {
    ObjectNode message = messages.get(messageId);
    if (message == null) {
      throw DiscordError.unknownMessage();
    }
    for (String field : new String[] {"content", "components", "flags"}) {
      if (edit.has(field)) {
        message.set(field, edit.get(field).deepCopy());
      }
    }
    if (edit.has("embeds")) {
      message.set("embeds", Payloads.embeds(edit));
    }
    message.put("edited_timestamp", clock.instant().toString());
    return message.deepCopy();
  }

  /** A thread on a message takes the message's id, as on Discord; one thread per message. */
  synchronized ObjectNode startThread(String channelId, String messageId, JsonNode request) {
    ObjectNode message = messages.get(messageId);
    if (message == null || !message.get("channel_id").asText().equals(channelId)) {
      throw DiscordError.unknownMessage();
    }
    if (threads.containsKey(messageId)) {
      throw new DiscordError(400, 160004, "A thread has already been created for this message");
    }
    String name = request.path("name").asText("");
    if (name.isEmpty() || name.length() > 100) {
      throw new DiscordError(400, 50035, "Invalid Form Body (name: 1 to 100 characters)");
    }
    ObjectNode thread = Payloads.thread(guild, messageId, channelId, name, guild.botUser(),
        clock.instant(), request.path("auto_archive_duration").asInt(1440));
    threads.put(messageId, thread);
    message.put("flags", message.path("flags").asInt() | 32); // HAS_THREAD
    message.set("thread", thread.deepCopy());
    return thread.deepCopy();
  }

  /** A thread someone else opened (for THREAD_CREATE events the tests send). */
  synchronized ObjectNode addThread(String parentId, String name, FakeUser owner) {
    channel(parentId);
    ObjectNode thread = Payloads.thread(guild, ids.nextId(), parentId, name, owner,
        clock.instant(), 1440);
    threads.put(thread.get("id").asText(), thread);
    return thread.deepCopy();
  }

  synchronized ArrayNode overwriteCommands(String scope, JsonNode commands) {
    if (!commands.isArray()) {
      throw new DiscordError(400, 50035, "Invalid Form Body (expected an array of commands)");
    }
    ArrayNode stored = Payloads.array();
    ArrayNode previous = commandsByScope.getOrDefault(scope, Payloads.array());
    for (JsonNode command : commands) {
      ObjectNode copy = command.deepCopy();
      String name = command.path("name").asText();
      String id = null;
      for (JsonNode old : previous) {
        if (old.path("name").asText().equals(name)) {
          id = old.get("id").asText(); // Discord keeps a command's id across overwrites
        }
      }
      copy.put("id", id != null ? id : ids.nextId())
          .put("application_id", guild.applicationIdString())
          .put("version", ids.nextId());
      if (!copy.has("type")) {
        copy.put("type", 1);
      }
      if (scope.equals("global")) {
        copy.remove("guild_id");
      } else {
        copy.put("guild_id", scope);
      }
      stored.add(copy);
    }
    commandsByScope.put(scope, stored);
    return stored.deepCopy();
  }

  synchronized ArrayNode commands(String scope) {
    return commandsByScope.getOrDefault(scope, Payloads.array()).deepCopy();
  }

  /** The registered command with this name (guild scope first), or null. */
  synchronized JsonNode registeredCommand(String name) {
    List<ArrayNode> scopes = new ArrayList<>();
    scopes.add(commandsByScope.get(guild.idString()));
    scopes.add(commandsByScope.get("global"));
    for (ArrayNode scope : scopes) {
      if (scope == null) {
        continue;
      }
      for (JsonNode command : scope) {
        if (command.path("name").asText().equals(name)) {
          return command.deepCopy();
        }
      }
    }
    return null;
  }

  synchronized SentInteraction remember(SentInteraction interaction) {
    interactions.put(interaction.id, interaction);
    interactionsByToken.put(interaction.token, interaction);
    return interaction;
  }

  /**
   * Applies a callback as Discord does: once per interaction; types 4 and 7 produce (or change)
   * a message, which is returned (null for the others).
   */
  synchronized ObjectNode callback(String interactionId, String token, JsonNode body) {
    SentInteraction interaction = interactions.get(interactionId);
    if (interaction == null || !interaction.token.equals(token) || expired(interaction)) {
      throw DiscordError.unknownInteraction();
    }
    if (interaction.callbackType != 0) {
      throw new DiscordError(400, 40060, "Interaction has already been acknowledged.");
    }
    int type = body.path("type").asInt();
    interaction.callbackType = type;
    JsonNode data = body.path("data");
    switch (type) {
      case 4 -> {
        ObjectNode message = createInteractionMessage(interaction, data, 20);
        interaction.originalMessageId = message.get("id").asText();
        return message.deepCopy();
      }
      case 5 -> {
        // Deferred: Discord shows "thinking" as a loading message that the edit fills in.
        ObjectNode loading = createInteractionMessage(interaction, data, 20);
        loading.put("flags", loading.path("flags").asInt() | 128); // LOADING
        interaction.originalMessageId = loading.get("id").asText();
        return null;
      }
      case 6 -> {
        interaction.originalMessageId = messageIdOf(interaction);
        return null;
      }
      case 7 -> {
        interaction.originalMessageId = messageIdOf(interaction);
        if (!messages.containsKey(interaction.originalMessageId)) {
          messages.put(interaction.originalMessageId, interaction.message.deepCopy());
        }
        return editMessage(interaction.originalMessageId, data);
      }
      case 8, 9 -> {
        return null;
      }
      default -> throw new DiscordError(400, 50035, "Invalid Form Body (type " + type + ")");
    }
  }

  private String messageIdOf(SentInteraction interaction) {
    if (interaction.message == null) {
      throw new DiscordError(400, 50035, "Invalid Form Body (no message to update)");
    }
    return interaction.message.get("id").asText();
  }

  private ObjectNode createInteractionMessage(SentInteraction interaction, JsonNode data,
      int messageType) {
    ObjectNode message = Payloads.message(ids.nextId(), interaction.channelId, guild.botUser(),
        data, clock.instant());
    message.put("type", messageType)
        .put("webhook_id", guild.applicationIdString())
        .put("application_id", guild.applicationIdString());
    messages.put(message.get("id").asText(), message);
    return message;
  }

  private SentInteraction byToken(String token) {
    SentInteraction interaction = interactionsByToken.get(token);
    if (interaction == null) {
      throw new DiscordError(404, 10015, "Unknown Webhook");
    }
    if (expired(interaction)) {
      throw new DiscordError(401, 50027, "Invalid Webhook Token");
    }
    return interaction;
  }

  private boolean expired(SentInteraction interaction) {
    return Snowflakes.createdAt(interaction.id).plus(INTERACTION_LIFETIME).isBefore(clock.instant());
  }

  /** {@code webhooks/{app}/{token}/messages/@original} (or a message id). */
  synchronized ObjectNode webhookMessage(String token, String messageId) {
    SentInteraction interaction = byToken(token);
    String id = messageId.equals("@original") ? interaction.originalMessageId : messageId;
    if (id == null || !messages.containsKey(id)) {
      throw DiscordError.unknownMessage();
    }
    return messages.get(id).deepCopy();
  }

  synchronized ObjectNode editWebhookMessage(String token, String messageId, JsonNode edit) {
    SentInteraction interaction = byToken(token);
    String id = messageId.equals("@original") ? interaction.originalMessageId : messageId;
    if (id == null || !messages.containsKey(id)) {
      throw DiscordError.unknownMessage();
    }
    ObjectNode message = messages.get(id);
    message.put("flags", message.path("flags").asInt() & ~128);
    return editMessage(id, edit);
  }

  synchronized ObjectNode followup(String token, JsonNode data) {
    SentInteraction interaction = byToken(token);
    if (interaction.callbackType == 0) {
      throw DiscordError.unknownWebhookBeforeAck();
    }
    return createInteractionMessage(interaction, data, 0).deepCopy();
  }
}
