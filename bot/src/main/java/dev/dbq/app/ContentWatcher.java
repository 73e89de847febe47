package dev.dbq.app;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the banks when a file under the content folders changes. Editors write a file in
 * several steps (truncate, write, rename), so changes are gathered until the folder is quiet
 * for a moment, then reloaded once.
 */
public final class ContentWatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ContentWatcher.class);
  private static final long QUIET_MILLIS = 300;

  private final WatchService watcher;
  private final Runnable reload;
  private final Thread thread;

  private ContentWatcher(WatchService watcher, Runnable reload) {
    this.watcher = watcher;
    this.reload = reload;
    this.thread = new Thread(this::loop, "dbq-content-watcher");
    this.thread.setDaemon(true);
  }

  /** Watches each folder (and the folder of each file) in {@code paths}, with their subfolders. */
  public static ContentWatcher start(List<Path> paths, Runnable reload) throws IOException {
    WatchService service = FileSystems.getDefault().newWatchService();
    Set<Path> folders = new HashSet<>();
    for (Path path : paths) {
      Path folder = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
      if (folder != null && Files.isDirectory(folder)) {
        try (Stream<Path> tree = Files.walk(folder)) {
          tree.filter(Files::isDirectory).forEach(folders::add);
        }
      }
    }
    for (Path folder : folders) {
      folder.register(
          service,
          StandardWatchEventKinds.ENTRY_CREATE,
          StandardWatchEventKinds.ENTRY_MODIFY,
          StandardWatchEventKinds.ENTRY_DELETE);
    }
    ContentWatcher watcher = new ContentWatcher(service, reload);
    watcher.thread.start();
    return watcher;
  }

  private void loop() {
    try {
      while (true) {
        WatchKey key = watcher.take();
        drain(key);
        // Wait for the burst of events of one save to end before reloading once.
        for (WatchKey more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
            more != null;
            more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) {
          drain(more);
        }
        try {
          reload.run();
        } catch (RuntimeException e) {
          log.error("Reloading the banks failed; the last good banks stay", e);
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void drain(WatchKey key) {
    key.pollEvents();
    key.reset();
  }

  @Override
  public void close() {
    try {
      watcher.close();
    } catch (IOException e) {
      log.warn("Closing the content watcher failed: {}", e.getMessage());
    }
    thread.interrupt();
  }
}
