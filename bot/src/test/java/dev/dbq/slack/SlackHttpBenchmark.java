package dev.dbq.slack;

import dev.dbq.ops.MinimalBoltServer;
import dev.dbq.testsupport.Backend;
import dev.dbq.testsupport.TestDatabase;
import dev.dbq.testsupport.slack.FakeSlack;
import dev.dbq.testsupport.slack.SignedRequests;
import dev.dbq.testsupport.slack.SlackPayloads;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How fast {@code /slack/events} answers signed {@code /dbq random} commands, beside two
 * baselines measured in the same run: the same server's {@code /healthz}, and a minimal Bolt app
 * in the same process (same Jetty set-up, same signature check) that acks a fixed 2 KB reply.
 * The load comes from {@link LoadClient} in a separate JVM on loopback: first at its peak, then
 * at half of dbq's peak rate for the latency goal (p99 under 10 ms).
 *
 * <pre>mvn -o -q -B -pl bot test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.dbq.slack.SlackHttpBenchmark</pre>
 */
public final class SlackHttpBenchmark {

  private static final int CONNECTIONS = 8;
  private static final int WARMUP_SECONDS = 5;
  private static final int SECONDS = 10;

  private SlackHttpBenchmark() {}

  public static void main(String[] args) throws Exception {
    try (TestDatabase database = Backend.SQLITE.create();
        SlackBot dbq = SlackBot.overHttp(database.database(), "", Instant.now());
        MinimalBoltServer minimal =
            MinimalBoltServer.start(0, dbq.slack.apiUrl(), FakeSlack.BOT_TOKEN, SignedRequests.SIGNING_SECRET)) {
      Path body = Files.createTempFile("dbq-bench", ".form");
      Files.writeString(body, form(SlackPayloads.slashCommand(FakeSlack.TEAM_ID, "C0BENCH", "U0BENCH", "random", dbq.slack.responseUrl())));
      List<String> results = new ArrayList<>();
      Result health = run("/healthz", dbq.url("/healthz"), null, "peak", results);
      Result bolt = run("minimal Bolt ack (2 KB)", minimal.eventsUrl(), body, "peak", results);
      Result random = run("/dbq random", dbq.eventsUrl(), body, "peak", results);
      Result half = run("/dbq random at half peak", dbq.eventsUrl(), body, String.valueOf((int) (random.rps / 2)), results);
      System.out.println();
      System.out.printf("%-28s %10s %9s %9s %7s%n", "endpoint", "req/s", "p50 ms", "p99 ms", "errors");
      results.forEach(System.out::println);
      System.out.printf("%n/dbq random vs minimal Bolt app: %.2fx (goal >= 0.9x); p99 at half peak %.2f ms (goal < 10 ms)%n",
          random.rps / bolt.rps, half.p99);
      Files.delete(body);
      if (health.rps == 0) {
        throw new IllegalStateException("no load reached the server");
      }
    }
  }

  private record Result(double rps, double p50, double p99, long errors) {}

  private static Result run(String name, String url, Path body, String rate, List<String> results) throws Exception {
    String[] line = client(url, body, rate).strip().split(" ");
    Result result = new Result(Double.parseDouble(line[2]), Double.parseDouble(line[3]), Double.parseDouble(line[4]), Long.parseLong(line[1]));
    results.add(String.format("%-28s %10.0f %9.2f %9.2f %7d", name, result.rps, result.p50, result.p99, result.errors));
    return result;
  }

  /** Runs the load client in its own JVM; its one line of figures. */
  private static String client(String url, Path body, String rate) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"), "-cp", ownClasses(),
        LoadClient.class.getName(), url, body == null ? "GET" : "POST", body == null ? "-" : body.toString(),
        String.valueOf(CONNECTIONS), String.valueOf(WARMUP_SECONDS), String.valueOf(SECONDS), rate));
    if (body != null) {
      // Signed once: the signature stays valid for five minutes, longer than any run.
      String timestamp = Long.toString(Instant.now().getEpochSecond());
      command.add("Content-Type:application/x-www-form-urlencoded");
      command.add("X-Slack-Request-Timestamp:" + timestamp);
      command.add("X-Slack-Signature:" + SignedRequests.sign(SignedRequests.SIGNING_SECRET, timestamp, Files.readString(body)));
    }
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("the load client failed: " + out);
    }
    return out;
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
