package dev.dbq.bank;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * What the last load parsed, per file, so that a reload parses only the files that changed and
 * keeps the banks of the others (the same objects the library in use holds). A reload then needs
 * heap for the edited files only, not for a second copy of every bank, and CPU for them only. A
 * file counts as unchanged when its size, modification time and CRC-32 are those taken before it
 * was last parsed: an edit that keeps the size within one tick of the file system's clock is
 * still seen, and so is one made while the file was being parsed.
 *
 * <p>Thread-safe; one instance lives as long as the bot and is shared by its start-up load and
 * every reload.
 */
public final class ParsedFiles {

  private static final ParsedFiles NONE = new ParsedFiles(false);

  /** A file as a load found it, and its parse from an earlier load when it has not changed since. */
  record Look(Path file, Optional<Fingerprint> fingerprint, Optional<BankFileParser.ParsedFile> unchanged) {}

  private record Fingerprint(long size, FileTime modified, long crc) {}

  private record Entry(Fingerprint fingerprint, BankFileParser.ParsedFile parsed) {}

  private final boolean keeping;
  private Map<Path, Entry> byFile = Map.of();

  public ParsedFiles() {
    this(true);
  }

  private ParsedFiles(boolean keeping) {
    this.keeping = keeping;
  }

  /** Keeps nothing and reads nothing more: a one-off load (`bank lint`, tests). */
  public static ParsedFiles none() {
    return NONE;
  }

  /** Takes {@code file}'s fingerprint, before it is parsed, and finds its earlier parse if unchanged. */
  Look look(Path file) {
    if (!keeping) {
      return new Look(file, Optional.empty(), Optional.empty());
    }
    Optional<Fingerprint> now = fingerprint(file);
    Entry before;
    synchronized (this) {
      before = byFile.get(key(file));
    }
    Optional<BankFileParser.ParsedFile> unchanged = before != null && now.isPresent() && now.get().equals(before.fingerprint())
        ? Optional.of(before.parsed()) : Optional.empty();
    return new Look(file, now, unchanged);
  }

  /** Keeps what one load parsed, forgetting the files it no longer has. */
  void keep(Map<Look, BankFileParser.ParsedFile> parsed) {
    if (!keeping) {
      return;
    }
    Map<Path, Entry> next = new HashMap<>();
    parsed.forEach((look, result) -> look.fingerprint()
        .ifPresent(fingerprint -> next.put(key(look.file()), new Entry(fingerprint, result))));
    synchronized (this) {
      byFile = next;
    }
  }

  private static Path key(Path file) {
    return file.toAbsolutePath().normalize();
  }

  private static Optional<Fingerprint> fingerprint(Path file) {
    try {
      long size = Files.size(file);
      FileTime modified = Files.getLastModifiedTime(file);
      CRC32 crc = new CRC32();
      byte[] buffer = new byte[64 * 1024];
      try (InputStream in = Files.newInputStream(file)) {
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
          crc.update(buffer, 0, read);
        }
      }
      return Optional.of(new Fingerprint(size, modified, crc.getValue()));
    } catch (IOException e) {
      return Optional.empty(); // not kept: parsing the file says why it cannot be read
    }
  }
}
