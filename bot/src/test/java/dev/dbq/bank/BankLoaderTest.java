package dev.dbq.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading from files and folders: naming, order, fatal problems and clashes between files. */
class BankLoaderTest {

  private static final String QUESTION = """
      ### Q1: Only question
      **Difficulty:** Senior | **Companies:** Acme | **Frequency:** Common

      #### Quick Answer
      Yes.
      """;

  @TempDir Path dir;

  @Test
  void loadsEveryMarkdownFileBelowAFolderInPathOrderNamedAsWalked() throws IOException {
    // given
    write("banks/b.md", QUESTION);
    write("banks/a/z.md", QUESTION);
    write("banks/a.md", QUESTION);
    write("banks/notes.txt", "not a bank");

    // when
    LoadResult result = new BankLoader().load(List.of(dir.resolve("banks")));

    // then
    String root = dir.toString().replace('\\', '/');
    assertEquals(
        List.of(root + "/banks/a.md", root + "/banks/a/z.md", root + "/banks/b.md"),
        result.banks().stream().map(Bank::file).toList());
    assertEquals(List.of("a", "z", "b"), result.banks().stream().map(Bank::id).toList());
    assertEquals(List.of(), result.problems());
  }

  @Test
  void keepsRelativePathsRelative() {
    // given
    Path bundled = TestBanks.realBankPath().getParent();
    Path relative = Path.of("").toAbsolutePath().relativize(bundled);

    // when
    LoadResult result = new BankLoader().load(List.of(relative));

    // then
    String expected = relative.toString().replace('\\', '/') + "/database-architecture.md";
    assertEquals(List.of(expected), result.banks().stream().map(Bank::file).toList());
    assertTrue(result.problems().stream().allMatch(p -> p.file().equals(expected)));
  }

  @Test
  void nonexistentPathIsOneErrorAtLineOne() {
    // when
    LoadResult result = new BankLoader().load(List.of(Path.of("no/such/bank.md")));

    // then
    assertEquals(List.of("no/such/bank.md:1: error: no such file or folder"), result.problems().stream().map(Problem::format).toList());
    assertEquals(List.of(), result.banks());
  }

  @Test
  void fileWithBadFrontMatterIsSkippedAndTheOthersStillLoad() throws IOException {
    // given
    Path bad = write("a-bad.md", "---\ntitle: [unclosed\n---\n" + QUESTION);
    Path good = write("b-good.md", QUESTION);

    // when
    LoadResult result = new BankLoader().load(List.of(bad, good));

    // then
    assertEquals(List.of("b-good"), result.banks().stream().map(Bank::id).toList());
    assertEquals(1, result.problems().size());
    Problem problem = result.problems().get(0);
    assertEquals(List.of(bad.toString().replace('\\', '/'), Problem.Severity.ERROR), List.of(problem.file(), problem.severity()));
    assertTrue(problem.line() >= 2 && problem.line() <= 3, problem.format());
    assertTrue(result.hasErrors());
  }

  @Test
  void secondFileWithTheSameBankIdIsAnErrorAndSkipped() throws IOException {
    // given
    Path first = write("one/shared.md", QUESTION);
    Path second = write("two.md", "---\ntitle: Two\nid: shared\n---\n" + QUESTION);

    // when
    LoadResult result = new BankLoader().load(List.of(first, second));

    // then
    assertEquals(List.of(first.toString().replace('\\', '/')), result.banks().stream().map(Bank::file).toList());
    assertEquals(
        List.of(second.toString().replace('\\', '/') + ":3: error: bank id \"shared\" is already used by "
            + first.toString().replace('\\', '/') + "; this file is skipped"),
        result.problems().stream().map(Problem::format).toList());
  }

  @Test
  void fileNamedTwiceLoadsOnce() throws IOException {
    // given
    Path file = write("banks/once.md", QUESTION);

    // when
    LoadResult result = new BankLoader().load(List.of(file, dir.resolve("banks")));

    // then
    assertEquals(1, result.banks().size());
    assertEquals(List.of(), result.problems());
  }

  @Test
  void folderWithoutBanksIsAWarning() throws IOException {
    // given
    Path empty = Files.createDirectories(dir.resolve("empty"));

    // when
    LoadResult result = new BankLoader().load(List.of(empty));

    // then
    assertEquals(List.of(empty.toString().replace('\\', '/') + ":1: warning: folder holds no *.md bank files"),
        result.problems().stream().map(Problem::format).toList());
  }

  @Test
  void aFileOverTheSizeLimitIsOneErrorAtLineOneWithoutBeingReadAndTheOthersStillLoad() throws IOException {
    // given a 3 GB file (sparse: it takes no disk) that no heap could parse, and a good bank
    Path huge = dir.resolve("a-huge.md");
    try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(3L << 30);
    }
    Path good = write("b-good.md", QUESTION);

    // when
    LoadResult result = new BankLoader().load(List.of(huge, good));

    // then
    assertEquals(List.of("b-good"), result.banks().stream().map(Bank::id).toList());
    assertEquals(List.of(huge.toString().replace('\\', '/') + ":1: error: the file is larger than content.max_file_size"
            + " (5 MB), so it is not read; split it into several banks or raise the limit"),
        result.problems().stream().map(Problem::format).toList());
  }

  @Test
  void theSizeLimitIsConfigurable() throws IOException {
    // given
    Path bank = write("bank.md", QUESTION);

    // when
    LoadResult tooSmall = new BankLoader(QUESTION.length() - 1).load(List.of(bank));
    LoadResult justRight = new BankLoader(QUESTION.length()).load(List.of(bank));

    // then
    assertTrue(tooSmall.problems().get(0).message().startsWith("the file is larger than content.max_file_size"));
    assertEquals(1, justRight.banks().size());
  }

  @Test
  void aReloadKeepsTheBanksOfUnchangedFilesAndParsesOnlyTheEditedOnes() throws IOException {
    // given: two banks loaded once, remembering what was parsed
    write("banks/a.md", QUESTION);
    write("banks/b.md", QUESTION);
    ParsedFiles remembered = new ParsedFiles();
    BankLoader loader = new BankLoader(BankLoader.DEFAULT_MAX_FILE_SIZE, HeapBudget.unlimited(), Pace.NONE, remembered);
    LoadResult first = loader.load(List.of(dir.resolve("banks")));

    // when: b is edited and the banks are loaded again
    write("banks/b.md", QUESTION.replace("Only question", "Edited question"));
    LoadResult second = loader.load(List.of(dir.resolve("banks")));

    // then: a is the very bank already in use, b is parsed afresh
    assertSame(first.banks().get(0), second.banks().get(0));
    assertNotSame(first.banks().get(1), second.banks().get(1));
    assertEquals("Edited question", second.banks().get(1).questions().get(0).title());
  }

  @Test
  void anEditThatKeepsTheSizeAndTheModificationTimeIsStillParsed() throws IOException {
    // given
    Path file = write("banks/a.md", QUESTION);
    ParsedFiles remembered = new ParsedFiles();
    BankLoader loader = new BankLoader(BankLoader.DEFAULT_MAX_FILE_SIZE, HeapBudget.unlimited(), Pace.NONE, remembered);
    loader.load(List.of(file));
    FileTime modified = Files.getLastModifiedTime(file);

    // when: the same number of bytes, and the file's clock set back as a coarse file system would
    write("banks/a.md", QUESTION.replace("Only question", "Also question"));
    Files.setLastModifiedTime(file, modified);
    LoadResult again = loader.load(List.of(file));

    // then
    assertEquals("Also question", again.banks().get(0).questions().get(0).title());
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
