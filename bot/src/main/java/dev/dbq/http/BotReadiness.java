package dev.dbq.http;

import dev.dbq.app.BankReload;
import dev.dbq.app.BotRuntime;
import dev.dbq.app.Platform;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * A running bot is ready when its database answers (within a second), its banks hold questions,
 * the disk its database writes to has room and every platform is connected with its API
 * working. What does not stop it working (a bank edit not taken, questions an edit removed, a
 * content watcher that stopped) is a note beside "ready".
 */
public final class BotReadiness implements Readiness, AutoCloseable {

  /** {@code /readyz} answers within a second even when the database hangs. */
  public static final Duration DATABASE_BUDGET = Duration.ofMillis(800);

  /** Below this much free space SQLite's writes (and its journal) start failing soon. */
  public static final long MIN_FREE_BYTES = 64L << 20;

  private final BotRuntime runtime;
  private final BoundedCheck database;
  private final Duration budget;
  private volatile Path dataFolder;
  private volatile ToLongFunction<Path> usableBytes = path -> new File(path.toString()).getUsableSpace();
  private volatile Supplier<Optional<String>> watcher = Optional::empty;

  public BotReadiness(BotRuntime runtime) {
    this(runtime, () -> runtime.bot().databaseAnswers(), DATABASE_BUDGET);
  }

  /** With the database check given (tests: one that hangs). */
  BotReadiness(BotRuntime runtime, BooleanSupplier databaseAnswers, Duration budget) {
    this.runtime = runtime;
    this.database = new BoundedCheck("dbq-readiness-database", databaseAnswers, budget);
    this.budget = budget;
  }

  /** Also not ready when the disk holding {@code jdbcUrl}'s SQLite file is (nearly) full; nothing for PostgreSQL. */
  public BotReadiness watchingDiskOf(String jdbcUrl) {
    this.dataFolder = sqliteFolder(jdbcUrl).orElse(null);
    return this;
  }

  /** Measures free space with {@code usableBytes} (tests: a full disk). */
  BotReadiness measuringDiskWith(ToLongFunction<Path> usableBytes) {
    this.usableBytes = usableBytes;
    return this;
  }

  /** Notes why bank edits are not picked up (the content watcher stopped), when {@code problem} says so. */
  public BotReadiness watcherProblem(Supplier<Optional<String>> problem) {
    this.watcher = problem;
    return this;
  }

  @Override
  public Optional<String> notReadyBecause() {
    Optional<Boolean> answers;
    try {
      answers = database.answer();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
    if (answers.isEmpty()) {
      return Optional.of("the database does not answer within " + budget.toMillis() + " ms");
    }
    if (!answers.get()) {
      return Optional.of("the database does not answer");
    }
    if (runtime.bot().banks().questions().isEmpty()) {
      return Optional.of("no questions are loaded");
    }
    Optional<String> disk = diskProblem();
    if (disk.isPresent()) {
      return disk;
    }
    for (Platform platform : runtime.platforms()) {
      if (!platform.ready()) {
        return Optional.of(platform.name() + " is not connected");
      }
      Optional<String> trouble = platform.trouble();
      if (trouble.isPresent()) {
        return Optional.of(platform.name() + ": " + trouble.get());
      }
    }
    return Optional.empty();
  }

  private Optional<String> diskProblem() {
    Path folder = dataFolder;
    if (folder == null) {
      return Optional.empty();
    }
    long free = usableBytes.applyAsLong(folder);
    if (free >= MIN_FREE_BYTES) {
      return Optional.empty();
    }
    return Optional.of("the disk of the database folder " + folder + " has " + (free >> 20) + " MB free (under "
        + (MIN_FREE_BYTES >> 20) + " MB): writes will fail");
  }

  /** A broken bank edit, questions an edit removed, a stopped watcher: ready, and saying so. */
  @Override
  public Optional<String> note() {
    List<String> notes = new ArrayList<>();
    runtime.bot().reload().flatMap(BankReload::note).ifPresent(notes::add);
    watcher.get().ifPresent(notes::add);
    return notes.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", notes));
  }

  /** The folder of a {@code jdbc:sqlite:FILE} database; empty for in-memory and PostgreSQL. */
  static Optional<Path> sqliteFolder(String jdbcUrl) {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:sqlite:")) {
      return Optional.empty();
    }
    String file = jdbcUrl.substring("jdbc:sqlite:".length());
    int query = file.indexOf('?');
    file = query < 0 ? file : file.substring(0, query);
    if (file.startsWith("file:")) {
      file = file.substring("file:".length());
    }
    if (file.isBlank() || file.contains(":memory:") || file.contains("mode=memory")) {
      return Optional.empty();
    }
    Path parent = Path.of(file).toAbsolutePath().getParent();
    return Optional.ofNullable(parent);
  }

  @Override
  public void close() {
    database.close();
  }
}
