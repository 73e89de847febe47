package dev.dbq.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.dbq.chat.Inbound;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /dbq TEXT}: the core's reply, in the acknowledgement when it is ready within Slack's
 * three seconds, else through the command's {@code response_url} once it is.
 */
final class SlashCommandListener {

  /** Slack gives up after 3 s; this leaves room for the network and the rendering. */
  static final Duration ACK_BUDGET = Duration.ofMillis(2_000);

  private static final Logger log = LoggerFactory.getLogger(SlashCommandListener.class);

  private final Inbound inbound;
  private final Callers callers;
  private final Executor work;

  SlashCommandListener(Inbound inbound, Callers callers, Executor work) {
    this.inbound = inbound;
    this.callers = callers;
    this.work = work;
  }

  Response handle(SlashCommandRequest request, SlashCommandContext ctx) {
    SlashCommandPayload p = request.getPayload();
    String text = p.getText() == null ? "" : p.getText();
    CompletableFuture<Rendered> answer =
        CompletableFuture.supplyAsync(
            () -> Rendered.of(inbound.command(callers.of(p.getTeamId(), p.getChannelId(), p.getUserId()), text)), work);
    try {
      Rendered reply = answer.get(ACK_BUDGET.toMillis(), TimeUnit.MILLISECONDS);
      if (reply.messages().size() > 1) {
        // All through response_url, one after another, so the parts arrive in order.
        CompletableFuture.runAsync(() -> respond(ctx, reply), work);
        return ctx.ack();
      }
      return ctx.ack(response(reply.responseType(), reply.messages().get(0)));
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
      return ctx.ack(response(Rendered.SORRY.responseType(), Rendered.SORRY.messages().get(0)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ctx.ack(response(Rendered.SORRY.responseType(), Rendered.SORRY.messages().get(0)));
    }
  }

  private static SlashCommandResponse response(String responseType, SlackBlocks.Message message) {
    return SlashCommandResponse.builder()
        .responseType(responseType)
        .text(message.text())
        .blocks(message.blocks())
        .build();
  }

  private static void respond(SlashCommandContext ctx, Rendered reply) {
    ResponseUrl.sendAll(reply.messages(), message -> ctx.respond(response(reply.responseType(), message)));
  }
}
