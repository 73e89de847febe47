package dev.dbq.discord;

import dev.dbq.chat.AnswerDeadline;
import dev.dbq.chat.Caller;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.CommandSpec;
import dev.dbq.chat.Inbound;
import dev.dbq.chat.OptionSpec;
import dev.dbq.chat.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InteractionExpiredException;
import net.dv8tion.jda.api.exceptions.ParsingException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IModalCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slash commands, button presses and autocomplete, each answered through the core's one
 * {@link Inbound}. The work runs off JDA's event thread. Discord wants an answer within three
 * seconds ({@link AnswerDeadline.Budget#DISCORD}): a reply ready in time goes out at once (so a
 * shared reply is shared, and most replies cost one request); a slower one is deferred
 * (ephemeral) and delivered through the interaction's hook when ready.
 */
final class DiscordInteractions extends ListenerAdapter {

  static final int AUTOCOMPLETE_LIMIT = 25;
  static final int CHOICE_LIMIT = 100;
  static final String EXPIRED =
      "This button has expired: what it pointed to is no longer in the question banks. Try `/dbq random` or `/dbq search`.";
  static final String GUILD_ONLY = "`/dbq` works in a server's channels, not in direct messages.";
  static final String FAILED = "Sorry, that failed on our side. It was logged; please try again.";
  static final String OTHER_COMMAND = "This app only answers `/dbq`; `/%s` is not one of its commands.";
  static final String EXPIRED_FORM = "This form is no longer in use: run the command again.";
  static final String NO_VALUE = "The option `%s` came without a value: please fill it in and try again.";

  /** Discord's permission bits, read from the interaction's member when JDA gives the raw payload. */
  private static final long ADMINISTRATOR = Permission.ADMINISTRATOR.getRawValue();
  private static final long MANAGE_SERVER = Permission.MANAGE_SERVER.getRawValue();

  private static final Logger log = LoggerFactory.getLogger(DiscordInteractions.class);

  private final Inbound inbound;
  private final AnswerDeadline deadline;
  private final Executor work;
  private final LostAnswers lost;
  private final String apiUrl;

  /** @param work where autocomplete is answered (commands and presses go through the {@code deadline}) */
  DiscordInteractions(Inbound inbound, AnswerDeadline deadline, Executor work, LostAnswers lost, String apiUrl) {
    this.inbound = inbound;
    this.deadline = deadline;
    this.work = work;
    this.lost = lost;
    this.apiUrl = apiUrl;
  }

  @Override
  public void onReady(ReadyEvent event) {
    UnreadableInteractions.install(event.getJDA(), apiUrl, lost);
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    if (!SlashCommands.NAME.equals(event.getName())) {
      // A command left over from another registration of this app: say so rather than let it time out.
      log.info("Discord interaction {}: unknown command /{}", event.getId(), event.getName());
      replyNow(event, OTHER_COMMAND.formatted(event.getName()));
      return;
    }
    Optional<Caller> caller = caller(event, event.getRawData());
    if (caller.isEmpty()) {
      replyNow(event, GUILD_ONLY);
      return;
    }
    List<String> path = Stream.of(event.getSubcommandGroup(), event.getSubcommandName()).filter(Objects::nonNull).toList();
    Map<String, String> options = new LinkedHashMap<>();
    for (OptionMapping option : event.getOptions()) {
      Optional<String> value = valueOf(option);
      if (value.isEmpty()) {
        log.info("Discord interaction {}: option {} without a value", event.getId(), option.getName());
        replyNow(event, NO_VALUE.formatted(option.getName()));
        return;
      }
      options.put(option.getName(), value.get());
    }
    respond(event, () -> inbound.command(caller.get(), path, options));
  }

  /** The option's value as text (a user option's is the user's id, as the core wants it); empty when Discord sent none. */
  private static Optional<String> valueOf(OptionMapping option) {
    try {
      return Optional.of(option.getAsString());
    } catch (ParsingException missing) {
      return Optional.empty();
    }
  }

  /** A one-line private answer, sent at once (bad input, wrong place): no work to wait for. */
  private void replyNow(IReplyCallback event, String text) {
    event.reply(text).setEphemeral(true).setAllowedMentions(JdaMessages.NO_MENTIONS)
        .queue(null, e -> lost.lost(event.getId(), e));
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    Optional<Caller> caller = caller(event, event.getRawData());
    if (caller.isEmpty()) {
      replyNow(event, GUILD_ONLY);
      return;
    }
    String customId = event.getComponentId();
    respond(event, () -> {
      Optional<String> action = ButtonIds.decode(customId, inbound.complete(OptionSpec.Completion.QUESTION_ID, "", Integer.MAX_VALUE));
      if (action.isEmpty()) {
        log.info("Unknown or expired button {} pressed by {}", customId, caller.get().userId());
        return Reply.text(EXPIRED);
      }
      return inbound.press(caller.get(), action.get());
    });
  }

  /** A form (modal) the person submitted: its values go to the core, whose reply is private. */
  @Override
  public void onModalInteraction(ModalInteractionEvent event) {
    Optional<String> formId = DiscordForms.formId(event.getModalId());
    Optional<Caller> caller = caller(event, event.getRawData());
    if (caller.isEmpty() || formId.isEmpty()) {
      replyNow(event, caller.isEmpty() ? GUILD_ONLY : EXPIRED_FORM);
      return;
    }
    Map<String, String> values = DiscordForms.values(event.getValues());
    work.execute(() -> respond(event, () -> inbound.submit(caller.get(), formId.get(), values)));
  }

  @Override
  public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
    if (!SlashCommands.NAME.equals(event.getName())) {
      event.replyChoiceStrings(List.of()).queue(null, e -> lost.lost(event.getId(), e));
      return;
    }
    String focused = event.getFocusedOption().getName();
    String typed = event.getFocusedOption().getValue();
    List<String> path = Stream.of(event.getSubcommandGroup(), event.getSubcommandName()).filter(Objects::nonNull).toList();
    work.execute(() -> {
      OptionSpec.Completion what = completion(inbound.commands(), path, focused);
      List<String> suggestions =
          inbound.complete(what, typed, AUTOCOMPLETE_LIMIT).stream()
              .filter(s -> !s.isBlank() && s.length() <= CHOICE_LIMIT)
              .limit(AUTOCOMPLETE_LIMIT)
              .toList();
      event.replyChoiceStrings(suggestions).queue(null, e -> lost.lost(event.getId(), e));
    });
  }

  /** What the option at {@code path} / {@code option} completes, from the handlers' descriptions. */
  static OptionSpec.Completion completion(List<CommandSpec> specs, List<String> path, String option) {
    List<CommandSpec> level = specs;
    CommandSpec found = null;
    for (String name : path) {
      found = level.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
      if (found == null) {
        return OptionSpec.Completion.NONE;
      }
      level = found.subcommands();
    }
    return found == null
        ? OptionSpec.Completion.NONE
        : found.options().stream().filter(o -> o.name().equals(option)).map(OptionSpec::completion).findFirst()
            .orElse(OptionSpec.Completion.NONE);
  }

  /**
   * Works out the reply on a worker and sends it: at once when it is ready within the budget,
   * else after a deferral, through the hook (which JDA holds back until the deferral is through).
   * {@link AnswerDeadline} decides which.
   */
  private void respond(IReplyCallback event, Supplier<Reply> answer) {
    // A refused deferral fails the hook too: the loss is reported once.
    AtomicBoolean reported = new AtomicBoolean();
    Consumer<Throwable> lose = e -> {
      if (reported.compareAndSet(false, true)) {
        lost.lost(event.getId(), e);
      }
    };
    deadline.handle(false, answer, new AnswerDeadline.Delivery<>() {
      @Override
      public void answer(Reply reply) {
        send(event, lose, () -> reply(event, reply));
      }

      @Override
      public void acknowledge() {
        event.deferReply(true).queue(null, lose);
      }

      @Override
      public void deliverLater(Reply reply) {
        send(event, lose, () -> deliverDeferred(event.getHook(), reply));
      }

      @Override
      public void lost(String reason) {
        if (reported.compareAndSet(false, true)) {
          lost.expired(event.getId());
        }
      }

      @Override
      public Reply failed(RuntimeException e) {
        log.error("Discord interaction {} failed", event.getId(), e);
        return Reply.text(FAILED);
      }
    });
  }

  private static void send(IReplyCallback event, Consumer<Throwable> lose, Runnable sending) {
    try {
      sending.run();
    } catch (InteractionExpiredException | ErrorResponseException e) {
      // Discord's window had closed, or it refused the message: the person got nothing.
      lose.accept(e);
    } catch (RuntimeException e) {
      lose.accept(e);
      log.error("Discord interaction {}: sending the answer failed", event.getId(), e);
    }
  }

  private static void reply(IReplyCallback event, Reply reply) {
    if (reply.isForm()) {
      if (event instanceof IModalCallback modalCallback) {
        modalCallback.replyModal(DiscordForms.modal(reply.form())).complete();
        return;
      }
      reply = Reply.text(DiscordForms.TOO_LATE); // a modal cannot answer a modal
    }
    boolean ephemeral = reply.visibility() == Reply.Visibility.CALLER;
    List<DiscordMessages.Message> messages = DiscordMessages.render(reply);
    event.reply(JdaMessages.create(messages.get(0))).setEphemeral(ephemeral).setAllowedMentions(JdaMessages.NO_MENTIONS).complete();
    sendFollowUps(event.getHook(), messages.subList(1, messages.size()), ephemeral);
  }

  /**
   * The deferral was ephemeral (the reply's visibility was not known yet): the first message
   * replaces it; a shared reply is sent as a visible follow-up instead, with a note to the caller.
   */
  private static void deliverDeferred(InteractionHook hook, Reply reply) {
    if (reply.isForm()) {
      reply = Reply.text(DiscordForms.TOO_LATE); // a modal must be the interaction's first answer, and the deferral already was
    }
    boolean ephemeral = reply.visibility() == Reply.Visibility.CALLER;
    List<DiscordMessages.Message> messages = DiscordMessages.render(reply);
    if (ephemeral) {
      hook.editOriginal(JdaMessages.edit(messages.get(0))).setAllowedMentions(JdaMessages.NO_MENTIONS).complete();
      sendFollowUps(hook, messages.subList(1, messages.size()), true);
    } else {
      hook.editOriginal(JdaMessages.edit(DiscordMessages.render(Reply.text("Shared in the channel.")).get(0)))
          .setAllowedMentions(JdaMessages.NO_MENTIONS)
          .complete();
      sendFollowUps(hook, messages, false);
    }
  }

  private static void sendFollowUps(InteractionHook hook, List<DiscordMessages.Message> messages, boolean ephemeral) {
    for (DiscordMessages.Message message : messages) {
      hook.sendMessage(JdaMessages.create(message)).setEphemeral(ephemeral).setAllowedMentions(JdaMessages.NO_MENTIONS).complete();
    }
  }

  /**
   * Who acted, and in which channel: a thread counts as its parent channel, where the rounds
   * and the schedule live. Empty outside a guild.
   */
  private static Optional<Caller> caller(Interaction interaction, DataObject raw) {
    Guild guild = interaction.getGuild();
    Member member = interaction.getMember();
    if (guild == null || member == null || !(interaction.getChannel() instanceof GuildChannel channel)) {
      return Optional.empty();
    }
    String channelId = channel instanceof ThreadChannel thread ? thread.getParentChannel().getId() : channel.getId();
    ChannelKey key = new ChannelKey(DiscordPlatform.NAME, guild.getId(), channelId);
    return Optional.of(new Caller(key, member.getId(), isAdmin(member, raw)));
  }

  /**
   * Administrator or Manage Server. Discord puts the member's permissions in the interaction;
   * JDA's own answer, worked out from cached roles, is the fallback.
   */
  static boolean isAdmin(Member member, DataObject raw) {
    Optional<Long> sent =
        Optional.ofNullable(raw)
            .map(r -> r.optObject("d").orElse(r))
            .flatMap(d -> d.optObject("member"))
            .filter(m -> !m.isNull("permissions"))
            .map(m -> Long.parseUnsignedLong(m.getString("permissions")));
    if (sent.isPresent()) {
      return (sent.get() & (ADMINISTRATOR | MANAGE_SERVER)) != 0;
    }
    return member.hasPermission(Permission.ADMINISTRATOR) || member.hasPermission(Permission.MANAGE_SERVER);
  }
}
