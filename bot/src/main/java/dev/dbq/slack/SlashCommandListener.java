package dev.dbq.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.webhook.WebhookResponse;
import dev.dbq.chat.Inbound;
import dev.dbq.chat.Reply;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
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
  /** Slack accepts this many posts to one response_url. */
  static final int RESPONSE_URL_USES = 5;

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
        CompletableFuture.runAsync(() -> respond(ctx, reply.responseType(), reply.messages()), work);
        return ctx.ack();
      }
      return ctx.ack(response(reply.responseType(), reply.messages().get(0)));
    } catch (TimeoutException slow) {
      answer.whenComplete((reply, failure) -> {
        if (failure != null) {
          log.error("/dbq {} failed", text, failure);
          respond(ctx, Rendered.EPHEMERAL, List.of(sorry()));
        } else {
          respond(ctx, reply.responseType(), reply.messages());
        }
      });
      return ctx.ack();
    } catch (ExecutionException e) {
      log.error("/dbq {} failed", text, e.getCause());
      return ctx.ack(response(Rendered.EPHEMERAL, sorry()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ctx.ack(response(Rendered.EPHEMERAL, sorry()));
    }
  }

  private static SlackBlocks.Message sorry() {
    return SlackBlocks.messages(Reply.text("Sorry, that went wrong on our side. Please try again.")).get(0);
  }

  private static SlashCommandResponse response(String responseType, SlackBlocks.Message message) {
    return SlashCommandResponse.builder()
        .responseType(responseType)
        .text(message.text())
        .blocks(message.blocks())
        .build();
  }

  private static void respond(SlashCommandContext ctx, String responseType, List<SlackBlocks.Message> messages) {
    if (messages.size() > RESPONSE_URL_USES) {
      log.warn("a reply of {} messages was cut to {}", messages.size(), RESPONSE_URL_USES);
    }
    for (SlackBlocks.Message message : messages.subList(0, Math.min(messages.size(), RESPONSE_URL_USES))) {
      try {
        WebhookResponse sent = ctx.respond(response(responseType, message));
        if (sent.getCode() != 200) {
          log.warn("response_url answered HTTP {}: {}", sent.getCode(), sent.getBody());
          return;
        }
      } catch (IOException e) {
        log.warn("response_url could not be reached: {}", e.getMessage());
        return;
      }
    }
  }
}
