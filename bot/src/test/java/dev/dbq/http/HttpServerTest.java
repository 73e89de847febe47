package dev.dbq.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.testsupport.RawHttp;
import dev.dbq.testsupport.RawHttp.Answer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTTP server as anyone on the internet meets it: raw requests to a started server. */
class HttpServerTest {

  private static final String SECRET_DETAIL = "cannot parse payload=null at /srv/dbq/secret";

  private HttpServer http;

  @BeforeEach
  void startServer() {
    http = new HttpServer(0);
    http.add("/boom", new HttpServlet() {
      @Override
      protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        throw new IllegalStateException(SECRET_DETAIL);
      }
    });
    http.addManagement("/metrics", new HttpServlet() {
      @Override
      protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.getWriter().write("dbq_commands_total 1\n");
      }
    });
    http.start(Optional::empty);
  }

  @AfterEach
  void stopServer() {
    http.close();
  }

  @Test
  void aFailingServletGivesAPlainOneLine500WithoutTheExceptionText() throws IOException {
    // when
    Answer answer = RawHttp.sendRaw(http.port(),
        "POST /boom HTTP/1.1\r\nHost: localhost\r\nContent-Length: 12\r\nConnection: close\r\n\r\npayload=null");

    // then
    assertEquals(500, answer.status());
    assertEquals("500 Server Error\n", answer.body());
    assertFalse(answer.headers().contains("IllegalState") || answer.body().contains("secret"), answer.toString());
  }

  @Test
  void noAnswerNamesTheServerSoftwareOrItsVersion() throws IOException {
    for (Answer answer : new Answer[] {
        RawHttp.send(http.port(), "GET", "/healthz"),
        RawHttp.send(http.port(), "GET", "/nowhere"),
        RawHttp.send(http.managementPort(), "GET", "/readyz")}) {
      assertEquals(Optional.empty(), answer.header("Server"), answer.headers());
      assertEquals(Optional.empty(), answer.header("X-Powered-By"), answer.headers());
      assertFalse(answer.body().toLowerCase().contains("jetty"), answer.body());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"TRACE", "TRACK", "OPTIONS", "PUT", "DELETE", "PATCH"})
  void methodsOtherThanGetHeadAndPostAreRefused(String method) throws IOException {
    // when
    Answer answer = RawHttp.send(http.port(), method, "/healthz");

    // then
    assertEquals(405, answer.status(), answer.toString());
    assertEquals(Optional.of("GET, HEAD, POST"), answer.header("Allow"));
    assertFalse(answer.body().contains("Host: localhost"), "TRACE echoes nothing: " + answer.body());
  }

  @Test
  void anUnknownPathIsAPlainOneLine404() throws IOException {
    // when
    Answer answer = RawHttp.send(http.port(), "GET", "/nowhere?q=<script>");

    // then
    assertEquals(404, answer.status(), answer.toString());
    assertEquals("404 Not Found\n", answer.body());
  }

  @Test
  void aMalformedRequestIsAPlainOneLine400WithoutTheParsersText() throws IOException {
    // when
    Answer answer = RawHttp.sendRaw(http.port(), "GET /healthz HTTP/1.1\r\nHost: localhost\r\nBad Header\u0001: x\r\n\r\n");

    // then
    assertEquals(400, answer.status(), answer.toString());
    assertTrue(answer.body().isEmpty() || answer.body().equals("400 Bad Request\n"), answer.body());
  }

  @Test
  void readinessAndMetricsAreServedOnTheManagementPortOnly() throws IOException {
    // then: the public port keeps health (and what platforms add)
    assertEquals(200, RawHttp.send(http.port(), "GET", "/healthz").status());
    assertEquals(404, RawHttp.send(http.port(), "GET", "/readyz").status());
    assertEquals(404, RawHttp.send(http.port(), "GET", "/metrics").status());

    // and the management port has readiness and metrics, but not the platforms' endpoints
    assertEquals("ready\n", RawHttp.send(http.managementPort(), "GET", "/readyz").body());
    assertEquals("dbq_commands_total 1\n", RawHttp.send(http.managementPort(), "GET", "/metrics").body());
    assertEquals(404, RawHttp.send(http.managementPort(), "GET", "/boom").status());
  }
}
