package dev.dbq.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbq.chat.ChannelKey;
import dev.dbq.round.ChannelSchedule;
import dev.dbq.round.ChannelSettings;
import dev.dbq.round.ChannelSnapshot;
import dev.dbq.round.Days;
import dev.dbq.testsupport.EachBackend;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

/** The plan of each channel's next run, by which a tick reads only the channels with work due. */
class ChannelPlanTest {

  private static final ChannelKey EARLY = new ChannelKey("slack", "T1", "early");
  private static final ChannelKey LATE = new ChannelKey("slack", "T1", "late");
  private static final ChannelSchedule AT_NINE =
      new ChannelSchedule(LocalTime.of(9, 0), ZoneOffset.UTC, Days.WEEKDAYS, LocalTime.of(17, 0), true);
  private static final Instant NOON = Instant.parse("2026-11-30T12:00:00Z");

  @EachBackend
  void aTickReadsOnlyTheChannelsWhosePlannedRunHasComeEachWithItsNewestRound(Database database) {
    // given: two channels, each with two rounds, one planned before noon and one after
    Store store = Store.on(database);
    for (ChannelKey channel : List.of(EARLY, LATE)) {
      store.channels().save(new ChannelSettings(channel, AT_NINE, null));
      store.rounds().claim(channel, LocalDate.parse("2026-11-27"), "q1", NOON.minusSeconds(3 * 86_400));
      store.rounds().claim(channel, LocalDate.parse("2026-11-30"), "q2", NOON.minusSeconds(3 * 3600));
    }
    for (ChannelSnapshot channel : store.rounds().scheduled()) {
      Instant at = channel.settings().channel().equals(EARLY) ? NOON.minusSeconds(60) : NOON.plusSeconds(60);
      store.channels().planNextRun(channel.settings().channel(), channel.version(), at);
    }

    // when
    List<ChannelSnapshot> due = store.rounds().dueBy(NOON);

    // then
    assertEquals(List.of(EARLY), due.stream().map(c -> c.settings().channel()).toList());
    assertEquals(LocalDate.parse("2026-11-30"), due.get(0).latest().date());
    assertEquals(2, store.rounds().scheduled().size());
  }

  @EachBackend
  void aPlanMadeBeforeTheChannelChangedIsNotWrittenSoItStaysDue(Database database) {
    // given: the engine read the channel, then an admin saved its schedule
    Store store = Store.on(database);
    store.channels().save(new ChannelSettings(EARLY, AT_NINE, null));
    ChannelSnapshot read = store.rounds().dueBy(NOON).get(0);
    store.channels().save(new ChannelSettings(EARLY, AT_NINE, "difficulty=hard"));

    // when: the engine writes the plan it made from what it read
    store.channels().planNextRun(EARLY, read.version(), NOON.plusSeconds(86_400));

    // then
    assertEquals(1, store.rounds().dueBy(NOON).size());
  }

  @EachBackend
  void runSoonMakesAPlannedChannelDueAtTheNextTick(Database database) {
    // given
    Store store = Store.on(database);
    store.channels().save(new ChannelSettings(EARLY, AT_NINE, null));
    ChannelSnapshot read = store.rounds().dueBy(NOON).get(0);
    store.channels().planNextRun(EARLY, read.version(), NOON.plusSeconds(86_400));

    // when
    store.channels().runSoon(EARLY);

    // then
    assertEquals(List.of(EARLY), store.rounds().dueBy(NOON).stream().map(c -> c.settings().channel()).toList());
  }
}
