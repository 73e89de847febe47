package dev.dbq.http;

import dev.dbq.app.BankReload;
import dev.dbq.app.BotRuntime;
import dev.dbq.app.Platform;
import java.util.Optional;

/** A running bot is ready when its database answers, its banks hold questions and every platform is connected. */
public final class BotReadiness implements Readiness {

  private final BotRuntime runtime;

  public BotReadiness(BotRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public Optional<String> notReadyBecause() {
    if (!runtime.bot().databaseAnswers()) {
      return Optional.of("the database does not answer");
    }
    if (runtime.bot().banks().questions().isEmpty()) {
      return Optional.of("no questions are loaded");
    }
    for (Platform platform : runtime.platforms()) {
      if (!platform.ready()) {
        return Optional.of(platform.name() + " is not connected");
      }
    }
    return Optional.empty();
  }

  /** A broken bank edit keeps the last good banks: ready, and saying why the edit was not taken. */
  @Override
  public Optional<String> note() {
    return runtime.bot().reload().flatMap(BankReload::problem);
  }
}
