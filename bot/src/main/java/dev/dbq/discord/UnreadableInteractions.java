package dev.dbq.discord;

import java.io.IOException;
import java.util.Map;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.internal.JDAImpl;
import net.dv8tion.jda.internal.handle.SocketHandler;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Interactions JDA cannot read (an option without a value, a subcommand group without a
 * subcommand, an autocomplete with no focused option...) make its INTERACTION_CREATE handler
 * throw; JDA then logs the whole payload, interaction token included, with a trace, and nobody
 * answers: the user sees "did not respond". This wraps JDA's handler: such an interaction gets a
 * one-line private reply (posted to its callback URL, which needs no bot token) and one WARN
 * line without the payload.
 *
 * <p>JDA offers no public hook before it parses a dispatch, so this replaces the handler in
 * JDA's internal table; if a JDA upgrade moves it, {@link #install} says so once and the bot
 * runs unguarded (the fuzz test then fails).
 */
final class UnreadableInteractions extends SocketHandler {

  static final String TYPE = "INTERACTION_CREATE";
  static final String REPLY = "Sorry, Discord sent that command in a shape dbq cannot read. Please try it again.";

  private static final Logger log = LoggerFactory.getLogger(UnreadableInteractions.class);
  private static final MediaType JSON = MediaType.get("application/json");

  private final SocketHandler jdas;
  private final String apiUrl;
  private final LostAnswers lost;

  private UnreadableInteractions(JDAImpl api, SocketHandler jdas, String apiUrl, LostAnswers lost) {
    super(api);
    this.jdas = jdas;
    this.apiUrl = apiUrl;
    this.lost = lost;
  }

  /** Puts the guard in front of {@code jda}'s interaction handler (once). */
  static void install(JDA jda, String apiUrl, LostAnswers lost) {
    try {
      JDAImpl impl = (JDAImpl) jda;
      Map<String, SocketHandler> handlers = impl.getClient().getHandlers();
      synchronized (handlers) {
        SocketHandler current = handlers.get(TYPE);
        if (current != null && !(current instanceof UnreadableInteractions)) {
          handlers.put(TYPE, new UnreadableInteractions(impl, current, apiUrl, lost));
        }
      }
    } catch (RuntimeException | LinkageError e) {
      log.warn("Could not guard JDA's interaction handler ({}): unreadable interactions will go unanswered", e.toString());
    }
  }

  @Override
  protected Long handleInternally(DataObject content) {
    try {
      // JDA's handler caches the event itself when the guild is still being set up.
      jdas.handle(responseNumber, allContent);
    } catch (RuntimeException e) {
      String id = content.getString("id", "?");
      log.warn("Discord interaction {} could not be read ({}): answered with a note", id, e.getClass().getSimpleName());
      answer(content, id);
    }
    return null;
  }

  private void answer(DataObject interaction, String id) {
    String token = interaction.getString("token", null);
    if (token == null || !id.matches("\\d+")) {
      return; // nothing to answer to
    }
    boolean autocomplete = interaction.getInt("type", 0) == 4;
    DataObject body = autocomplete
        ? DataObject.empty().put("type", 8).put("data", DataObject.empty().put("choices", DataArray.empty()))
        : DataObject.empty().put("type", 4).put("data", DataObject.empty()
            .put("content", REPLY)
            .put("flags", 64)
            .put("allowed_mentions", DataObject.empty().put("parse", DataArray.empty())));
    Request request = new Request.Builder()
        .url(apiUrl + "interactions/" + id + "/" + token + "/callback")
        .post(RequestBody.create(body.toJson(), JSON))
        .build();
    getJDA().getHttpClient().newCall(request).enqueue(new Callback() {
      @Override
      public void onFailure(Call call, IOException e) {
        lost.lost(id, e);
      }

      @Override
      public void onResponse(Call call, Response response) {
        try (response) {
          if (!response.isSuccessful()) {
            lost.lost(id, new IllegalStateException("HTTP " + response.code()));
          }
        }
      }
    });
  }
}
