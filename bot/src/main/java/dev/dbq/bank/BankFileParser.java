package dev.dbq.bank;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.commonmark.node.Document;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Turns one bank file's bytes into a {@link Bank}: decode, split off the front matter, repair
 * damaged headings, parse the Markdown (block source spans give the lines), extract, lint.
 * A fatal problem gives exactly one error and no bank.
 */
final class BankFileParser {

  /**
   * One file's outcome.
   *
   * @param idLine the line to blame when the bank's id clashes with another file's
   */
  record ParsedFile(Optional<Bank> bank, int idLine, List<Problem> problems) {}

  private static final String MARKDOWN_EXTENSION = ".md";

  // Only block structure is used: every Markdown field is sliced from the source text, so the
  // inline content (emphasis, links, ...) is never parsed here. Renderers parse it themselves.
  // Parsers are immutable and thread-safe; building one per file would cost more than parsing.
  private final Parser markdown =
      Parser.builder()
          .includeSourceSpans(IncludeSourceSpans.BLOCKS)
          .inlineParserFactory(context -> (lines, block) -> {})
          .build();

  ParsedFile parse(String file, byte[] bytes) {
    try {
      return parse(file, new java.io.ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
  }

  /** Parses a bank read from {@code in}; only reading can fail, a bad bank gives problems. */
  ParsedFile parse(String file, InputStream in) throws IOException {
    ProblemLog log = new ProblemLog(file);
    try {
      SourceLines source = SourceLines.read(in);
      FrontMatter frontMatter = FrontMatter.read(source);
      RepairedSource repaired = HeadingRepair.repair(source, frontMatter.bodyStart());
      repaired.fixes().forEach(fix -> log.warning(fix.line(), fix.message()));
      Outline outline = new Outline((Document) markdown.parseReader(repaired.reader()), repaired);

      String bankId = bankId(file, frontMatter);
      BankExtractor.Extraction extraction = new BankExtractor(outline, log, bankId).extract();
      lintQuestionCount(frontMatter, extraction.questions().size(), log);
      if (extraction.questions().isEmpty()) {
        log.warning(1, "no questions found: a question starts with a '### Qn: Title' heading");
      }
      Bank bank =
          new Bank(
              bankId,
              file,
              title(frontMatter, extraction, bankId),
              frontMatter.values(),
              extraction.questions(),
              extraction.scenarios(),
              extraction.summary());
      return new ParsedFile(Optional.of(bank), frontMatter.keyLines().getOrDefault("id", 1), log.byLine());
    } catch (BankFormatException e) {
      log.error(e.line(), e.getMessage());
      return new ParsedFile(Optional.empty(), 1, log.byLine());
    }
  }

  private static String bankId(String file, FrontMatter frontMatter) {
    Object declared = frontMatter.values().get("id");
    if (declared != null && !String.valueOf(declared).isBlank()) {
      return String.valueOf(declared).strip();
    }
    String name = file.substring(file.lastIndexOf('/') + 1);
    boolean markdownFile = name.regionMatches(true, name.length() - MARKDOWN_EXTENSION.length(), MARKDOWN_EXTENSION, 0, MARKDOWN_EXTENSION.length());
    return markdownFile && name.length() > MARKDOWN_EXTENSION.length()
        ? name.substring(0, name.length() - MARKDOWN_EXTENSION.length())
        : name;
  }

  private static String title(FrontMatter frontMatter, BankExtractor.Extraction extraction, String bankId) {
    Object declared = frontMatter.values().get("title");
    if (declared != null && !String.valueOf(declared).isBlank()) {
      return String.valueOf(declared).strip();
    }
    return extraction.firstHeading() != null ? extraction.firstHeading() : bankId;
  }

  private static void lintQuestionCount(FrontMatter frontMatter, int found, ProblemLog log) {
    Object declared = frontMatter.values().get("questionCount");
    if (declared == null) {
      return;
    }
    int line = frontMatter.keyLines().getOrDefault("questionCount", 1);
    boolean wholeNumber = declared instanceof Integer || declared instanceof Long || declared instanceof BigInteger;
    if (!wholeNumber) {
      log.warning(line, "questionCount should be a whole number, not \"" + declared + "\"");
    } else if (!new BigInteger(declared.toString()).equals(BigInteger.valueOf(found))) {
      log.warning(line, "questionCount is " + declared + " but the bank has " + found + " questions");
    }
  }
}
