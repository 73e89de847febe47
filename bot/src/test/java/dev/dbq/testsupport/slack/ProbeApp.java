package dev.dbq.testsupport.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.event.MessageEvent;
import java.util.List;

/**
 * The handlers the fakes' own tests give a real Bolt app: {@code /dbq} echoes its text, and a
 * {@code reveal} press or a message event is noted in {@code seen}, so a test sees what Bolt
 * made of what the fake or the signed request sent.
 */
final class ProbeApp {

  private ProbeApp() {}

  static void addProbeHandlers(App app, List<String> seen) {
    app.command("/dbq", (req, ctx) -> ctx.ack("You asked: " + req.getPayload().getText()));
    app.blockAction("reveal", (req, ctx) -> {
      seen.add("reveal:" + req.getPayload().getActions().get(0).getValue());
      return ctx.ack();
    });
    app.event(MessageEvent.class, (payload, ctx) -> {
      seen.add("message:" + payload.getEvent().getUser()
          + " retry:" + ctx.getRetryNum() + "/" + ctx.getRetryReason());
      return ctx.ack();
    });
  }
}
