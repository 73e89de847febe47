package dev.dbq.app;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the banks when a file under the content folders changes, once the change has settled:
 * editors and copies write a file in several steps (truncate, write half, pause, write the rest),
 * and a bank read half-written would lose questions. So after a change it waits until every
 * file's size and modification time stay the same for a quiet period, then reloads once.
 *
 * <p>It watches what appears: a subfolder made after start, and a content folder deleted and
 * made again (each content folder's parent is watched for it). It never dies silently: anything
 * thrown, even an {@link Error}, is logged in one line and kept as {@link #problem()} for
 * {@code /readyz}, and the watcher goes on.
 */
public final class ContentWatcher implements AutoCloseable {

  /** How long files must stay unchanged before a reload; longer than an editor's pauses between writes. */
  public static final Duration QUIET = Duration.ofSeconds(1);

  private static final Logger log = LoggerFactory.getLogger(ContentWatcher.class);

  /** Runs a task after a delay: a timer thread in production, the test's own hand in tests. */
  @FunctionalInterface
  public interface Later {
    void after(Duration delay, Runnable task);
  }

  private final Set<Path> roots;
  private final WatchService service;
  private final Runnable reload;
  private final Later later;
  private final Duration quiet;
  private final AutoCloseable timer;
  private final Map<WatchKey, Path> trees = new ConcurrentHashMap<>();
  private final Map<WatchKey, Path> parents = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean closed;
  private volatile String problem;
  private boolean checkPending;
  private Map<Path, List<Long>> lastSeen;

  private ContentWatcher(Set<Path> roots, WatchService service, Runnable reload, Later later, Duration quiet, AutoCloseable timer) {
    this.roots = roots;
    this.service = service;
    this.reload = reload;
    this.later = later;
    this.quiet = quiet;
    this.timer = timer;
    this.thread = new Thread(this::loop, "dbq-content-watcher");
    this.thread.setDaemon(true);
  }

  /** Watches each folder (and the folder of each file) in {@code paths}, with their subfolders; reloads after {@link #QUIET}. */
  public static ContentWatcher start(List<Path> paths, Runnable reload) throws IOException {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "dbq-content-reload");
      thread.setDaemon(true);
      return thread;
    });
    try {
      return start(paths, reload, (delay, task) -> timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS), QUIET,
          timer::shutdownNow);
    } catch (IOException | RuntimeException e) {
      timer.shutdownNow();
      throw e;
    }
  }

  /** As {@link #start(List, Runnable)}, with settling checks run by {@code later} every {@code quiet}. */
  public static ContentWatcher start(List<Path> paths, Runnable reload, Later later, Duration quiet) throws IOException {
    return start(paths, reload, later, quiet, () -> { });
  }

  private static ContentWatcher start(List<Path> paths, Runnable reload, Later later, Duration quiet, AutoCloseable timer)
      throws IOException {
    Set<Path> roots = new LinkedHashSet<>();
    for (Path path : paths) {
      Path absolute = path.toAbsolutePath().normalize();
      roots.add(Files.isDirectory(absolute) || absolute.getParent() == null ? absolute : absolute.getParent());
    }
    ContentWatcher watcher =
        new ContentWatcher(roots, FileSystems.getDefault().newWatchService(), reload, later, quiet, timer);
    try {
      for (Path root : roots) {
        watcher.watchParentOf(root);
        watcher.watchTree(root);
      }
    } catch (IOException | RuntimeException e) {
      watcher.close();
      throw e;
    }
    watcher.thread.start();
    return watcher;
  }

  /**
   * Why bank edits may not be picked up now (the watcher failed or stopped), if so; cleared by
   * the next reload that runs.
   */
  public Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  private void watchParentOf(Path root) throws IOException {
    Path parent = root.getParent();
    if (parent != null && Files.isDirectory(parent)) {
      parents.put(parent.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE), parent);
    }
  }

  /** Registers {@code folder} and every folder below it (those that exist now; later ones come as events). */
  private void watchTree(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return;
    }
    Files.walkFileTree(folder, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
        trees.put(dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE), dir);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        return FileVisitResult.CONTINUE; // gone while walking: its deletion is an event of its own
      }
    });
  }

  private void loop() {
    while (!closed) {
      try {
        WatchKey key = service.take();
        handle(key);
      } catch (InterruptedException | ClosedWatchServiceException e) {
        if (!closed) {
          failed("stopped", e);
        }
        return;
      } catch (Throwable e) {
        // Even an OutOfMemoryError: say it once, keep it for /readyz, and watch on.
        failed("failed", e);
      }
    }
  }

  private void handle(WatchKey key) throws IOException {
    Path tree = trees.get(key);
    Path parent = parents.get(key);
    boolean changed = false;
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
        changed = true;
        continue;
      }
      Path child = (tree != null ? tree : parent).resolve((Path) event.context());
      if (tree != null) {
        if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child)) {
          watchTree(child); // a subfolder made after start
        }
        changed = true;
      } else if (parent != null && roots.contains(child)) {
        if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
          watchTree(child); // a content folder deleted and made again
        }
        changed = true;
      }
    }
    if (!key.reset()) {
      trees.remove(key);
      parents.remove(key);
    }
    if (changed) {
      changed();
    }
  }

  /** Something changed: check after a quiet period whether it has settled (once, however many events come). */
  private void changed() {
    synchronized (this) {
      if (checkPending) {
        return;
      }
      checkPending = true;
    }
    Map<Path, List<Long>> seen = snapshot();
    synchronized (this) {
      lastSeen = seen;
    }
    later.after(quiet, this::check);
  }

  /** Reloads when nothing changed since the last look, else looks again after another quiet period. */
  private void check() {
    if (closed) {
      return;
    }
    try {
      Map<Path, List<Long>> seen = snapshot();
      synchronized (this) {
        if (!seen.equals(lastSeen)) {
          lastSeen = seen;
          later.after(quiet, this::check);
          return;
        }
        checkPending = false;
        lastSeen = null;
      }
      reload.run();
      problem = null;
    } catch (Throwable e) {
      synchronized (this) {
        checkPending = false;
      }
      failed("failed reloading", e);
    }
  }

  /** Every file's size and modification time under the content folders (and which folders exist). */
  private Map<Path, List<Long>> snapshot() {
    Map<Path, List<Long>> seen = new HashMap<>();
    for (Path root : roots) {
      try {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            seen.put(file, List.of(attributes.size(), attributes.lastModifiedTime().toMillis()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            seen.put(dir, List.of());
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
          }
        });
      } catch (IOException e) {
        seen.put(root, List.of(-1L)); // unreadable now; the next look tells whether it stays so
      }
    }
    return seen;
  }

  private void failed(String what, Throwable e) {
    String line = "the content watcher " + what + " (" + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); bank edits may need /dbq reload";
    problem = line;
    log.error("{}", line);
  }

  @Override
  public void close() {
    closed = true;
    try {
      service.close();
    } catch (IOException e) {
      log.warn("Closing the content watcher failed: {}", e.getMessage());
    }
    thread.interrupt();
    try {
      timer.close();
    } catch (Exception e) {
      log.warn("Stopping the content watcher's timer failed: {}", e.getMessage());
    }
  }
}
