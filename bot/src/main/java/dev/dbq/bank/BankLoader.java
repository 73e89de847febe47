package dev.dbq.bank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads question banks from files and folders. A folder stands for every {@code *.md} file below
 * it, in path order so output is stable. Files are named as given or as walked ({@code content}
 * gives {@code content/database-architecture.md}), with forward slashes. A file with a fatal
 * problem is reported and skipped; the others still load.
 */
public final class BankLoader {

  /** The default of {@code content.max_file_size}: thousands of questions, far from a heap's limits. */
  public static final long DEFAULT_MAX_FILE_SIZE = 5L << 20;

  private final BankFileParser parser = new BankFileParser();
  private final long maxFileSize;
  private final HeapBudget heap;
  private final Pace pace;
  private final ParsedFiles remembered;

  public BankLoader() {
    this(DEFAULT_MAX_FILE_SIZE);
  }

  /** @param maxFileSize a file larger than this many bytes is refused (an error at line 1) without being read */
  public BankLoader(long maxFileSize) {
    this(maxFileSize, HeapBudget.unlimited());
  }

  /**
   * @param heap what the files may take of the heap: a file that would not fit is refused (an
   *     error at line 1, one line) without being read
   */
  public BankLoader(long maxFileSize, HeapBudget heap) {
    this(maxFileSize, heap, Pace.NONE);
  }

  /** @param pace how the load shares the CPU: after each file it may pause (a reload beside live traffic) */
  public BankLoader(long maxFileSize, HeapBudget heap, Pace pace) {
    this(maxFileSize, heap, pace, ParsedFiles.none());
  }

  /**
   * @param remembered what earlier loads parsed: a file unchanged since is not read again (its
   *     bank is already in use, so it takes no new heap), and what this load parses is kept there
   */
  public BankLoader(long maxFileSize, HeapBudget heap, Pace pace, ParsedFiles remembered) {
    if (maxFileSize < 1) {
      throw new IllegalArgumentException("maxFileSize must be positive, got " + maxFileSize);
    }
    this.maxFileSize = maxFileSize;
    this.heap = heap;
    this.pace = pace;
    this.remembered = remembered;
  }

  /** Loads every bank under {@code paths} (files or folders). Never throws for bad input. */
  public LoadResult load(List<Path> paths) {
    List<Problem> problems = new ArrayList<>();
    // A file named twice (as itself and inside a folder) is loaded once.
    Map<Path, Path> files = new LinkedHashMap<>();
    for (Path path : paths) {
      bankFiles(path, problems).forEach(file -> files.putIfAbsent(file.toAbsolutePath().normalize(), file));
    }
    List<Bank> banks = new ArrayList<>();
    Map<String, String> filesById = new HashMap<>();
    long kept = 0;
    Map<ParsedFiles.Look, BankFileParser.ParsedFile> parsedFiles = new LinkedHashMap<>();
    for (Path file : files.values()) {
      String name = displayName(file);
      ParsedFiles.Look look = remembered.look(file);
      BankFileParser.ParsedFile parsed;
      if (look.unchanged().isPresent()) {
        parsed = look.unchanged().get(); // its bank is in use already: no new heap
      } else {
        long size = sizeOf(file);
        Optional<String> refusal = heap.refusal(size, kept);
        long started = System.nanoTime();
        parsed = refusal.isPresent() ? failed(name, refusal.get()) : read(file, name);
        pace.after(System.nanoTime() - started);
        if (parsed.bank().isPresent()) {
          kept += HeapBudget.kept(size);
        }
      }
      parsedFiles.put(look, parsed);
      problems.addAll(parsed.problems());
      parsed.bank().ifPresent(bank -> {
        String firstFile = filesById.putIfAbsent(bank.id(), name);
        if (firstFile == null) {
          banks.add(bank);
        } else {
          problems.add(Problem.error(name, parsed.idLine(),
              "bank id \"" + bank.id() + "\" is already used by " + firstFile + "; this file is skipped"));
        }
      });
    }
    remembered.keep(parsedFiles);
    return new LoadResult(banks, problems);
  }

  /** Parses one file's bytes; {@code file} is the name used for the bank and its problems. */
  public LoadResult parse(String file, byte[] bytes) {
    BankFileParser.ParsedFile parsed = parser.parse(file, bytes);
    return new LoadResult(parsed.bank().stream().toList(), parsed.problems());
  }

  private BankFileParser.ParsedFile read(Path file, String name) {
    // Parsing takes several times a file's size in memory: an oversized file is refused before
    // it is read, and never more than the limit is read (it may grow while we look).
    long size = sizeOf(file);
    if (size > maxFileSize) {
      return tooLarge(name);
    }
    try (LimitedInput in = new LimitedInput(Files.newInputStream(file), maxFileSize)) {
      BankFileParser.ParsedFile parsed = parser.parse(name, in);
      return in.exceeded() ? tooLarge(name) : parsed;
    } catch (IOException e) {
      return failed(name, "cannot read the file: " + describe(e));
    } catch (OutOfMemoryError e) {
      // The last resort when the estimate was wrong: what the parse built is garbage by now, so
      // one line replaces the trace and the other banks (or the last good ones) stay.
      return failed(name, HeapBudget.ranOut(size, Runtime.getRuntime().maxMemory()));
    }
  }

  private BankFileParser.ParsedFile tooLarge(String name) {
    return failed(name, "the file is larger than content.max_file_size (" + megabytes(maxFileSize)
        + "), so it is not read; split it into several banks or raise the limit");
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // reading it will say why
    }
  }

  private static BankFileParser.ParsedFile failed(String name, String message) {
    return new BankFileParser.ParsedFile(Optional.empty(), 1, List.of(Problem.error(name, 1, message)));
  }

  private static String megabytes(long bytes) {
    return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MB" : bytes % 1024 == 0 ? (bytes >> 10) + " KB" : bytes + " bytes";
  }

  /** The files {@code path} stands for; problems with the path itself go to {@code problems}. */
  private static List<Path> bankFiles(Path path, List<Problem> problems) {
    if (!Files.exists(path)) {
      problems.add(Problem.error(displayName(path), 1, "no such file or folder"));
      return List.of();
    }
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> walk = Files.walk(path)) {
      List<Path> found = walk.filter(BankLoader::isMarkdownFile)
          .sorted(Comparator.comparing(BankLoader::displayName))
          .toList();
      if (found.isEmpty()) {
        problems.add(Problem.warning(displayName(path), 1, "folder holds no *.md bank files"));
      }
      return found;
    } catch (IOException | UncheckedIOException e) {
      problems.add(Problem.error(displayName(path), 1, "cannot list the folder: " + describe(e)));
      return List.of();
    }
  }

  private static boolean isMarkdownFile(Path path) {
    return Files.isRegularFile(path)
        && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md");
  }

  private static String displayName(Path path) {
    return path.toString().replace(path.getFileSystem().getSeparator(), "/");
  }

  private static String describe(Exception e) {
    Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
    return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage());
  }
}
