package dev.dbq.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.dbq.chat.Caller;
import dev.dbq.chat.Inbound;
import dev.dbq.chat.Reply;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presses of the bot's buttons ({@code block_actions}): acknowledged at once, answered through
 * the action's {@code response_url} as a new message (the pressed one stays). The value carries
 * the whole action, since a press on an ephemeral message arrives without the message.
 */
final class ButtonListener {

  private static final Logger log = LoggerFactory.getLogger(ButtonListener.class);

  private final Inbound inbound;
  private final Callers callers;
  private final Executor work;
  private final SlackForms forms;

  ButtonListener(Inbound inbound, Callers callers, Executor work, SlackForms forms) {
    this.inbound = inbound;
    this.callers = callers;
    this.work = work;
    this.forms = forms;
  }

  Response handle(BlockActionRequest request, ActionContext ctx) {
    BlockActionPayload p = request.getPayload();
    if (p.getChannel() == null || p.getActions() == null || p.getActions().isEmpty()) {
      // Buttons outside a channel (a Home tab) carry nothing the core can act on.
      return ctx.ack();
    }
    String value = p.getActions().get(0) == null ? null : p.getActions().get(0).getValue();
    String team = p.getTeam() != null ? p.getTeam().getId() : p.getUser() != null ? p.getUser().getTeamId() : null;
    Optional<Caller> caller = callers.of(team, p.getChannel().getId(), p.getUser() == null ? null : p.getUser().getId());
    if (caller.isEmpty()) {
      // Slack always sends them: a press without them is acknowledged and dropped (over Socket
      // Mode Bolt never acknowledges a non-200).
      log.debug("a button press without its team, channel or user was dropped");
      return ctx.ack();
    }
    String triggerId = p.getTriggerId();
    work.execute(() -> answer(ctx, caller.get(), value == null ? "" : value, triggerId));
    return ctx.ack();
  }

  private void answer(ActionContext ctx, Caller caller, String value, String triggerId) {
    try {
      Optional<String> shared = ShareButton.sharedCommand(value);
      Reply reply = shared.isPresent()
          ? inbound.press(caller, shared.get()).withVisibility(Reply.Visibility.CHANNEL)
          : inbound.press(caller, value);
      if (reply.isForm()) {
        forms.open(triggerId, caller.channel(), reply.form(), instead -> respond(ctx, Rendered.of(instead)));
        return;
      }
      respond(ctx, Rendered.of(reply));
    } catch (RuntimeException e) {
      log.error("the button '{}' failed", value, e);
      respond(ctx, Rendered.SORRY);
    }
  }

  /** A new message: the pressed one stays as it was. */
  private static void respond(ActionContext ctx, Rendered reply) {
    ResponseUrl.sendAll(reply.messages(), message -> ctx.respond(ActionResponse.builder()
        .responseType(reply.responseType())
        .replaceOriginal(false)
        .text(message.text())
        .blocks(message.blocks())
        .build()));
  }
}
