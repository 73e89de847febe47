package dev.dbq.http;

import dev.dbq.app.HttpRoutes;
import dev.dbq.app.PlatformException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's one HTTP server (Jetty, on {@code DBQ_HTTP_PORT}): {@code /healthz} says the
 * process is up, {@code /readyz} whether it can work, and platforms add their endpoints
 * ({@code /slack/events}) before it starts. A request body over {@link #MAX_BODY_BYTES} is
 * refused with 413 before it is read whole.
 */
public final class HttpServer implements HttpRoutes, AutoCloseable {

  /** Slack's largest payloads (a block_actions with its message) stay well under this. */
  public static final long MAX_BODY_BYTES = 64 * 1024;

  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

  private final int port;
  private final Server server;
  private final ServletContextHandler context;
  private final List<String> paths = new ArrayList<>(List.of("/healthz", "/readyz"));
  private volatile Readiness readiness = () -> Optional.of("starting");

  /** @param port the port to listen on; 0 picks a free one (tests) */
  public HttpServer(int port) {
    this.port = port;
    this.server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setPort(port);
    server.addConnector(connector);
    this.context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(new ServletHolder(new Health()), "/healthz");
    context.addServlet(new ServletHolder(new Ready()), "/readyz");
    SizeLimitHandler bodyLimit = new SizeLimitHandler(MAX_BODY_BYTES, -1);
    bodyLimit.setHandler(context);
    server.setHandler(bodyLimit);
    server.setStopAtShutdown(false);
  }

  @Override
  public synchronized void add(String path, HttpServlet servlet) {
    if (server.isStarted()) {
      throw new IllegalStateException(path + " must be added before the HTTP server starts");
    }
    context.addServlet(new ServletHolder(servlet), path);
    paths.add(path);
  }

  /** The paths it serves. */
  public synchronized List<String> paths() {
    return List.copyOf(paths);
  }

  /**
   * Starts listening.
   *
   * @throws PlatformException with a one-line reason when the port cannot be opened
   */
  public synchronized void start(Readiness whenReady) {
    this.readiness = whenReady;
    try {
      server.start();
    } catch (Exception e) {
      close();
      throw new PlatformException("the HTTP server cannot listen on port " + port + " (DBQ_HTTP_PORT): " + e.getMessage(), e);
    }
    log.info("HTTP server on port {}", port());
  }

  /** The port it listens on (the chosen one when started on port 0). */
  public int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  @Override
  public synchronized void close() {
    try {
      server.stop();
    } catch (Exception e) {
      log.warn("the HTTP server did not stop cleanly: {}", e.getMessage());
    }
  }

  private static void plain(HttpServletResponse response, int status, String body) throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain; charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(body + "\n");
  }

  /** Up: the process answers. */
  private static final class Health extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      plain(response, 200, "ok");
    }
  }

  /** Ready: the database answers, banks are loaded, every platform is connected. */
  private final class Ready extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      Optional<String> problem;
      try {
        problem = readiness.notReadyBecause();
      } catch (RuntimeException e) {
        log.warn("readiness check failed", e);
        problem = Optional.of("readiness check failed: " + e.getClass().getSimpleName());
      }
      if (problem.isEmpty()) {
        plain(response, 200, "ready" + readiness.note().map(note -> "; " + note).orElse(""));
      } else {
        plain(response, 503, "not ready: " + problem.get());
      }
    }
  }
}
