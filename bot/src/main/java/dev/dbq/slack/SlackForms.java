package dev.dbq.slack;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.dbq.app.PlatformException;
import dev.dbq.chat.Caller;
import dev.dbq.chat.ChannelGateway;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.Form;
import dev.dbq.chat.Inbound;
import dev.dbq.chat.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forms as Slack modals. A command or press answered with {@link Reply#form} is acknowledged
 * empty and opens a modal with the request's {@code trigger_id} on a worker ({@code
 * views.open}; Slack takes the trigger for three seconds); its
 * {@code view_submission} closes it at once and goes to {@link Inbound#submit}, whose reply the
 * person sees privately in the channel where they asked ({@code chat.postEphemeral}). A view
 * carries no channel, so the modal keeps it in its {@code private_metadata}.
 */
final class SlackForms {

  /** Every form's {@code callback_id} starts so; Bolt routes them all here. */
  static final String CALLBACK_PREFIX = "dbq_form:";
  static final Pattern CALLBACK = Pattern.compile("^" + Pattern.quote(CALLBACK_PREFIX) + "[a-z0-9-]+$");
  /** Each field's input element; its block is named after the field. */
  static final String ACTION_ID = "value";
  static final String TOO_LATE = "Slack no longer lets this form open (it took too long): please try again.";

  private static final Logger log = LoggerFactory.getLogger(SlackForms.class);

  private final Inbound inbound;
  private final Callers callers;
  private final MethodsClient methods;
  private final WebApi webApi;
  private final ChannelGateway gateway;
  private final Executor work;

  SlackForms(Inbound inbound, Callers callers, MethodsClient methods, WebApi webApi, ChannelGateway gateway, Executor work) {
    this.inbound = inbound;
    this.callers = callers;
    this.methods = methods;
    this.webApi = webApi;
    this.gateway = gateway;
    this.work = work;
  }

  /**
   * Opens the form for the person who triggered it. A trigger Slack no longer takes (the answer
   * came after its three seconds) is told to them through {@code instead}, as is any refusal.
   */
  void open(String triggerId, ChannelKey channel, Form form, Consumer<Reply> instead) {
    ViewsOpenResponse opened;
    try {
      // A 5xx may have opened it already, and the trigger lasts three seconds: no blind retry.
      opened = webApi.answerRetryingRateLimitsOnly("views.open of " + form.id(),
          () -> methods.viewsOpen(r -> r.triggerId(triggerId).view(modal(channel, form))));
    } catch (PlatformException e) {
      log.warn("{}: the form {} did not open: {}", channel, form.id(), e.getMessage());
      instead.accept(Reply.text("Sorry, that form could not be opened. Please try again."));
      return;
    }
    if (!opened.isOk()) {
      log.info("{}: views.open of {} refused: {}", channel, form.id(), opened.getError());
      instead.accept(Reply.text("expired_trigger_id".equals(opened.getError()) ? TOO_LATE
          : "Sorry, that form could not be opened. Please try again."));
    }
  }

  /** The form as a modal: one plain-text input a field, the channel in its metadata. */
  static View modal(ChannelKey channel, Form form) {
    List<LayoutBlock> inputs = form.fields().stream().map(field -> (LayoutBlock) InputBlock.builder()
        .blockId(field.name())
        .label(PlainTextObject.builder().text(field.label()).build())
        .optional(!field.required())
        .element(PlainTextInputElement.builder()
            .actionId(ACTION_ID)
            .multiline(field.multiline())
            .maxLength(field.maxLength())
            .build())
        .build()).toList();
    return View.builder()
        .type("modal")
        .callbackId(CALLBACK_PREFIX + form.id())
        .privateMetadata(channel.channel())
        .title(ViewTitle.builder().type("plain_text").text(form.title()).build())
        .submit(ViewSubmit.builder().type("plain_text").text("Submit").build())
        .close(ViewClose.builder().type("plain_text").text("Cancel").build())
        .blocks(inputs)
        .build();
  }

  /** Closes the modal at once (Slack waits three seconds) and answers the submission privately. */
  Response submitted(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
    ViewSubmissionPayload p = request.getPayload();
    View view = p.getView();
    String team = p.getTeam() == null ? null : p.getTeam().getId();
    String user = p.getUser() == null ? null : p.getUser().getId();
    Optional<Caller> caller = callers.of(team, view == null ? null : view.getPrivateMetadata(), user);
    if (caller.isEmpty() || view.getCallbackId() == null) {
      log.debug("a form submission without its team, channel or user was dropped");
      return ctx.ack();
    }
    String formId = view.getCallbackId().substring(CALLBACK_PREFIX.length());
    Map<String, String> values = values(view.getState());
    work.execute(() -> answer(caller.get(), formId, values));
    return ctx.ack();
  }

  private void answer(Caller caller, String formId, Map<String, String> values) {
    try {
      Reply reply = inbound.submit(caller, formId, values);
      gateway.tellPrivately(caller.channel(), caller.userId(), reply);
    } catch (RuntimeException e) {
      log.error("the submission of form {} in {} failed", formId, caller.channel(), e);
    }
  }

  /** Each field's value by its block's name; an empty field is an empty string. */
  static Map<String, String> values(ViewState state) {
    Map<String, String> values = new LinkedHashMap<>();
    if (state == null || state.getValues() == null) {
      return values;
    }
    state.getValues().forEach((block, actions) -> {
      ViewState.Value value = actions == null ? null : actions.get(ACTION_ID);
      values.put(block, value == null || value.getValue() == null ? "" : value.getValue());
    });
    return values;
  }
}
