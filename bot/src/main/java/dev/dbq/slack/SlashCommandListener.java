package dev.dbq.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.dbq.chat.AnswerDeadline;
import dev.dbq.chat.Caller;
import dev.dbq.chat.Inbound;
import dev.dbq.chat.PlatformCounters;
import dev.dbq.chat.UserText;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /dbq TEXT}: the core's reply, in the acknowledgement when it is ready within Slack's
 * three seconds, else through the command's {@code response_url} once it is ({@link
 * AnswerDeadline} decides, with {@link AnswerDeadline.Budget#SLACK} in production). Commands that
 * answer from memory run on the request's thread; the others on a worker.
 */
final class SlashCommandListener {

  /**
   * Slack always sends the team, channel and user: a command without them cannot be scoped. It
   * gets a one-line private reply in the ack, not a 400: over Socket Mode Bolt never
   * acknowledges a non-200, and the user would see Slack's own failure instead.
   */
  private static Response missingIds() {
    return Response.json(200,
        "{\"response_type\":\"ephemeral\",\"text\":\"dbq could not tell the workspace, channel or user of this command.\"}");
  }

  private static final Logger log = LoggerFactory.getLogger(SlashCommandListener.class);

  private final Inbound inbound;
  private final Callers callers;
  private final Executor work;
  private final AnswerDeadline deadline;
  private final PlatformCounters counters;
  private final SlackForms forms;

  SlashCommandListener(
      Inbound inbound, Callers callers, Executor work, AnswerDeadline deadline, PlatformCounters counters, SlackForms forms) {
    this.inbound = inbound;
    this.callers = callers;
    this.work = work;
    this.deadline = deadline;
    this.counters = counters;
    this.forms = forms;
  }

  Response handle(SlashCommandRequest request, SlashCommandContext ctx) {
    SlashCommandPayload p = request.getPayload();
    String text = p.getText() == null ? "" : p.getText();
    Optional<Caller> caller = callers.of(p.getTeamId(), p.getChannelId(), p.getUserId());
    if (caller.isEmpty()) {
      return missingIds();
    }
    // Bolt wants the acknowledgement as this method's result: the deadline completes it, with
    // the reply or empty, within the budget.
    CompletableFuture<Response> acknowledgement = new CompletableFuture<>();
    deadline.handle(inbound.answersAtOnce(text), () -> Rendered.of(inbound.command(caller.get(), text)),
        new AnswerDeadline.Delivery<>() {
          @Override
          public void answer(Rendered reply) {
            acknowledgement.complete(ack(ctx, reply));
          }

          @Override
          public void acknowledge() {
            acknowledgement.complete(ctx.ack());
          }

          @Override
          public void deliverLater(Rendered reply) {
            respond(ctx, reply);
          }

          @Override
          public void lost(String reason) {
            counters.answerLost(SlackPlatform.NAME, reason);
            log.warn("The answer to /dbq {} was not delivered ({}): the response_url no longer takes it", UserText.shortened(text, 60), reason);
          }

          @Override
          public Rendered failed(RuntimeException e) {
            log.error("/dbq {} failed", text, e);
            return Rendered.SORRY;
          }
        });
    try {
      // Bounded although the deadline always completes it: a request thread never hangs on a stopped timer.
      return acknowledgement.get(deadline.budget().answerWithin().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return ctx.ack();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ack(ctx, Rendered.SORRY);
    }
  }

  /** The reply in the acknowledgement when it is one message; else all of it through the response_url. */
  private Response ack(SlashCommandContext ctx, Rendered reply) {
    if (reply.ackJson().isPresent()) {
      return Response.json(200, reply.ackJson().get());
    }
    // One after another, so the parts arrive in order.
    CompletableFuture.runAsync(() -> respond(ctx, reply), work);
    return ctx.ack();
  }

  /** The messages through the response_url, or the form opened with the command's trigger. */
  private void respond(SlashCommandContext ctx, Rendered reply) {
    if (reply.form().isPresent()) {
      Callers.channel(ctx.getTeamId(), ctx.getChannelId()).ifPresent(channel ->
          forms.open(ctx.getTriggerId(), channel, reply.form().get(), instead -> respond(ctx, Rendered.of(instead))));
      return;
    }
    ResponseUrl.sendAll(reply.messages(), message -> ctx.respond(reply.response(message)));
  }
}
