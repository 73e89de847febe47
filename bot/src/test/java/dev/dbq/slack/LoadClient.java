package dev.dbq.slack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator of {@link SlackHttpBenchmark}, run in its own JVM so that it is a separate
 * client on loopback. Closed loop ({@code peak}: each connection sends as fast as answers come)
 * or open loop ({@code rate}: requests at a fixed rate, each latency counted from when it was
 * due, so a stall shows in the percentiles). Prints one line: {@code requests errors rps p50 p99}.
 *
 * A warm-up at peak comes first, in the same JVM, so that the client's own JIT does not show
 * as the server's latency.
 *
 * <p>Arguments: {@code URL METHOD BODY_FILE|- CONNECTIONS WARMUP_SECONDS SECONDS peak|RATE
 * [HEADER:VALUE...]}.
 */
public final class LoadClient {

  private LoadClient() {}

  public static void main(String[] args) throws Exception {
    URI url = URI.create(args[0]);
    String method = args[1];
    String body = args[2].equals("-") ? null : Files.readString(Path.of(args[2]), StandardCharsets.UTF_8);
    int connections = Integer.parseInt(args[3]);
    Duration warmup = Duration.ofSeconds(Long.parseLong(args[4]));
    Duration length = Duration.ofSeconds(Long.parseLong(args[5]));
    double rate = args[6].equals("peak") ? 0 : Double.parseDouble(args[6]);
    List<String> headers = Arrays.asList(args).subList(7, args.length);

    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10));
    for (String header : headers) {
      int colon = header.indexOf(':');
      builder.header(header.substring(0, colon), header.substring(colon + 1));
    }
    HttpRequest request = body == null
        ? builder.GET().build()
        : builder.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();

    load(client, request, connections, warmup, 0);
    String[] figures = load(client, request, connections, length, rate);
    System.out.println(String.join(" ", figures));
  }

  /** Runs the load; {@code requests errors rps p50-ms p99-ms}. */
  private static String[] load(HttpClient client, HttpRequest request, int connections, Duration length, double rate)
      throws InterruptedException {
    long start = System.nanoTime() + 100_000_000L;
    long end = start + length.toNanos();
    AtomicLong errors = new AtomicLong();
    List<long[]> perThread = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < connections; t++) {
      int index = t;
      long[] latencies = new long[4_000_000 / connections];
      perThread.add(latencies);
      Thread thread = new Thread(() -> {
        int n = 0;
        for (long k = 0; ; k++) {
          long due = rate == 0 ? System.nanoTime() : start + (long) ((index + k * connections) * 1e9 / rate);
          if (due >= end || n >= latencies.length) {
            break;
          }
          long wait = due - System.nanoTime();
          if (wait > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
          }
          try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
              errors.incrementAndGet();
            }
          } catch (Exception e) {
            errors.incrementAndGet();
          }
          latencies[n++] = System.nanoTime() - due;
        }
        latencies[latencies.length - 1] = n; // the count rides in the last slot
      });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    long total = perThread.stream().mapToLong(l -> l[l.length - 1]).sum();
    long[] all = new long[(int) total];
    int at = 0;
    for (long[] latencies : perThread) {
      int n = (int) latencies[latencies.length - 1];
      System.arraycopy(latencies, 0, all, at, n);
      at += n;
    }
    Arrays.sort(all);
    double seconds = length.toNanos() / 1e9;
    return String.format("%d %d %.0f %.2f %.2f", total, errors.get(), total / seconds,
        percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6).split(" ");
  }

  private static long percentile(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }
}
