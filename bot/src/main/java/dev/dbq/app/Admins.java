package dev.dbq.app;

import dev.dbq.chat.Caller;
import java.util.List;
import java.util.Set;

/**
 * The one place that decides whether a user may change a channel's settings: the platform says
 * so (workspace admin or owner, Manage Server), or the user's id is under {@code admins:} in the
 * config, written either bare ({@code U024BE7LH}) or with its platform ({@code slack:U024BE7LH},
 * {@code discord:80351110224678912}, {@code console:alice}).
 */
public final class Admins {

  private final Set<String> configured;

  public Admins(List<String> configured) {
    this.configured = Set.copyOf(configured);
  }

  public boolean isAdmin(Caller caller) {
    // The configured ids first: the platform's answer may cost an API call.
    return configured.contains(caller.userId())
        || configured.contains(caller.channel().platform() + ":" + caller.userId())
        || caller.platformAdmin();
  }
}
