package dev.dbq.app;

import dev.dbq.bank.BankLibrary;
import dev.dbq.bank.FilterKey;
import dev.dbq.bank.Question;
import dev.dbq.chat.Caller;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.CommandContext;
import dev.dbq.chat.CommandSpec;
import dev.dbq.chat.Inbound;
import dev.dbq.chat.OptionSpec;
import dev.dbq.chat.Reply;
import dev.dbq.chat.ThreadMessage;
import dev.dbq.command.CommandHandler;
import dev.dbq.command.Commands;
import dev.dbq.round.ParticipationWords;
import dev.dbq.round.RoundService;
import dev.dbq.streak.HomePage;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The core's one inbound entry: every platform's commands, presses and thread messages. */
final class BotInbound implements Inbound {

  private static final Logger log = LoggerFactory.getLogger(BotInbound.class);
  /**
   * A delivery this slow is logged at INFO (Slack allows three seconds); the others at DEBUG, as
   * /metrics counts and times every one: a busy team's log keeps what is worth a look.
   */
  static final Duration SLOW = Duration.ofMillis(500);

  private final Commands commands;
  private final RoundService rounds;
  private final HomePage home;
  private final Admins admins;
  private final Supplier<BankLibrary> banks;
  private final BotMetrics metrics;
  private final boolean storageIsLocal;

  BotInbound(
      Commands commands,
      RoundService rounds,
      HomePage home,
      Admins admins,
      Supplier<BankLibrary> banks,
      BotMetrics metrics,
      boolean storageIsLocal) {
    this.metrics = metrics;
    this.storageIsLocal = storageIsLocal;
    this.commands = commands;
    this.rounds = rounds;
    this.home = home;
    this.admins = admins;
    this.banks = banks;
  }

  @Override
  public Reply command(Caller caller, String line) {
    return timed(caller.channel(), commands.nameOf(line), () -> commands.dispatch(context(caller), line));
  }

  @Override
  public Reply command(Caller caller, List<String> path, Map<String, String> options) {
    return timed(caller.channel(), commands.nameOf(path), () -> commands.dispatch(context(caller), path, options));
  }

  /** A button's action is a {@code /dbq} line run for whoever pressed it. */
  @Override
  public Reply press(Caller caller, String action) {
    return timed(caller.channel(), "press:" + commands.nameOf(action), () -> commands.dispatch(context(caller), action));
  }

  /** No feature opens a form yet: a submission can only be a stale one (the bot changed since). */
  @Override
  public Reply submit(Caller caller, String formId, Map<String, String> values) {
    return timed(caller.channel(), "submit:" + formId, () -> {
      log.info("a submission of the unknown form {} in {} was answered as expired", formId, caller.channel());
      return Reply.text("This form is no longer in use: run the command again.");
    });
  }

  @Override
  public Reply threadMessage(ChannelKey channel, String threadRef, ThreadMessage message) {
    return timed(
        channel, "thread_message", () -> ParticipationWords.threadReply(message.userId(), rounds.reply(channel, threadRef, message)));
  }

  @Override
  public List<String> complete(OptionSpec.Completion what, String typed, int limit) {
    BankLibrary library = banks.get();
    Collection<String> values =
        switch (what) {
          case NONE -> List.of();
          case QUESTION_ID ->
              Stream.concat(
                      library.questions().stream().map(Question::id),
                      library.scenarios().stream().map(s -> s.id()))
                  .toList();
          case TOPIC -> library.vocabulary(FilterKey.TOPIC).keySet();
          case COMPANY -> library.vocabulary(FilterKey.COMPANY).keySet();
        };
    String wanted = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    Stream<String> prefixFirst =
        Stream.concat(
            values.stream().filter(v -> shortForm(v).startsWith(wanted) || v.toLowerCase(Locale.ROOT).startsWith(wanted)),
            values.stream().filter(v -> !shortForm(v).startsWith(wanted) && v.toLowerCase(Locale.ROOT).contains(wanted)));
    return prefixFirst.distinct().limit(limit).toList();
  }

  /** {@code q5} for {@code database-architecture/q5}: what users type. */
  private static String shortForm(String value) {
    return value.substring(value.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean answersAtOnce(String line) {
    return commands.answersAtOnce(line, storageIsLocal);
  }

  @Override
  public List<CommandSpec> commands() {
    return commands.handlers().stream().filter(CommandHandler::listed).map(CommandHandler::spec).toList();
  }

  @Override
  public Reply home(String platform, String workspace, String userId) {
    return home.of(platform, workspace, userId);
  }

  /** Runs one delivery: one timing and one log line each, named by platform, channel and command. */
  private Reply timed(ChannelKey channel, String command, Supplier<Reply> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      metrics.served(channel.platform(), command, took);
      if (took.compareTo(SLOW) >= 0) {
        log.info("{} {} took {} ms", command, channel, took.toMillis());
      } else if (log.isDebugEnabled()) {
        log.debug("{} {} in {} ms", command, channel, took.toMillis());
      }
    }
  }

  private CommandContext context(Caller caller) {
    return new CommandContext(caller.channel(), caller.userId(), () -> admins.isAdmin(caller));
  }
}
