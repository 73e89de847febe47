package dev.dbq.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.chat.ChannelKey;
import dev.dbq.round.Participation.Source;
import dev.dbq.round.Participation;
import dev.dbq.testsupport.EachBackend;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

class ParticipationRepositoryTest {

  private static final ChannelKey TEAM = new ChannelKey("slack", "T1", "C1");
  private static final ChannelKey SAME_ID_OTHER_WORKSPACE = new ChannelKey("slack", "T2", "C1");
  private static final LocalDate MONDAY = LocalDate.parse("2025-03-03");
  private static final Instant POSTED = Instant.parse("2025-03-03T08:00:00Z");

  @EachBackend
  void recordsParticipationOncePerUserAndRound(Database database) {
    // given
    ParticipationRepository participations = new ParticipationRepository(database);
    long round = claim(database, TEAM, MONDAY);
    Participation reply =
        new Participation(round, "U1", POSTED.plusSeconds(60), Source.THREAD_REPLY);

    // when
    boolean first = participations.record(reply);
    boolean again =
        participations.record(
            new Participation(round, "U1", POSTED.plusSeconds(90), Source.ANSWERED_BUTTON));
    boolean otherUser =
        participations.record(
            new Participation(round, "U2", POSTED.plusSeconds(95), Source.ANSWERED_BUTTON));

    // then
    assertTrue(first);
    assertFalse(again);
    assertTrue(otherUser);
    assertEquals(2, participations.count(round));
    assertEquals(reply, participations.forChannel(TEAM).get(0), "the first one is kept");
  }

  @EachBackend
  void listsParticipationsOfOneChannelByRoundDate(Database database) {
    // given
    ParticipationRepository participations = new ParticipationRepository(database);
    long tuesday = claim(database, TEAM, MONDAY.plusDays(1));
    long monday = claim(database, TEAM, MONDAY);
    long elsewhere = claim(database, SAME_ID_OTHER_WORKSPACE, MONDAY);
    Participation onTuesday =
        new Participation(tuesday, "U1", POSTED.plusSeconds(86_400), Source.THREAD_REPLY);
    Participation onMonday =
        new Participation(monday, "U1", POSTED.plusSeconds(60), Source.THREAD_REPLY);
    participations.record(onTuesday);
    participations.record(onMonday);
    participations.record(new Participation(elsewhere, "U1", POSTED, Source.THREAD_REPLY));

    // when
    List<Participation> listed = participations.forChannel(TEAM);

    // then
    assertEquals(List.of(onMonday, onTuesday), listed);
    assertEquals(0, participations.count(claim(database, TEAM, MONDAY.plusDays(2))));
  }

  @EachBackend
  void refusesParticipationInUnknownRound(Database database) {
    // given
    ParticipationRepository participations = new ParticipationRepository(database);

    // when
    StoreException thrown =
        assertThrows(
            StoreException.class,
            () -> participations.record(new Participation(404, "U1", POSTED, Source.THREAD_REPLY)));

    // then
    assertTrue(
        thrown.getMessage().startsWith("Failed to record participation of U1 in round 404: "),
        thrown.getMessage());
  }

  private static long claim(Database database, ChannelKey channel, LocalDate date) {
    return new RoundRepository(database).claim(channel, date, "q1", POSTED).orElseThrow().id();
  }
}
