package dev.dbq.ops;

import dev.dbq.testsupport.BotProcess;
import dev.dbq.testsupport.discord.FakeDiscord;
import dev.dbq.testsupport.slack.FakeSlack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Start-up to ready, and resident memory once ready, of dbq ({@code run} with Slack over HTTP and
 * Discord, the shipped bank, SQLite) against a bare Jetty + Bolt server in the same run, both
 * under {@code -Xmx128m} and pointed at loopback fakes of Slack and Discord. Median of {@value #RUNS} starts each.
 * Goals: start-up at most 2x the bare server; resident memory under 300 MB.
 */
public final class StartupBenchmark {

  private static final int RUNS = 3;
  private static final String SECRET = "benchmark-signing-secret";

  private StartupBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path scratch = Files.createTempDirectory("dbq-startup-");
    try (FakeSlack slack = FakeSlack.start(); FakeDiscord discord = FakeDiscord.start()) {
      Map<String, String> environment =
          Map.of("SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN, "SLACK_SIGNING_SECRET", SECRET, "SLACK_API_URL", slack.apiUrl());
      List<Sample> bare = new ArrayList<>();
      List<Sample> slackOnly = new ArrayList<>();
      List<Sample> both = new ArrayList<>();
      for (int run = 0; run < RUNS; run++) {
        bare.add(measure(BotProcess.startMain(environment, scratch, "bare-" + run, "/healthz",
            "-Xmx128m", MinimalBoltServer.class.getName(), "%PORT%", slack.apiUrl())));
        Map<String, String> slackDbq = new HashMap<>(environment);
        slackDbq.put("DBQ_DATABASE_URL", "jdbc:sqlite:" + scratch.resolve("slack-" + run + ".db"));
        slackOnly.add(measure(BotProcess.start(slackDbq, scratch, "slack-" + run, "-Xmx128m")));
        Map<String, String> bothDbq = new HashMap<>(environment);
        bothDbq.putAll(discord.environment());
        bothDbq.put("DBQ_DATABASE_URL", "jdbc:sqlite:" + scratch.resolve("both-" + run + ".db"));
        both.add(measure(BotProcess.start(bothDbq, scratch, "both-" + run, "-Xmx128m")));
      }
      Sample bareMedian = median(bare);
      Sample slackMedian = median(slackOnly);
      Sample bothMedian = median(both);
      System.out.printf("%nStart-up to ready (median of %d, -Xmx128m)%n", RUNS);
      System.out.printf("  bare Jetty + Bolt server      %6d ms   resident %4d MB%n", bareMedian.startMillis(), bareMedian.residentMb());
      System.out.printf("  dbq run, Slack                %6d ms   resident %4d MB   %.2fx the bare server (goal: at most 2x)%n",
          slackMedian.startMillis(), slackMedian.residentMb(), slackMedian.startMillis() / (double) bareMedian.startMillis());
      System.out.printf("  dbq run, Slack and Discord    %6d ms   resident %4d MB   (resident memory goal: under 300 MB)%n",
          bothMedian.startMillis(), bothMedian.residentMb());
    }
  }

  private record Sample(long startMillis, long residentMb) {}

  private static Sample measure(BotProcess process) throws Exception {
    long started = System.nanoTime();
    try (process) {
      process.awaitReady(Duration.ofSeconds(120));
      long millis = (System.nanoTime() - started) / 1_000_000;
      return new Sample(millis, process.residentBytes() / (1024 * 1024));
    }
  }

  private static Sample median(List<Sample> samples) {
    List<Long> starts = samples.stream().map(Sample::startMillis).sorted().toList();
    List<Long> resident = samples.stream().map(Sample::residentMb).sorted().toList();
    return new Sample(starts.get(starts.size() / 2), resident.get(resident.size() / 2));
  }
}
