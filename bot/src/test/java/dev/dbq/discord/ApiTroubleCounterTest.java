package dev.dbq.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.app.ApiTrouble;
import dev.dbq.app.BotMetrics;
import dev.dbq.testsupport.discord.FakeDiscord;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the Discord client's calls say about the API reaches {@code /readyz}, and clears. */
class ApiTroubleCounterTest {

  private final FakeDiscord discord = FakeDiscord.start();
  private final ApiTrouble trouble = new ApiTrouble("Discord's API");
  private final OkHttpClient client = ApiTroubleCounter.httpClient(new BotMetrics(), trouble).build();

  @AfterEach
  void stop() throws Exception {
    discord.close();
  }

  private int get(String url) throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(url).header("Authorization", "Bot " + discord.token()).build()).execute()) {
      return response.code();
    }
  }

  @Test
  void aServerErrorIsTheTroubleUntilTheNextAnsweredCall() throws Exception {
    // GIVEN Discord answers the next call with a 502
    discord.failNext("GET", "gateway/bot", 502, 0, "Bad Gateway");

    // WHEN it is called, THEN the trouble names it
    assertEquals(502, get(discord.restBaseUrl() + "gateway/bot"));
    assertEquals(Optional.of("Discord's API answers HTTP 502"), trouble.now());

    // WHEN the next call is answered, THEN the trouble is gone
    assertEquals(200, get(discord.restBaseUrl() + "gateway/bot"));
    assertEquals(Optional.empty(), trouble.now());
  }

  @Test
  void aCallWithNoAnswerSaysTheApiIsUnreachable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    assertThrows(IOException.class, () -> get("http://127.0.0.1:" + closedPort + "/api/v10/gateway/bot"));

    assertTrue(trouble.now().orElseThrow().startsWith("Discord's API is unreachable ("), trouble.now().toString());
  }
}
