package dev.dbq.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.dbq.chat.Caller;
import dev.dbq.chat.Inbound;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /dbq TEXT}: the core's reply, in the acknowledgement when it is ready within Slack's
 * three seconds, else through the command's {@code response_url} once it is. Commands that
 * answer from memory run on the request's thread; the others on a worker, watched by the clock.
 */
final class SlashCommandListener {

  /** Slack gives up after 3 s; this leaves room for the network and the rendering. */
  static final Duration ACK_BUDGET = Duration.ofMillis(2_000);

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
  private final SlackForms forms;

  SlashCommandListener(Inbound inbound, Callers callers, Executor work, SlackForms forms) {
    this.inbound = inbound;
    this.callers = callers;
    this.work = work;
    this.forms = forms;
  }

  Response handle(SlashCommandRequest request, SlashCommandContext ctx) {
    SlashCommandPayload p = request.getPayload();
    String text = p.getText() == null ? "" : p.getText();
    Optional<Caller> caller = callers.of(p.getTeamId(), p.getChannelId(), p.getUserId());
    if (caller.isEmpty()) {
      return missingIds();
    }
    Supplier<Rendered> answering = () -> Rendered.of(inbound.command(caller.get(), text));
    if (inbound.answersAtOnce(text)) {
      // From memory, in microseconds: handing it to a worker would only add two thread switches.
      try {
        return ack(ctx, answering.get());
      } catch (RuntimeException e) {
        log.error("/dbq {} failed", text, e);
        return ack(ctx, Rendered.SORRY);
      }
    }
    CompletableFuture<Rendered> answer = CompletableFuture.supplyAsync(answering, work);
    try {
      return ack(ctx, answer.get(ACK_BUDGET.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException slow) {
      answer.whenComplete((reply, failure) -> {
        if (failure != null) {
          log.error("/dbq {} failed", text, failure);
          respond(ctx, Rendered.SORRY);
        } else {
          respond(ctx, reply);
        }
      });
      return ctx.ack();
    } catch (ExecutionException e) {
      log.error("/dbq {} failed", text, e.getCause());
      return ack(ctx, Rendered.SORRY);
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
