package dev.dbq.app;

import dev.dbq.chat.ChannelKey;
import dev.dbq.config.ConfigLoader;
import dev.dbq.config.DbqConfig;
import dev.dbq.console.ConsoleClock;
import dev.dbq.discord.DiscordPlatform;
import dev.dbq.http.HttpServer;
import dev.dbq.round.ChannelSchedule;
import dev.dbq.round.ChannelSettings;
import dev.dbq.slack.SlackPlatform;
import dev.dbq.slack.SlackSettings;
import dev.dbq.testsupport.Backend;
import dev.dbq.testsupport.TestBanks;
import dev.dbq.testsupport.TestDatabase;
import dev.dbq.testsupport.discord.FakeDiscord;
import dev.dbq.testsupport.discord.FakeGuild;
import dev.dbq.testsupport.discord.FakeGuild.FakeChannel;
import dev.dbq.testsupport.discord.RecordedRequest;
import dev.dbq.testsupport.slack.FakeSlack;
import dev.dbq.testsupport.slack.SignedRequests;
import dev.dbq.testsupport.slack.SlackCall;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The question of the day going out to many channels due the same minute, through the whole
 * bot (SQLite, the real Slack SDK to {@link FakeSlack}, the real JDA to {@link FakeDiscord}),
 * with every 10th round post answered 429 {@code Retry-After: 1}: the time of the tick (every
 * round posted, its thread opened, its first follow-up sent) against the same channels with no
 * 429 (the anchor, same run). Each channel must have exactly one round a day, and the order of
 * the channels must change from one day to the next (day two is timed too; the day's reveals go
 * out at 17:00 between the two, untimed).
 *
 * <p>Run: {@code mvn -o -q -B -pl bot test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.dbq.app.FanOutBenchmark} (arguments: the numbers of channels, default
 * {@code 1000 10000}; {@code -Dfanout.platforms=discord} runs one platform).
 */
public final class FanOutBenchmark {

  private static final Instant DAY_ONE = Instant.parse("2026-12-01T09:00:00Z");
  private static final Instant DAY_ONE_REVEAL = Instant.parse("2026-12-01T17:00:00Z");
  private static final Instant DAY_TWO = Instant.parse("2026-12-02T09:00:00Z");
  private static final ChannelSchedule SCHEDULE =
      new ChannelSchedule(LocalTime.of(9, 0), ZoneOffset.UTC, EnumSet.allOf(DayOfWeek.class), LocalTime.of(17, 0), true);
  private static final int EVERY = 10;
  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
  private static final Pattern MESSAGES = Pattern.compile("channels/(\\d+)/messages");

  /** A platform under test: how it starts, rate-limits, and counts each channel's rounds. */
  private interface Setup extends AutoCloseable {
    String name();

    List<ChannelKey> channels();

    List<Platform> platforms(DbqConfig config);

    /** From now on every {@code EVERY}th round post is answered 429 (or none when false). */
    void rateLimit(boolean on);

    /** Round posts that landed, per channel, and the channels in the order their first post landed. */
    Landed landed();
  }

  private record Landed(Map<String, Integer> roundsPerChannel, List<String> order) {}

  private record Day(double seconds, int posted, int duplicated, int missing, int rateLimited, List<String> order) {}

  public static void main(String[] args) throws Exception {
    List<Integer> counts = new ArrayList<>();
    for (String arg : args) {
      counts.add(Integer.parseInt(arg));
    }
    if (counts.isEmpty()) {
      counts = List.of(1_000, 10_000);
    }
    System.out.printf("every %dth round post answered 429 Retry-After %d s; anchor: the same with no 429;"
        + " SQLite; time of the tick that posts every channel (thread and first follow-up included)%n",
        EVERY, RETRY_AFTER.toSeconds());
    for (int count : counts) {
      for (boolean slack : new boolean[] {true, false}) {
        if (!System.getProperty("fanout.platforms", "slack,discord").contains(slack ? "slack" : "discord")) {
          continue;
        }
        Day anchor = run(slack ? new SlackSetup(count) : new DiscordSetup(count), false).get(0);
        List<Day> loaded = run(slack ? new SlackSetup(count) : new DiscordSetup(count), true);
        String platform = slack ? "Slack" : "Discord";
        print(platform, count, "no 429 (anchor)", anchor, null);
        print(platform, count, "429 every 10th, day 1", loaded.get(0), anchor);
        print(platform, count, "429 every 10th, day 2", loaded.get(1), anchor);
        System.out.printf("%-8s %,6d channels: order of day 2 vs day 1: %s%n", platform, count, compare(loaded.get(0).order(), loaded.get(1).order()));
      }
    }
  }

  private static void print(String platform, int count, String what, Day day, Day anchor) {
    System.out.printf("%-8s %,6d channels, %-22s %7.2f s%s | posted once %,d, twice or more %d, missing %d, 429s %d%n",
        platform, count, what + ":", day.seconds(),
        anchor == null ? "        " : String.format(" (x%.2f)", day.seconds() / anchor.seconds()),
        day.posted(), day.duplicated(), day.missing(), day.rateLimited());
  }

  /** Where the channels that came first and last on day one came on day two. */
  private static String compare(List<String> first, List<String> second) {
    int n = first.size();
    int tenth = Math.max(1, n / 10);
    double lastTenthThen = 0;
    int samePlace = 0;
    Map<String, Integer> place = new java.util.HashMap<>();
    for (int i = 0; i < second.size(); i++) {
      place.put(second.get(i), i);
    }
    for (int i = 0; i < n; i++) {
      Integer then = place.get(first.get(i));
      if (then != null && then == i) {
        samePlace++;
      }
      if (i >= n - tenth && then != null) {
        lastTenthThen += then;
      }
    }
    return String.format("%d of %,d in the same place; day 1's last tenth came on average at %.0f%% of day 2",
        samePlace, n, 100.0 * lastTenthThen / tenth / n);
  }

  /** Two days (only the first when not loaded): each timed, counted, checked. */
  private static List<Day> run(Setup setup, boolean loaded) throws Exception {
    try (setup; TestDatabase database = Backend.SQLITE.create()) {
      DbqConfig config = new ConfigLoader(Map.of()).parse("bench.yml", "");
      List<Platform> platforms = setup.platforms(config);
      ConsoleClock clock = new ConsoleClock(ZoneOffset.UTC, DAY_ONE.minus(Duration.ofHours(1)));
      Bot bot = new Bot(database.database(), config, TestBanks.library(), BotRuntime.router(platforms), clock, new SplittableRandom(42));
      HttpServer http = new HttpServer(0);
      try (BotRuntime runtime = BotRuntime.start(bot, platforms, http)) {
        for (ChannelKey channel : setup.channels()) {
          bot.rounds().saveSettings(new ChannelSettings(channel, SCHEDULE, null));
        }
        bot.rounds().runDue(); // plans every channel: the timed tick reads only what is due
        setup.rateLimit(loaded);
        List<Day> days = new ArrayList<>();
        Landed before = setup.landed();
        days.add(day(setup, bot, clock, DAY_ONE, before));
        if (loaded) {
          clock.set(DAY_ONE_REVEAL);
          setup.rateLimit(false);
          bot.rounds().runDue();
          setup.rateLimit(true);
          days.add(day(setup, bot, clock, DAY_TWO, setup.landed()));
        }
        return days;
      } finally {
        http.close();
      }
    }
  }

  private static Day day(Setup setup, Bot bot, ConsoleClock clock, Instant at, Landed before) {
    AtomicInteger limited = RATE_LIMITED;
    int limitedBefore = limited.get();
    clock.set(at);
    long start = System.nanoTime();
    bot.rounds().runDue();
    double seconds = (System.nanoTime() - start) / 1e9;
    Landed after = setup.landed();
    int once = 0;
    int twice = 0;
    int missing = 0;
    for (ChannelKey channel : setup.channels()) {
      int rounds = after.roundsPerChannel().getOrDefault(channel.channel(), 0)
          - before.roundsPerChannel().getOrDefault(channel.channel(), 0);
      if (rounds == 1) {
        once++;
      } else if (rounds == 0) {
        missing++;
      } else {
        twice++;
      }
    }
    List<String> order = after.order().subList(before.order().size(), after.order().size());
    if (twice > 0 || missing > 0) {
      System.out.printf("NOT MET: %d channels posted more than once, %d not posted%n", twice, missing);
    }
    return new Day(seconds, once, twice, missing, limited.get() - limitedBefore, List.copyOf(order));
  }

  private static final AtomicInteger RATE_LIMITED = new AtomicInteger();

  /** Every {@code EVERY}th call the predicate is asked about that is a round's post. */
  private static <T> Predicate<T> everyTenth(Predicate<T> roundPost) {
    AtomicInteger posts = new AtomicInteger();
    return call -> {
      if (roundPost.test(call) && posts.incrementAndGet() % EVERY == 0) {
        RATE_LIMITED.incrementAndGet();
        return true;
      }
      return false;
    };
  }

  private static final class SlackSetup implements Setup {
    private final FakeSlack slack = FakeSlack.start();
    private final List<ChannelKey> channels = new ArrayList<>();

    SlackSetup(int count) {
      for (int i = 0; i < count; i++) {
        channels.add(new ChannelKey("slack", FakeSlack.TEAM_ID, String.format("C%07d", i)));
      }
    }

    @Override
    public String name() {
      return "Slack";
    }

    @Override
    public List<ChannelKey> channels() {
      return channels;
    }

    @Override
    public List<Platform> platforms(DbqConfig config) {
      return List.of(SlackPlatform.fromEnvironment(Map.of(
          SlackSettings.BOT_TOKEN, FakeSlack.BOT_TOKEN,
          SlackSettings.SIGNING_SECRET, SignedRequests.SIGNING_SECRET,
          SlackSettings.API_URL, slack.apiUrl()), config).orElseThrow());
    }

    @Override
    public void rateLimit(boolean on) {
      slack.rateLimitWhere(on ? everyTenth(SlackSetup::roundPost) : call -> false, RETRY_AFTER);
    }

    private static boolean roundPost(SlackCall call) {
      return call.method().equals("chat.postMessage") && call.text("thread_ts") == null;
    }

    /** Rounds counted where they landed (the fake's channels); the order from the posts Slack took. */
    @Override
    public Landed landed() {
      List<String> order = new ArrayList<>();
      for (SlackCall call : slack.calls("chat.postMessage")) {
        if (roundPost(call) && call.succeeded()) {
          order.add(call.text("channel"));
        }
      }
      Map<String, Integer> held = new java.util.HashMap<>();
      for (ChannelKey channel : channels) {
        held.put(channel.channel(), slack.messagesIn(channel.channel()).size());
      }
      return new Landed(held, order);
    }

    @Override
    public void close() {
      slack.close();
    }
  }

  private static final class DiscordSetup implements Setup {
    private final FakeDiscord discord;
    private final List<ChannelKey> channels = new ArrayList<>();
    private final java.util.Set<String> textChannels = new java.util.HashSet<>();

    DiscordSetup(int count) {
      FakeGuild.Builder guild = FakeGuild.builder();
      for (int i = 0; i < count; i++) {
        guild.textChannel("prep-" + i);
      }
      discord = FakeDiscord.builder().guild(guild.build()).start();
      for (FakeChannel channel : discord.guild().channels()) {
        if (channel.name().startsWith("prep-")) {
          channels.add(new ChannelKey("discord", discord.guild().idString(), channel.idString()));
          textChannels.add(channel.idString());
        }
      }
    }

    @Override
    public String name() {
      return "Discord";
    }

    @Override
    public List<ChannelKey> channels() {
      return channels;
    }

    @Override
    public List<Platform> platforms(DbqConfig config) {
      return List.of(DiscordPlatform.fromEnvironment(discord.environment(), config).orElseThrow());
    }

    @Override
    public void rateLimit(boolean on) {
      discord.rateLimitWhere(on ? everyTenth(this::roundPost) : request -> false, RETRY_AFTER.toSeconds());
    }

    private boolean roundPost(RecordedRequest request) {
      Matcher messages = MESSAGES.matcher(request.path());
      return request.method().equals("POST") && messages.matches() && textChannels.contains(messages.group(1));
    }

    @Override
    public Landed landed() {
      List<String> order = new ArrayList<>();
      for (RecordedRequest request : discord.requests("POST", MESSAGES.pattern())) {
        if (roundPost(request) && request.status() == 200) {
          Matcher messages = MESSAGES.matcher(request.path());
          messages.matches();
          order.add(messages.group(1));
        }
      }
      return new Landed(discord.messagesPerChannel(), order);
    }

    @Override
    public void close() throws Exception {
      discord.close();
    }
  }
}
