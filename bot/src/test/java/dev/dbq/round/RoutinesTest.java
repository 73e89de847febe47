package dev.dbq.round;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbq.app.Features;
import dev.dbq.bank.BankLibrary;
import dev.dbq.console.ConsoleClock;
import dev.dbq.store.Store;
import dev.dbq.testsupport.EachBackend;
import dev.dbq.testsupport.RecordingGateway;
import dev.dbq.testsupport.TestBanks;
import dev.dbq.testsupport.TestBot;
import dev.dbq.testsupport.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** The engine of scheduled work: routines from the registry, run and planned from their classes alone. */
class RoutinesTest {

  private static final Instant MONDAY_0800 = Instant.parse("2026-11-30T08:00:00Z");
  private static final ChannelSchedule WEEKDAYS_AT_NINE =
      new ChannelSchedule(LocalTime.of(9, 0), ZoneOffset.UTC, Days.WEEKDAYS, LocalTime.of(17, 0), true);

  /** A kind of work added beside the registry's: a note at 10:00 each day, as a recap would be. */
  private static final class DailyNote implements Routine {
    final List<Instant> ran = new ArrayList<>();

    @Override
    public String name() {
      return "note";
    }

    @Override
    public boolean isDue(ChannelSnapshot channel, Instant now) {
      Instant today = now.atZone(ZoneOffset.UTC).toLocalDate().atTime(10, 0).toInstant(ZoneOffset.UTC);
      return !now.isBefore(today) && (ran.isEmpty() || ran.get(ran.size() - 1).isBefore(today));
    }

    @Override
    public void run(ChannelSnapshot channel, Instant now) {
      ran.add(now);
    }

    @Override
    public Optional<Instant> nextDueAfter(ChannelSnapshot channel, Instant after) {
      Instant today = after.atZone(ZoneOffset.UTC).toLocalDate().atTime(10, 0).toInstant(ZoneOffset.UTC);
      return Optional.of(today.isAfter(after) ? today : today.plus(Duration.ofDays(1)));
    }
  }

  @EachBackend
  void aKindAddedToTheRegistryIsPlannedAndRunByTheEngineAlone(TestDatabase database) {
    // given: the registry's routines and one more
    DailyNote note = new DailyNote();
    ConsoleClock clock = new ConsoleClock(ZoneOffset.UTC, MONDAY_0800);
    BankLibrary library = TestBanks.library();
    RoundService rounds = new RoundService(
        () -> library, Store.on(database.database()), new RecordingGateway(), clock, new SplittableRandom(1),
        new RoundPolicy(Duration.ofHours(2), Duration.ofHours(1), WEEKDAYS_AT_NINE, ""),
        (channel, outcome) -> {},
        service -> {
          List<Routine> routines = new ArrayList<>(Features.routines(service));
          routines.add(note);
          return routines;
        });
    rounds.enroll(TestBot.GENERAL);

    // when: the clock moves through the morning as the console's :time moves it
    rounds.runDue();
    List<Instant> stops = new ArrayList<>();
    Instant noon = MONDAY_0800.plus(Duration.ofHours(4));
    for (Optional<Instant> next = rounds.nextDueAfter(clock.instant());
        next.isPresent() && !next.get().isAfter(noon);
        next = rounds.nextDueAfter(clock.instant())) {
      clock.set(next.get());
      stops.add(next.get());
      rounds.runDue();
    }

    // then: the post at 09:00 and the note at 10:00, each once
    assertEquals(List.of(MONDAY_0800.plus(Duration.ofHours(1)), MONDAY_0800.plus(Duration.ofHours(2))), stops);
    assertEquals(List.of(MONDAY_0800.plus(Duration.ofHours(2))), note.ran);
  }

  @EachBackend
  void aScheduleMovedAfterTheChannelWasPlannedPostsAtItsNewTime(TestDatabase database) {
    // given: at 08:00 the channel is planned for its 09:00 post
    TestBot bot = TestBot.on(database.openAnother(), "", MONDAY_0800);
    RoundService rounds = bot.bot().rounds();
    rounds.saveSettings(new ChannelSettings(TestBot.GENERAL, WEEKDAYS_AT_NINE, null));
    rounds.runDue();

    // when: the post moves to 08:30 and the clock gets there
    rounds.saveSettings(new ChannelSettings(TestBot.GENERAL,
        new ChannelSchedule(LocalTime.of(8, 30), ZoneOffset.UTC, Days.WEEKDAYS, LocalTime.of(17, 0), true), null));
    bot.clock().set(MONDAY_0800.plus(Duration.ofMinutes(30)));
    rounds.runDue();

    // then
    assertEquals(1, bot.gateway().posts().size());
  }
}
