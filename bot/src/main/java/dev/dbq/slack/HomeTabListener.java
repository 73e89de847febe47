package dev.dbq.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.event.AppHomeOpenedEvent;
import dev.dbq.app.PlatformException;
import dev.dbq.chat.Inbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code app_home_opened} on the Home tab: publishes the user's page with {@code views.publish}. */
final class HomeTabListener {

  private static final Logger log = LoggerFactory.getLogger(HomeTabListener.class);

  private final Inbound inbound;
  private final MethodsClient methods;
  private final WebApi webApi;

  HomeTabListener(Inbound inbound, MethodsClient methods, WebApi webApi) {
    this.inbound = inbound;
    this.methods = methods;
    this.webApi = webApi;
  }

  void handle(EventsApiPayload<AppHomeOpenedEvent> payload) {
    AppHomeOpenedEvent event = payload.getEvent();
    if (event.getTab() != null && !"home".equals(event.getTab())) {
      return;
    }
    String user = event.getUser();
    if (!Callers.present(user) || !Callers.present(payload.getTeamId())) {
      return; // Slack always names both: nothing to publish for nobody
    }
    try {
      var view = SlackBlocks.home(inbound.home(SlackPlatform.NAME, payload.getTeamId(), user));
      webApi.call("views.publish for " + user, () -> methods.viewsPublish(r -> r.userId(user).view(view)));
    } catch (PlatformException e) {
      log.warn("the Home tab of {} was not published: {}", user, e.getMessage());
    }
  }
}
