package dev.dbq.slack;

import com.sun.management.OperatingSystemMXBean;
import dev.dbq.ops.MinimalBoltServer;
import dev.dbq.testsupport.Backend;
import dev.dbq.testsupport.TestDatabase;
import dev.dbq.testsupport.slack.FakeSlack;
import dev.dbq.testsupport.slack.SignedRequests;
import dev.dbq.testsupport.slack.SlackPayloads;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How fast {@code /slack/events} answers signed {@code /dbq random}, {@code /dbq streak} and {@code
 * /dbq leaderboard} commands (the last two over a channel with 60 rounds and 40 people), beside
 * two baselines measured in the same run: the same server's {@code /healthz}, and a minimal Bolt
 * app in the same process (same Jetty set-up, same signature check) that acks a fixed 2 KB reply.
 *
 * <p>The peak comes from wrk on loopback (Debian's package; one thread, so that it leaves the
 * servers as much of the machine as it can). The Bolt app and dbq take turns, {@value #ROUNDS}
 * rounds; each round's two runs are compared and the median of those ratios is the figure, so
 * that a slow spell on a shared machine falls on both sides of a ratio. Beside each peak: the server process's CPU time per request, the steadier figure when
 * client and server share the cores. Then {@link LoadClient} sends each command, and the Bolt app's
 * request, at a fixed half of the command's peak (wrk cannot hold a rate) for the latency goal:
 * p99 at most 1.2x the Bolt app's.
 *
 * <pre>bash bench/run</pre>
 */
public final class SlackHttpBenchmark {

  private static final int CONNECTIONS = 8;
  private static final int WARMUP_SECONDS = 5;
  private static final int SECONDS = 10;
  private static final int ROUNDS = 5;
  private static final OperatingSystemMXBean OS = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);

  private SlackHttpBenchmark() {}

  /** The commands measured, each against the minimal Bolt app in the same round. */
  private static final List<String> COMMANDS = List.of("random", "streak", "leaderboard");
  private static final String CHANNEL = "C0BENCH";
  private static final String USER = "U0BENCH";
  /** The channel's history for streak and leaderboard: daily rounds, and who took part in each. */
  private static final int HISTORY_ROUNDS = 60;
  private static final int HISTORY_USERS = 40;

  public static void main(String[] args) throws Exception {
    try (TestDatabase database = Backend.SQLITE.create();
        SlackBot dbq = SlackBot.overHttp(database.database(), "", Instant.now());
        MinimalBoltServer minimal =
            MinimalBoltServer.start(0, dbq.slack.apiUrl(), FakeSlack.BOT_TOKEN, SignedRequests.SIGNING_SECRET)) {
      history(database, LocalDate.now(ZoneOffset.UTC));
      // Signed afresh for each run: Slack's signatures are valid for five minutes, and the whole
      // benchmark takes longer.
      String responseUrl = dbq.slack.responseUrl();
      List<String> results = new ArrayList<>();
      peak("/healthz", dbq.url("/healthz"), null, results);
      List<Result> bolt = new ArrayList<>();
      Map<String, List<Result>> dbqRuns = new LinkedHashMap<>();
      COMMANDS.forEach(command -> dbqRuns.put(command, new ArrayList<>()));
      for (int round = 1; round <= ROUNDS; round++) {
        try (SignedCommand boltBody = SignedCommand.of("random", responseUrl)) {
          bolt.add(peak("minimal Bolt ack (2 KB) #" + round, minimal.eventsUrl(), boltBody.script, results));
        }
        for (String command : COMMANDS) {
          try (SignedCommand signed = SignedCommand.of(command, responseUrl)) {
            dbqRuns.get(command).add(peak("/dbq " + command + " #" + round, dbq.eventsUrl(), signed.script, results));
          }
        }
      }
      List<String> summary = new ArrayList<>();
      for (String command : COMMANDS) {
        List<Result> runs = dbqRuns.get(command);
        Result medianRun = median("/dbq " + command + ", median", runs, results);
        // Both at the same fixed rate, half the command's peak: the latency goal compares like with like.
        int rate = (int) (medianRun.rps / 2);
        Result boltHalf;
        Result half;
        try (SignedCommand boltBody = SignedCommand.of("random", responseUrl)) {
          boltHalf = atRate("minimal Bolt at " + rate + "/s", minimal.eventsUrl(), boltBody.body, boltBody.headers, rate, results);
        }
        try (SignedCommand body = SignedCommand.of(command, responseUrl)) {
          half = atRate("/dbq " + command + " at " + rate + "/s", dbq.eventsUrl(), body.body, body.headers, rate, results);
        }
        // Each round's two runs were back to back: compare within rounds, then take the median.
        List<Double> throughput = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
          throughput.add(runs.get(round).rps / bolt.get(round).rps);
          cpu.add(runs.get(round).cpuMicros / bolt.get(round).cpuMicros);
        }
        summary.add(String.format(
            "/dbq %-11s vs minimal Bolt app, round by round: %s; median %.2fx the throughput (goal >= 0.9x), %.2fx the CPU"
                + " per request; p99 at half peak %.2f ms vs the Bolt app's %.2f ms: %.2fx (goal <= 1.2x)",
            command, ratios(throughput), median(throughput), median(cpu), half.p99, boltHalf.p99, half.p99 / boltHalf.p99));
      }

      System.out.println();
      System.out.printf("%-32s %10s %9s %9s %7s %12s%n", "endpoint", "req/s", "p50 ms", "p99 ms", "errors", "CPU µs/req");
      results.forEach(System.out::println);
      System.out.println();
      summary.forEach(System.out::println);
    }
  }

  /** A signed {@code /dbq} request: its form body, headers and the wrk script that sends it. */
  private record SignedCommand(Path body, Map<String, String> headers, Path script) implements AutoCloseable {
    static SignedCommand of(String text, String responseUrl) throws IOException {
      String timestamp = Long.toString(Instant.now().getEpochSecond());
      String form = form(SlackPayloads.slashCommand(FakeSlack.TEAM_ID, CHANNEL, USER, text, responseUrl));
      Path body = Files.createTempFile("dbq-bench", ".form");
      Files.writeString(body, form);
      Map<String, String> headers = Map.of(
          "Content-Type", "application/x-www-form-urlencoded",
          "X-Slack-Request-Timestamp", timestamp,
          "X-Slack-Signature", SignedRequests.sign(SignedRequests.SIGNING_SECRET, timestamp, form));
      return new SignedCommand(body, headers, wrkScript(body, headers));
    }

    @Override
    public void close() throws IOException {
      Files.delete(body);
      Files.delete(script);
    }
  }

  /**
   * The benchmark channel's past: a round a day up to today (the newest open), each answered by
   * a seeded two thirds of {@value #HISTORY_USERS} people, the caller among them.
   */
  private static void history(TestDatabase database, LocalDate today) throws SQLException {
    SplittableRandom random = new SplittableRandom(7);
    try (Connection connection = database.database().dataSource().getConnection();
        PreparedStatement round = connection.prepareStatement(
            "INSERT INTO rounds (platform, workspace, channel, round_date, question_id, posted_at, message_ref, thread_ref, state)"
                + " VALUES ('slack', ?, ?, ?, 'q1', ?, ?, ?, ?) RETURNING id");
        PreparedStatement participation = connection.prepareStatement(
            "INSERT INTO participations (round_id, user_id, participated_at, source) VALUES (?, ?, ?, 'THREAD_REPLY')")) {
      for (int day = HISTORY_ROUNDS - 1; day >= 0; day--) {
        LocalDate date = today.minusDays(day);
        long postedAt = date.atTime(9, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
        round.setString(1, FakeSlack.TEAM_ID);
        round.setString(2, CHANNEL);
        round.setString(3, date.toString());
        round.setLong(4, postedAt);
        round.setString(5, "ts-" + date);
        round.setString(6, "ts-" + date);
        round.setString(7, day == 0 ? "posted" : "closed");
        long id;
        try (ResultSet row = round.executeQuery()) {
          row.next();
          id = row.getLong(1);
        }
        for (int user = 0; user < HISTORY_USERS; user++) {
          if (random.nextInt(3) < 2) {
            participation.setLong(1, id);
            participation.setString(2, user == 0 ? USER : "U" + user);
            participation.setLong(3, postedAt + 60_000L * user);
            participation.executeUpdate();
          }
        }
      }
    }
  }

  /** One run's figures; {@code cpuMicros} is the server process's CPU time per request. */
  private record Result(double rps, double p50, double p99, long errors, double cpuMicros) {}

  /** Warm-up, then the measured run, both from wrk at its peak. */
  private static Result peak(String name, String url, Path script, List<String> results) throws Exception {
    wrk(url, script, WARMUP_SECONDS);
    long cpuBefore = OS.getProcessCpuTime();
    WrkOutput out = wrk(url, script, SECONDS);
    double cpuMicros = (OS.getProcessCpuTime() - cpuBefore) / 1e3 / Math.max(1, out.requests);
    if (out.requests == 0) {
      throw new IllegalStateException("no load reached " + url);
    }
    return report(name, new Result(out.requests / (double) SECONDS, out.p50, out.p99, out.errors, cpuMicros), results);
  }

  /** The round with the median throughput, whole (its other figures are its own). */
  private static Result median(String name, List<Result> rounds, List<String> results) {
    List<Result> sorted = rounds.stream().sorted(Comparator.comparingDouble(Result::rps)).toList();
    return report(name, sorted.get(sorted.size() / 2), results);
  }

  private static double median(List<Double> values) {
    return values.stream().sorted().toList().get(values.size() / 2);
  }

  private static String ratios(List<Double> values) {
    return values.stream().map(r -> String.format("%.2fx", r)).collect(Collectors.joining(" "));
  }

  private static Result report(String name, Result result, List<String> results) {
    results.add(String.format("%-32s %10.0f %9.2f %9.2f %7d %12s", name, result.rps, result.p50, result.p99, result.errors,
        Double.isNaN(result.cpuMicros) ? "-" : String.format("%.1f", result.cpuMicros)));
    return result;
  }

  private record WrkOutput(long requests, double p50, double p99, long errors) {}

  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern SOCKET_ERRORS =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

  private static WrkOutput wrk(String url, Path script, int seconds) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("wrk", "-t1", "-c" + CONNECTIONS, "-d" + seconds + "s", "--latency"));
    if (script != null) {
      command.addAll(List.of("-s", script.toString()));
    }
    command.add(url);
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalStateException("wrk is needed for this benchmark (Debian: apt-get install wrk)", e);
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("wrk failed: " + out);
    }
    long errors = count(NON_2XX, out);
    Matcher socket = SOCKET_ERRORS.matcher(out);
    if (socket.find()) {
      for (int group = 1; group <= 4; group++) {
        errors += Long.parseLong(socket.group(group));
      }
    }
    return new WrkOutput(count(REQUESTS, out), percentile("50", out), percentile("99", out), errors);
  }

  private static long count(Pattern pattern, String out) {
    Matcher m = pattern.matcher(out);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  /** A line of wrk's latency distribution, {@code 99%    2.27ms}, in milliseconds. */
  private static double percentile(String percent, String out) {
    Matcher m = Pattern.compile("^\\s*" + percent + "%\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE).matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("no " + percent + "% line in wrk's output: " + out);
    }
    double value = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> value / 1e3;
      case "s" -> value * 1e3;
      default -> value;
    };
  }

  /** A wrk script that sends the signed form. */
  private static Path wrkScript(Path body, Map<String, String> headers) throws IOException {
    StringBuilder lua = new StringBuilder("wrk.method = \"POST\"\n")
        .append("local f = io.open(\"").append(body).append("\", \"rb\")\n")
        .append("wrk.body = f:read(\"*a\")\nf:close()\n");
    headers.forEach((name, value) -> lua.append("wrk.headers[\"").append(name).append("\"] = \"").append(value).append("\"\n"));
    Path script = Files.createTempFile("dbq-bench", ".lua");
    Files.writeString(script, lua);
    return script;
  }

  /** {@link LoadClient} in its own JVM at a fixed rate: latency counted from when each request was due. */
  private static Result atRate(String name, String url, Path body, Map<String, String> headers, int rate, List<String> results)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"), "-cp", ownClasses(),
        LoadClient.class.getName(), url, body.toString(),
        String.valueOf(CONNECTIONS), String.valueOf(WARMUP_SECONDS), String.valueOf(SECONDS), String.valueOf(rate)));
    headers.forEach((header, value) -> command.add(header + ":" + value));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("the load client failed: " + out);
    }
    String[] line = out.strip().split(" "); // requests errors rps p50 p99
    // No CPU figure: the process's CPU time would include the client's warm-up at peak.
    return report(name, new Result(Double.parseDouble(line[2]), Double.parseDouble(line[3]), Double.parseDouble(line[4]),
        Long.parseLong(line[1]), Double.NaN), results);
  }

  /** Where the load client's class is: it needs nothing but the JDK. */
  private static String ownClasses() throws IOException {
    try {
      return Path.of(LoadClient.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IOException(e);
    }
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
