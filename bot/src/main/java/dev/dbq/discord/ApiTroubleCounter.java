package dev.dbq.discord;

import dev.dbq.app.ApiTrouble;
import dev.dbq.chat.PlatformCounters;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * Counts the Discord API's rate limits, server errors and unreachable calls in {@code /metrics},
 * and keeps the last one's {@link ApiTrouble} for {@code /readyz}. JDA waits out a 429 and
 * retries on its own, so without this an operator would never see them.
 */
final class ApiTroubleCounter implements Interceptor {

  private final PlatformCounters metrics;
  private final ApiTrouble trouble;

  ApiTroubleCounter(PlatformCounters metrics, ApiTrouble trouble) {
    this.metrics = metrics;
    this.trouble = trouble;
  }

  /** JDA's own default client (25 requests per host, 5 idle connections for 10 s), counted. */
  static OkHttpClient.Builder httpClient(PlatformCounters metrics, ApiTrouble trouble) {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequestsPerHost(25);
    return new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(5, 10, TimeUnit.SECONDS))
        .dispatcher(dispatcher)
        .addInterceptor(new ApiTroubleCounter(metrics, trouble));
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response;
    try {
      response = chain.proceed(chain.request());
    } catch (IOException e) {
      trouble.unreachable(e);
      metrics.platformApiError(DiscordPlatform.NAME, "io");
      throw e;
    }
    int status = response.code();
    if (status == 429) {
      metrics.platformApiError(DiscordPlatform.NAME, "429");
      metrics.platformApiRetry(DiscordPlatform.NAME, "rate_limited");
    } else if (status >= 500) {
      metrics.platformApiError(DiscordPlatform.NAME, Integer.toString(status));
    }
    if (status >= 500) {
      trouble.failing(status);
    } else {
      trouble.answered();
    }
    return response;
  }
}
