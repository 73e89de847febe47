package dev.dbq.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The shaded jar running {@code run} in a child process, as an operator starts it: its own HTTP
 * port, its standard error in a file, stopped or killed (as {@code kill -9}) by the test.
 */
public final class BotProcess implements AutoCloseable {

  private static final Path JAR = Path.of(System.getProperty("dbq.jar", "target/dbq-bot.jar")).toAbsolutePath();
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final int port;
  private final Path log;

  private BotProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts {@code java [jvmOptions] -jar dbq-bot.jar run} in the repository (so content/ and
   * config/ are found) with {@code environment} added and a free {@code DBQ_HTTP_PORT}.
   */
  public static BotProcess start(Map<String, String> environment, Path scratch, String name, String... jvmOptions)
      throws IOException {
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-jar", JAR.toString(), "run"));
    ProcessBuilder builder = new ProcessBuilder(command).directory(REPOSITORY.toFile());
    builder.environment().remove("DBQ_CONFIG");
    builder.environment().putAll(environment);
    builder.environment().put("DBQ_HTTP_PORT", Integer.toString(port));
    Path log = scratch.resolve(name + ".log");
    builder.redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
    return new BotProcess(builder.start(), port, log);
  }

  /** Waits until {@code /readyz} answers 200; fails with the process's output when it does not in time. */
  public void awaitReady(Duration timeout) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    Duration pause = Duration.ofMillis(50);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("dbq exited with " + process.exitValue() + ":\n" + output());
      }
      if (status("/readyz") == 200) {
        return;
      }
      // An external process can only be polled; back off so a slow start costs few requests.
      process.waitFor(pause.toMillis(), TimeUnit.MILLISECONDS);
      pause = pause.multipliedBy(2).compareTo(Duration.ofMillis(500)) > 0 ? Duration.ofMillis(500) : pause.multipliedBy(2);
    }
    throw new AssertionError("dbq was not ready within " + timeout + ":\n" + output());
  }

  /** The status of a GET of {@code path} on this process; -1 when nothing answers. */
  public int status(String path) throws InterruptedException {
    HttpResponse<String> response = get(path);
    return response == null ? -1 : response.statusCode();
  }

  /** The body of a GET of {@code path}; empty when nothing answers. */
  public String body(String path) throws InterruptedException {
    HttpResponse<String> response = get(path);
    return response == null ? "" : response.body();
  }

  private HttpResponse<String> get(String path) throws InterruptedException {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException refused) {
      return null; // not listening (yet, or any more)
    }
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  /** Kills it as {@code kill -9} would: no shutdown hook runs. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  public String output() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      kill();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

}
