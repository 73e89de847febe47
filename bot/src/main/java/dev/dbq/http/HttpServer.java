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
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's one HTTP server (Jetty) on two ports. The public one ({@code DBQ_HTTP_PORT}, which
 * must face the internet for Slack) serves {@code /healthz} and what platforms add before it
 * starts ({@code /slack/events}); the management one ({@code DBQ_MANAGEMENT_PORT}, loopback by
 * default) serves {@code /healthz}, {@code /readyz} (with reasons that name paths and hosts) and
 * what {@link #addManagement} adds ({@code /metrics}). Both refuse a body over {@link
 * #MAX_BODY_BYTES} with 413 before it is read whole, methods other than GET, HEAD and POST with
 * 405, never name the server's software, and answer errors with one plain line, never an
 * exception's text.
 */
public final class HttpServer implements HttpRoutes, AutoCloseable {

  /** Slack's largest payloads (a block_actions with its message) stay well under this. */
  public static final long MAX_BODY_BYTES = 64 * 1024;

  /** TRACE would echo requests (and their cookies or signatures); OPTIONS, PUT and the rest have no use here. */
  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST");

  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

  private final int port;
  private final int managementPort;
  private final Server server;
  private final ServletContextHandler publicContext;
  private final ServletContextHandler managementContext;
  private final List<String> paths = new ArrayList<>(List.of("/healthz"));
  private final List<String> managementPaths = new ArrayList<>(List.of("/healthz", "/readyz"));
  private volatile Readiness readiness = () -> Optional.of("starting");

  /** On {@code port} (0 picks a free one), with the management port on a free loopback port (tests). */
  public HttpServer(int port) {
    this(port, "127.0.0.1", 0);
  }

  /**
   * @param port the public port; 0 picks a free one (tests)
   * @param managementHost the interface the management port binds to ({@code 127.0.0.1}, {@code 0.0.0.0})
   * @param managementPort the management port; 0 picks a free one (tests)
   */
  public HttpServer(int port, String managementHost, int managementPort) {
    this.port = port;
    this.managementPort = managementPort;
    this.server = new Server();
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    server.addConnector(connector(http, "public", null, port));
    server.addConnector(connector(http, "management", managementHost, managementPort));
    this.publicContext = context("@public");
    this.managementContext = context("@management");
    publicContext.addServlet(new ServletHolder(new Health()), "/healthz");
    managementContext.addServlet(new ServletHolder(new Health()), "/healthz");
    managementContext.addServlet(new ServletHolder(new Ready()), "/readyz");
    SizeLimitHandler bodyLimit = new SizeLimitHandler(MAX_BODY_BYTES, -1);
    bodyLimit.setHandler(new ContextHandlerCollection(publicContext, managementContext));
    server.setHandler(new KnownMethodsOnly(bodyLimit));
    server.setErrorHandler(new PlainErrors());
    server.setStopAtShutdown(false);
  }

  private ServerConnector connector(HttpConfiguration http, String name, String host, int onPort) {
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setName(name);
    connector.setHost(host);
    connector.setPort(onPort);
    return connector;
  }

  /** A context only the connector named {@code connector} ({@code @public}) reaches. */
  private static ServletContextHandler context(String connector) {
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.setVirtualHosts(List.of(connector));
    context.setErrorHandler(new PlainErrors());
    return context;
  }

  /** Serves {@code path} on the public port. */
  @Override
  public synchronized void add(String path, HttpServlet servlet) {
    add(publicContext, path, servlet);
    paths.add(path);
  }

  /** Serves {@code path} on the management port only ({@code /metrics}). */
  public synchronized void addManagement(String path, HttpServlet servlet) {
    add(managementContext, path, servlet);
    managementPaths.add(path);
  }

  private void add(ServletContextHandler context, String path, HttpServlet servlet) {
    if (server.isStarted()) {
      throw new IllegalStateException(path + " must be added before the HTTP server starts");
    }
    context.addServlet(new ServletHolder(servlet), path);
  }

  /** The paths the public port serves. */
  public synchronized List<String> paths() {
    return List.copyOf(paths);
  }

  /** The paths the management port serves. */
  public synchronized List<String> managementPaths() {
    return List.copyOf(managementPaths);
  }

  /**
   * Starts listening on both ports.
   *
   * @throws PlatformException with a one-line reason when a port cannot be opened
   */
  public synchronized void start(Readiness whenReady) {
    this.readiness = whenReady;
    try {
      server.start();
    } catch (Exception e) {
      close();
      throw new PlatformException("the HTTP server cannot listen on port " + port + " (DBQ_HTTP_PORT) and "
          + managementPort + " (DBQ_MANAGEMENT_PORT): " + e.getMessage(), e);
    }
    log.info("HTTP server on port {}, management on port {}", port(), managementPort());
  }

  /** The public port (the chosen one when started on port 0). */
  public int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  /** The management port (the chosen one when started on port 0). */
  public int managementPort() {
    return ((ServerConnector) server.getConnectors()[1]).getLocalPort();
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
      Optional<String> note;
      try {
        problem = readiness.notReadyBecause();
        note = readiness.note();
      } catch (RuntimeException e) {
        log.warn("readiness check failed: {}", e.toString());
        problem = Optional.of("readiness check failed: " + e.getClass().getSimpleName());
        note = Optional.empty();
      }
      if (problem.isEmpty()) {
        plain(response, 200, "ready" + note.map(n -> "; " + n).orElse(""));
      } else {
        plain(response, 503, "not ready: " + problem.get());
      }
    }
  }

  /** Refuses, with 405 and an {@code Allow} header, every method but GET, HEAD and POST. */
  private static final class KnownMethodsOnly extends Handler.Wrapper {
    KnownMethodsOnly(Handler handler) {
      super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      if (METHODS.contains(request.getMethod())) {
        return super.handle(request, response, callback);
      }
      response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD, POST");
      Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
      return true;
    }
  }

  /**
   * Every error page is one plain line with the status and its standard reason: an exception's
   * text (class names, parser messages, user input) never reaches a client.
   */
  private static final class PlainErrors extends org.eclipse.jetty.ee10.servlet.ErrorHandler {
    PlainErrors() {
      setShowStacks(false);
      setShowCauses(false);
      setShowMessageInTitle(false);
      setShowOrigin(false);
    }

    @Override
    protected boolean generateAcceptableResponse(
        Request request, Response response, Callback callback, String contentType,
        List<java.nio.charset.Charset> charsets, int code, String message, Throwable cause) throws IOException {
      return super.generateAcceptableResponse(
          request, response, callback, "text/plain", charsets, code, HttpStatus.getMessage(code), null);
    }

    @Override
    protected void writeErrorPlain(Request request, java.io.PrintWriter writer, int code, String message, Throwable cause) {
      writer.write(line(code));
    }

    @Override
    public java.nio.ByteBuffer badMessageError(int status, String reason, org.eclipse.jetty.http.HttpFields.Mutable fields) {
      fields.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
      return java.nio.ByteBuffer.wrap(line(status).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String line(int code) {
      return code + " " + HttpStatus.getMessage(code) + "\n";
    }
  }
}
