package dev.dbq.testsupport;

import dev.dbq.chat.Caller;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.CommandSpec;
import dev.dbq.chat.Form;
import dev.dbq.chat.Inbound;
import dev.dbq.chat.OptionSpec;
import dev.dbq.chat.Reply;
import dev.dbq.chat.ThreadMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The bot's inbound with one probe: no feature opens a form yet, so {@code /dbq probe-form} (typed,
 * the Discord subcommand {@code probe-form}, or a button whose action is that line) is answered
 * with {@link #FORM}, and each submission is remembered and answered with {@code Thanks, FIELD}.
 * Everything else goes to the real inbound.
 */
public final class ProbeInbound implements Inbound {

  public static final String LINE = "/dbq probe-form";
  public static final Form FORM = new Form("probe", "Suggest a question", List.of(
      new Form.Field("title", "Question", false, true, 200),
      new Form.Field("answer", "Quick answer", true, false, 2000)));

  /** A submission as the core got it. */
  public record Submission(Caller caller, String formId, Map<String, String> values) {}

  private final Inbound delegate;
  private final LinkedBlockingQueue<Submission> submissions = new LinkedBlockingQueue<>();
  /** While closed, the form's answer waits here: a test makes it slow without sleeping. */
  private volatile CountDownLatch formGate = new CountDownLatch(0);

  /** Holds every answer with the form until {@link #releaseForms()}. */
  public void holdForms() {
    formGate = new CountDownLatch(1);
  }

  public void releaseForms() {
    formGate.countDown();
  }

  private Reply form() {
    try {
      if (!formGate.await(1, TimeUnit.MINUTES)) {
        throw new IllegalStateException("the test never released the held form");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return Reply.form(FORM);
  }

  public ProbeInbound(Inbound delegate) {
    this.delegate = delegate;
  }

  /** The next submission, waiting up to {@code timeout}. */
  public Submission awaitSubmission(Duration timeout) throws InterruptedException {
    Submission next = submissions.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (next == null) {
      throw new AssertionError("no form was submitted within " + timeout);
    }
    return next;
  }

  private static boolean isProbe(String line) {
    String stripped = line.strip();
    return stripped.equals(LINE) || stripped.equals("probe-form");
  }

  @Override
  public Reply command(Caller caller, String line) {
    return isProbe(line) ? form() : delegate.command(caller, line);
  }

  @Override
  public boolean answersAtOnce(String line) {
    return isProbe(line) || delegate.answersAtOnce(line);
  }

  @Override
  public Reply command(Caller caller, List<String> path, Map<String, String> options) {
    return path.equals(List.of("probe-form")) ? form() : delegate.command(caller, path, options);
  }

  @Override
  public Reply press(Caller caller, String action) {
    return isProbe(action) ? form() : delegate.press(caller, action);
  }

  @Override
  public Reply submit(Caller caller, String formId, Map<String, String> values) {
    submissions.add(new Submission(caller, formId, Map.copyOf(values)));
    return Reply.text("Thanks, " + values.getOrDefault("title", "?"));
  }

  @Override
  public Reply threadMessage(ChannelKey channel, String threadRef, ThreadMessage message) {
    return delegate.threadMessage(channel, threadRef, message);
  }

  @Override
  public List<String> complete(OptionSpec.Completion what, String typed, int limit) {
    return delegate.complete(what, typed, limit);
  }

  @Override
  public List<CommandSpec> commands() {
    return delegate.commands();
  }

  @Override
  public Reply home(String platform, String workspace, String userId) {
    return delegate.home(platform, workspace, userId);
  }
}
