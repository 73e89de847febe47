package dev.dbq.round;

import java.util.function.Supplier;
import dev.dbq.chat.ChannelGateway;
import dev.dbq.chat.ChannelKey;
import dev.dbq.bank.BankLibrary;
import dev.dbq.bank.Question;
import dev.dbq.command.CommandException;
import dev.dbq.command.FilterParser;
import dev.dbq.command.CommandLine;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a channel's question of the day: picks a question not yet asked in this cycle, claims
 * the date in the database (so several instances post once), posts it and opens its thread.
 */
final class RoundPosting {

  private static final Logger log = LoggerFactory.getLogger(RoundPosting.class);

  private final Supplier<BankLibrary> banks;
  private final RoundStore store;
  private final ChannelGateway gateway;
  private final QuestionPicker picker;
  private final RoundThreads threads;
  private final String globalFilters;

  RoundPosting(
      Supplier<BankLibrary> banks, RoundStore store, ChannelGateway gateway, QuestionPicker picker, RoundThreads threads, String globalFilters) {
    this.banks = banks;
    this.store = store;
    this.gateway = gateway;
    this.picker = picker;
    this.threads = threads;
    this.globalFilters = globalFilters;
  }

  /** Posts the round of a slot and returns it; empty when the channel already has one for that date. */
  Optional<Round> post(ChannelSettings settings, PostSlot slot, Instant now) {
    BankLibrary library = banks.get();
    ChannelKey channel = settings.channel();
    List<String> candidates = candidates(settings);
    int cycle = store.history().currentCycle(channel);
    String previous = store.rounds().latest(channel).map(Round::questionId).orElse(null);
    Optional<QuestionPicker.Pick> pick = picker.pick(candidates, store.history().askedIn(channel, cycle), previous);
    if (pick.isEmpty()) {
      log.warn("{}: no question matches the channel's filters; no round on {}", channel, slot.date());
      return Optional.empty();
    }
    Optional<Round> claimed = store.rounds().claim(channel, slot.date(), pick.get().questionId(), now);
    if (claimed.isEmpty()) {
      return Optional.empty();
    }
    Round round = claimed.get();
    store.history().recordAsked(channel, pick.get().startsNewCycle() ? cycle + 1 : cycle, round.questionId(), now);
    Question question = library.question(round.questionId()).orElseThrow();
    ChannelGateway.PostedMessage posted = gateway.post(channel, RoundMessages.question(round, question));
    store.rounds().markPosted(round.id(), posted.messageRef(), posted.threadRef());
    log.info("{}: posted round {} of {} ({})", channel, round.id(), slot.date(), round.questionId());
    Round open = store.rounds().find(round.id()).orElseThrow();
    threads.sendFollowUpIfDue(open, question, now);
    return Optional.of(open);
  }

  /** The ids of the questions this channel may ask: the config's and the channel's filters. */
  private List<String> candidates(ChannelSettings settings) {
    BankLibrary library = banks.get();
    String filters = (globalFilters + " " + (settings.filters() == null ? "" : settings.filters())).strip();
    try {
      return library.filter(new FilterParser(library).parse(CommandLine.words(filters))).stream()
          .map(Question::id)
          .toList();
    } catch (CommandException e) {
      log.warn("{}: its question filters '{}' match nothing: {}", settings.channel(), filters, e.getMessage());
      return List.of();
    }
  }
}
