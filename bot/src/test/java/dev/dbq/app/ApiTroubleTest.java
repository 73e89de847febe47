package dev.dbq.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ApiTroubleTest {

  private final AtomicLong nanos = new AtomicLong(1_000);
  private final ApiTrouble trouble = new ApiTrouble("Slack's Web API", nanos::get);

  @Test
  void aFailedCallIsTheTroubleUntilACallIsAnswered() {
    trouble.failing(503);
    assertEquals(Optional.of("Slack's Web API answers HTTP 503"), trouble.now());

    trouble.unreachable(new ConnectException("Connection refused"));
    assertEquals(Optional.of("Slack's Web API is unreachable (ConnectException)"), trouble.now());

    trouble.answered();
    assertEquals(Optional.empty(), trouble.now());
  }

  @Test
  void aFailureIsForgottenAfterAWhileSinceNotReadyStopsTheRequestsThatWouldClearIt() {
    trouble.failing(502);

    nanos.addAndGet(ApiTrouble.REMEMBERED.toNanos());
    assertEquals(Optional.of("Slack's Web API answers HTTP 502"), trouble.now());

    nanos.addAndGet(1);
    assertEquals(Optional.empty(), trouble.now());
  }
}
