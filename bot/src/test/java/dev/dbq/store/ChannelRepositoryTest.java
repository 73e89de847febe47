package dev.dbq.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.chat.ChannelKey;
import dev.dbq.round.ChannelSchedule;
import dev.dbq.round.ChannelSettings;
import dev.dbq.round.Days;
import dev.dbq.testsupport.EachBackend;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

class ChannelRepositoryTest {

  private static final ChannelKey TEAM = new ChannelKey("slack", "T1", "C1");
  private static final ChannelSchedule WEEKDAYS_AT_NINE =
      new ChannelSchedule(
          LocalTime.of(9, 0), ZoneId.of("Europe/Berlin"), Days.WEEKDAYS, LocalTime.of(17, 0), true);

  @EachBackend
  void storesAndFindsChannelSettings(Database database) {
    // given
    ChannelRepository channels = new ChannelRepository(database);
    ChannelSettings settings =
        new ChannelSettings(TEAM, WEEKDAYS_AT_NINE, "difficulty=hard topic=indexes");

    // when
    channels.save(settings);

    // then
    assertEquals(Optional.of(settings), channels.find(TEAM));
    assertTrue(channels.find(new ChannelKey("slack", "T2", "C1")).isEmpty());
  }

  @EachBackend
  void replacesEarlierSettingsOfTheChannel(Database database) {
    // given
    ChannelRepository channels = new ChannelRepository(database);
    channels.save(new ChannelSettings(TEAM, WEEKDAYS_AT_NINE, "difficulty=hard"));
    ChannelSettings changed =
        new ChannelSettings(
            TEAM,
            new ChannelSchedule(
                LocalTime.of(10, 30, 15),
                ZoneId.of("America/New_York"),
                EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.WEDNESDAY),
                LocalTime.of(16, 45),
                false),
            null);

    // when
    channels.save(changed);

    // then
    assertEquals(Optional.of(changed), channels.find(TEAM));
  }

  @EachBackend
  void listsOnlyChannelsWithEnabledSchedule(Database database) {
    // given the same channel id on three platforms/workspaces, one disabled
    ChannelRepository channels = new ChannelRepository(database);
    ChannelSettings discord =
        new ChannelSettings(new ChannelKey("discord", "G1", "C1"), WEEKDAYS_AT_NINE, null);
    ChannelSettings slack = new ChannelSettings(TEAM, WEEKDAYS_AT_NINE, null);
    ChannelSchedule off =
        new ChannelSchedule(
            LocalTime.of(9, 0), ZoneId.of("UTC"), Set.of(), LocalTime.of(17, 0), false);
    channels.save(slack);
    channels.save(discord);
    channels.save(new ChannelSettings(new ChannelKey("slack", "T2", "C1"), off, null));

    // when
    List<ChannelSettings> enabled = channels.enabled();

    // then
    assertEquals(List.of(discord, slack), enabled);
  }
}
