package dev.dbq.app;

import jakarta.servlet.http.HttpServlet;

/** Adds a servlet to the process's one HTTP server (on {@code DBQ_HTTP_PORT}). */
@FunctionalInterface
public interface HttpRoutes {

  /** Serves {@code path} (exact, e.g. {@code /slack/events}) with {@code servlet}. */
  void add(String path, HttpServlet servlet);

  /** For platforms run without an HTTP server (console, tests). */
  HttpRoutes NONE = (path, servlet) -> {
    throw new IllegalStateException("no HTTP server runs in this process, so " + path + " cannot be served");
  };
}
