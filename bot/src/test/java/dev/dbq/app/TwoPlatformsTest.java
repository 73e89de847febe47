package dev.dbq.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.chat.Caller;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.Reply;
import dev.dbq.config.ConfigLoader;
import dev.dbq.config.DbqConfig;
import dev.dbq.console.ConsoleClock;
import dev.dbq.testsupport.EachBackend;
import dev.dbq.testsupport.FakePlatform;
import dev.dbq.testsupport.RecordingGateway;
import dev.dbq.testsupport.TestBanks;
import dev.dbq.testsupport.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Two platforms in one bot on one database: each round goes out through its own platform's
 * gateway only, and commands and thread replies from both reach the core through the one
 * inbound entry.
 */
class TwoPlatformsTest {

  private static final Instant MONDAY_0800 = Instant.parse("2026-12-07T08:00:00Z");
  private static final Instant MONDAY_0900 = Instant.parse("2026-12-07T09:00:00Z");

  private final FakePlatform alpha = new FakePlatform("alpha");
  private final FakePlatform beta = new FakePlatform("beta");
  private final ChannelKey alphaChannel = alpha.channel("team-a", "standup");
  private final ChannelKey betaChannel = beta.channel("guild-b", "general");
  private ConsoleClock clock;

  @EachBackend
  void eachPlatformsRoundPostsThroughItsOwnGatewayAndRepliesCountWhereTheyBelong(TestDatabase database) {
    // given one bot with both platforms, and an admin on each scheduling a channel there
    try (BotRuntime runtime = start(database, MONDAY_0800)) {
      assertTrue(runtime.ready());
      Reply scheduled = alpha.command(alphaChannel, "ann", true, "/dbq schedule set 09:00 UTC daily");
      beta.command(betaChannel, "bob", true, "/dbq schedule set 09:00 UTC daily");
      assertTrue(text(scheduled).startsWith("Schedule saved."), text(scheduled));

      // when the post time comes
      clock.set(MONDAY_0900);
      runtime.bot().rounds().runDue();

      // then each platform posted its own channel's round, and nothing of the other's
      assertEquals(List.of(alphaChannel), postedChannels(alpha.gateway()));
      assertEquals(List.of(betaChannel), postedChannels(beta.gateway()));

      // when people reply in each round's thread (and one reply is delivered to the wrong platform's channel)
      String alphaThread = runtime.bot().rounds().currentRound(alphaChannel).orElseThrow().threadRef();
      String betaThread = runtime.bot().rounds().currentRound(betaChannel).orElseThrow().threadRef();
      Reply alphaReply = alpha.threadReply(alphaChannel, alphaThread, "ann", "a-1");
      Reply betaReply = beta.threadReply(betaChannel, betaThread, "bob", "b-1");
      Reply misdelivered = beta.threadReply(betaChannel, alphaThread, "eve", "b-2");

      // then each counts in its own channel only
      assertEquals("(ann: counted for today's question)", text(alphaReply));
      assertEquals("(bob: counted for today's question)", text(betaReply));
      assertEquals("(not counted)", text(misdelivered));
      assertTrue(text(alpha.command(alphaChannel, "ann", false, "/dbq streak")).contains("Current streak: 1"));
      assertTrue(text(beta.command(betaChannel, "bob", false, "/dbq streak")).contains("Current streak: 1"));
      assertTrue(text(beta.command(betaChannel, "ann", false, "/dbq streak")).contains("Current streak: 0"));
    }
  }

  @EachBackend
  void aChannelOfAPlatformThisProcessDoesNotRunIsLeftForAnotherInstance(TestDatabase database) {
    // given a channel of a platform that runs elsewhere, scheduled in the shared database
    ChannelKey elsewhere = new ChannelKey("gamma", "team-g", "general");
    try (BotRuntime runtime = start(database, MONDAY_0800)) {
      runtime.bot().rounds().saveSettings(runtime.bot().rounds().settings(elsewhere));

      // when its post time comes here
      clock.set(MONDAY_0900);
      runtime.bot().rounds().runDue();

      // then this process does not claim its round (it could not post it)
      assertTrue(runtime.bot().rounds().currentRound(elsewhere).isEmpty());
      assertEquals(List.of(), alpha.gateway().posts());
    }
  }

  @EachBackend
  void onlyAdminsChangeASchedule(TestDatabase database) {
    // given ann is an admin by config, bob by nobody's word
    try (BotRuntime runtime = start(database, MONDAY_0800, "admins: [\"alpha:ann\"]\n")) {
      // when both try to turn the question of the day on
      Reply byConfigAdmin = alpha.command(alphaChannel, "ann", false, "/dbq schedule set 09:00 UTC daily");
      Reply byOthers = beta.command(betaChannel, "bob", false, "/dbq schedule set 09:00 UTC daily");

      // then only ann's change is saved
      assertTrue(text(byConfigAdmin).startsWith("Schedule saved."), text(byConfigAdmin));
      assertTrue(text(byOthers).startsWith("Only admins can change the schedule"), text(byOthers));
      assertEquals(List.of(alphaChannel), runtime.bot().rounds().scheduledChannels().stream().map(s -> s.channel()).toList());
    }
  }

  @EachBackend
  void typedOptionsReachTheSameHandlersAsTypedLines(TestDatabase database) {
    // given
    try (BotRuntime runtime = start(database, MONDAY_0800)) {
      Caller bob = new Caller(betaChannel, "bob", false);
      Caller ann = new Caller(betaChannel, "ann", false);
      java.util.Set<String> typed = new java.util.TreeSet<>();
      java.util.Set<String> withOptions = new java.util.TreeSet<>();

      // when the same command comes typed and with options (a value with a space, as Discord sends it),
      // more often than the topic has questions: each person's deal then covers them all
      for (int i = 0; i < 6; i++) {
        typed.add(runtime.bot().inbound().command(bob, "/dbq random topic:\"CAP theorem\"").title());
        withOptions.add(runtime.bot().inbound().command(ann, List.of("random"), Map.of("topic", "CAP theorem")).title());
      }

      // then both pick from the same questions
      assertEquals(typed, withOptions);
      assertFalse(withOptions.stream().anyMatch(title -> title.startsWith("No question")), withOptions.toString());
    }
  }

  private BotRuntime start(TestDatabase database, Instant now) {
    return start(database, now, "");
  }

  private BotRuntime start(TestDatabase database, Instant now, String yaml) {
    DbqConfig config = new ConfigLoader(Map.of()).parse("test.yml", yaml);
    List<Platform> platforms = List.of(alpha, beta);
    clock = new ConsoleClock(config.rounds().zone(), now);
    Bot bot = new Bot(database.database(), config, TestBanks.library(), BotRuntime.router(platforms), clock, new SplittableRandom(7));
    return BotRuntime.start(bot, platforms, HttpRoutes.NONE);
  }

  private static List<ChannelKey> postedChannels(RecordingGateway gateway) {
    return gateway.posts().stream().map(RecordingGateway.Message::channel).toList();
  }

  private static String text(Reply reply) {
    return reply.blocks().stream()
        .filter(Reply.Text.class::isInstance)
        .map(b -> ((Reply.Text) b).markdown())
        .collect(Collectors.joining("\n"));
  }
}
