package dev.dbq.slack;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The open-loop load of {@link SlackHttpBenchmark}: requests at a fixed rate, each latency counted
 * from when the request was due, so that a stall shows in the percentiles instead of lowering the
 * rate (what wrk cannot do). Run in its own JVM, a separate client on loopback. It speaks just
 * enough HTTP/1.1 over plain keep-alive sockets to stay cheap: the same request bytes every time,
 * answers read by Content-Length or chunks. Prints one line: {@code requests errors rps p50 p99}.
 *
 * <p>Arguments: {@code URL BODY_FILE CONNECTIONS WARMUP_SECONDS SECONDS RATE [HEADER:VALUE...]}.
 * The warm-up runs at the same rate and is not counted.
 */
public final class LoadClient {

  private LoadClient() {}

  public static void main(String[] args) throws Exception {
    URI url = URI.create(args[0]);
    byte[] body = Files.readAllBytes(Path.of(args[1]));
    int connections = Integer.parseInt(args[2]);
    long warmup = Long.parseLong(args[3]) * 1_000_000_000L;
    long length = Long.parseLong(args[4]) * 1_000_000_000L;
    double rate = Double.parseDouble(args[5]);
    byte[] request = request(url, body, Arrays.asList(args).subList(6, args.length));

    long start = System.nanoTime() + 100_000_000L;
    long measureFrom = start + warmup;
    long end = measureFrom + length;
    AtomicLong errors = new AtomicLong();
    List<long[]> perConnection = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      int index = c;
      long[] latencies = new long[(int) (rate * (length / 1e9) / connections) + 16];
      perConnection.add(latencies);
      Thread thread = new Thread(() -> {
        Connection connection = null;
        int n = 0;
        for (long k = 0; ; k++) {
          long due = start + (long) ((index + k * connections) * 1e9 / rate);
          if (due >= end || n >= latencies.length - 1) {
            break;
          }
          long wait = due - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait);
          }
          boolean ok;
          try {
            connection = connection == null ? new Connection(url) : connection;
            ok = connection.exchange(request) == 200;
          } catch (IOException e) {
            ok = false;
            connection = null;
          }
          if (!ok && due >= measureFrom) {
            errors.incrementAndGet();
          }
          if (due >= measureFrom) {
            latencies[n++] = System.nanoTime() - due;
          }
        }
        latencies[latencies.length - 1] = n; // the count rides in the last slot
      });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    long total = perConnection.stream().mapToLong(l -> l[l.length - 1]).sum();
    long[] all = new long[(int) total];
    int at = 0;
    for (long[] latencies : perConnection) {
      int n = (int) latencies[latencies.length - 1];
      System.arraycopy(latencies, 0, all, at, n);
      at += n;
    }
    Arrays.sort(all);
    System.out.printf(Locale.ROOT, "%d %d %.0f %.2f %.2f%n", total, errors.get(), total / (length / 1e9),
        percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6);
  }

  private static byte[] request(URI url, byte[] body, List<String> headers) {
    StringBuilder head = new StringBuilder()
        .append("POST ").append(url.getRawPath()).append(" HTTP/1.1\r\n")
        .append("Host: ").append(url.getHost()).append(':').append(url.getPort()).append("\r\n")
        .append("Content-Length: ").append(body.length).append("\r\n");
    for (String header : headers) {
      int colon = header.indexOf(':');
      head.append(header, 0, colon).append(": ").append(header.substring(colon + 1)).append("\r\n");
    }
    byte[] start = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    byte[] request = Arrays.copyOf(start, start.length + body.length);
    System.arraycopy(body, 0, request, start.length, body.length);
    return request;
  }

  private static long percentile(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  /** One keep-alive connection: a request out, its whole answer read, the status returned. */
  private static final class Connection {
    private final OutputStream out;
    private final InputStream in;

    Connection(URI url) throws IOException {
      Socket socket = new Socket(url.getHost(), url.getPort());
      socket.setTcpNoDelay(true);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream());
    }

    int exchange(byte[] request) throws IOException {
      out.write(request);
      out.flush();
      String status = line();
      long contentLength = -1;
      boolean chunked = false;
      for (String header = line(); !header.isEmpty(); header = line()) {
        String lower = header.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          contentLength = Long.parseLong(lower.substring(15).strip());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        }
      }
      if (chunked) {
        for (long size = Long.parseLong(line().strip(), 16); size > 0; size = Long.parseLong(line().strip(), 16)) {
          skip(size);
          line();
        }
        line();
      } else if (contentLength > 0) {
        skip(contentLength);
      }
      return Integer.parseInt(status.split(" ")[1]);
    }

    private String line() throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) {
          throw new EOFException("the server closed the connection");
        }
        if (b != '\r') {
          bytes.write(b);
        }
      }
      return bytes.toString(StandardCharsets.US_ASCII);
    }

    private void skip(long n) throws IOException {
      for (long left = n; left > 0; ) {
        long skipped = in.skip(left);
        if (skipped <= 0) {
          throw new EOFException("the answer ended early");
        }
        left -= skipped;
      }
    }
  }
}
