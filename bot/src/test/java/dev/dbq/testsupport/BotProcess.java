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
 * port and management port ({@code /readyz}, {@code /metrics}), its standard error in a file,
 * stopped or killed (as {@code kill -9}) by the test.
 */
public final class BotProcess implements AutoCloseable {

  /** The repository: the working directory is bot/ under Maven's test runs, the root under exec:java. */
  public static final Path REPOSITORY =
      (java.nio.file.Files.isDirectory(Path.of("content")) ? Path.of(".") : Path.of("..")).toAbsolutePath().normalize();
  public static final Path JAR =
      Path.of(System.getProperty("dbq.jar", REPOSITORY.resolve("bot/target/dbq-bot.jar").toString())).toAbsolutePath();
  /** This JVM's own java, so that child processes run on the same Java as the tests. */
  public static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final int port;
  private final int managementPort;
  private final Path log;
  private final String readyPath;
  private final int readyPort;

  private BotProcess(Process process, int port, int managementPort, Path log, String readyPath, int readyPort) {
    this.process = process;
    this.port = port;
    this.managementPort = managementPort;
    this.log = log;
    this.readyPath = readyPath;
    this.readyPort = readyPort;
  }

  /**
   * Starts {@code java [jvmOptions] -jar dbq-bot.jar run} in the repository (so content/ and
   * config/ are found) with {@code environment} added and a free {@code DBQ_HTTP_PORT} and
   * {@code DBQ_MANAGEMENT_PORT}; it is ready when the management port's {@code /readyz} says so.
   */
  public static BotProcess start(Map<String, String> environment, Path scratch, String name, String... jvmOptions)
      throws IOException {
    int port = freePort();
    int managementPort = freePort();
    List<String> arguments = new ArrayList<>(List.of(jvmOptions));
    arguments.addAll(List.of("-jar", JAR.toString(), "run"));
    Map<String, String> withManagement = new java.util.HashMap<>(environment);
    withManagement.put("DBQ_MANAGEMENT_PORT", Integer.toString(managementPort));
    return launch(arguments, withManagement, port, managementPort, scratch, name, "/readyz", managementPort);
  }

  /**
   * Starts {@code java ARGUMENTS} with the shaded jar and the test classes on the class path (for
   * baselines written as test mains); {@code %PORT%} in an argument becomes its free port, and it
   * counts as ready when {@code readyPath} answers 200.
   */
  public static BotProcess startMain(
      Map<String, String> environment, Path scratch, String name, String readyPath, String... arguments) throws IOException {
    int port = freePort();
    String classPath = JAR + java.io.File.pathSeparator + JAR.getParent().resolve("test-classes");
    List<String> command = new ArrayList<>(List.of("-cp", classPath));
    for (String argument : arguments) {
      command.add(argument.replace("%PORT%", Integer.toString(port)));
    }
    return launch(command, environment, port, -1, scratch, name, readyPath, port);
  }

  private static BotProcess launch(
      List<String> arguments, Map<String, String> environment, int port, int managementPort, Path scratch, String name,
      String readyPath, int readyPort)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(JAVA));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).directory(REPOSITORY.toFile());
    builder.environment().remove("DBQ_CONFIG");
    builder.environment().putAll(environment);
    builder.environment().put("DBQ_HTTP_PORT", Integer.toString(port));
    Path log = scratch.resolve(name + ".log");
    builder.redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
    return new BotProcess(builder.start(), port, managementPort, log, readyPath, readyPort);
  }

  /** Resident memory now, from /proc (Linux), in bytes; -1 where /proc is not there. */
  public long residentBytes() throws IOException {
    Path status = Path.of("/proc", Long.toString(process.pid()), "status");
    if (!Files.exists(status)) {
      return -1;
    }
    return Files.readAllLines(status).stream()
        .filter(line -> line.startsWith("VmRSS:"))
        .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
        .findFirst()
        .orElse(-1);
  }

  /** Waits until its ready path answers 200; fails with the process's output when it does not in time. */
  public void awaitReady(Duration timeout) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    Duration pause = Duration.ofMillis(10);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("dbq exited with " + process.exitValue() + ":\n" + output());
      }
      HttpResponse<String> ready = get(readyPort, readyPath);
      if (ready != null && ready.statusCode() == 200) {
        return;
      }
      // An external process can only be polled; back off so a slow start costs few requests.
      process.waitFor(pause.toMillis(), TimeUnit.MILLISECONDS);
      pause = pause.multipliedBy(2).compareTo(Duration.ofMillis(100)) > 0 ? Duration.ofMillis(100) : pause.multipliedBy(2);
    }
    throw new AssertionError("dbq was not ready within " + timeout + ":\n" + output());
  }

  /** The status of a GET of {@code path} on this process's public port; -1 when nothing answers. */
  public int status(String path) throws InterruptedException {
    HttpResponse<String> response = get(port, path);
    return response == null ? -1 : response.statusCode();
  }

  /** The body of a GET of {@code path} on the public port; empty when nothing answers. */
  public String body(String path) throws InterruptedException {
    HttpResponse<String> response = get(port, path);
    return response == null ? "" : response.body();
  }

  /** The body of a GET of {@code path} ({@code /readyz}, {@code /metrics}) on the management port; empty when nothing answers. */
  public String managementBody(String path) throws InterruptedException {
    HttpResponse<String> response = get(managementPort, path);
    return response == null ? "" : response.body();
  }

  private HttpResponse<String> get(int onPort, String path) throws InterruptedException {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + onPort + path)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException refused) {
      return null; // not listening (yet, or any more)
    }
  }

  public int port() {
    return port;
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
