package dev.dbq.bank;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Block;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;

/**
 * The top-level blocks of a parsed bank with their line ranges, and the queries the extractor
 * needs: where a heading's section ends, its Markdown exactly as written (sliced from the
 * source lines, never re-rendered), its list items and code blocks.
 *
 * <p>Line numbers here are 0-based indexes into the repaired lines; {@link #originalLine} maps
 * them back to the file.
 */
final class Outline {

  /** A top-level heading: {@code line} is its repaired line index, {@code text} as written. */
  record HeadingLine(int level, int line, String text) {}

  private record TopBlock(Node node, int firstLine) {}

  private final RepairedSource source;
  private final List<TopBlock> blocks = new ArrayList<>();
  private final List<HeadingLine> headings = new ArrayList<>();

  Outline(Document document, RepairedSource source) {
    this.source = source;
    for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
      List<SourceSpan> spans = node.getSourceSpans();
      if (spans.isEmpty()) {
        continue;
      }
      TopBlock block = new TopBlock(node, spans.get(0).getLineIndex());
      blocks.add(block);
      if (node instanceof Heading heading) {
        headings.add(new HeadingLine(heading.getLevel(), block.firstLine(), MarkdownLine.headingText(source.lines().get(block.firstLine()))));
      }
    }
  }

  List<HeadingLine> headings() {
    return headings;
  }

  int lineCount() {
    return source.lines().size();
  }

  int originalLine(int line) {
    return source.originalLine(line);
  }

  /** The line where the section of heading {@code index} ends: the next heading of level at most {@code maxLevel}. */
  int end(int index, int maxLevel) {
    for (int next = index + 1; next < headings.size(); next++) {
      if (headings.get(next).level() <= maxLevel) {
        return headings.get(next).line();
      }
    }
    return lineCount();
  }

  /** Lines {@code [from, to)} as written, without the blank lines around them. */
  String markdown(int from, int to) {
    List<String> lines = source.lines();
    while (from < to && lines.get(from).isBlank()) {
      from++;
    }
    while (to > from && lines.get(to - 1).isBlank()) {
      to--;
    }
    return String.join("\n", lines.subList(from, to));
  }

  /** The first line of the first block in {@code [from, to)} when that block is a paragraph. */
  String leadingParagraphLine(int from, int to) {
    int index = firstBlockAtOrAfter(from);
    if (index < blocks.size()) {
      TopBlock block = blocks.get(index);
      if (block.firstLine() < to && block.node() instanceof Paragraph) {
        return source.lines().get(block.firstLine());
      }
    }
    return null;
  }

  /** The items of every top-level list in {@code [from, to)}, each as written without its marker. */
  List<String> listItems(int from, int to) {
    List<String> items = new ArrayList<>();
    for (int i = firstBlockAtOrAfter(from); i < blocks.size() && blocks.get(i).firstLine() < to; i++) {
      if (blocks.get(i).node() instanceof ListBlock list) {
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
          String text = itemText((ListItem) item);
          if (!text.isEmpty()) {
            items.add(text);
          }
        }
      }
    }
    return items;
  }

  /** Every fenced code block in {@code [from, to)}, also those nested in lists or quotes. */
  List<CodeExample> codeExamples(int from, int to) {
    List<CodeExample> examples = new ArrayList<>();
    for (int i = firstBlockAtOrAfter(from); i < blocks.size() && blocks.get(i).firstLine() < to; i++) {
      collectCode(blocks.get(i).node(), examples);
    }
    return examples;
  }

  /**
   * Lines of paragraphs in {@code [from, to)}, also in lists and quotes, that hold only bold
   * text, like {@code **Problem Statement**}. Code is never a paragraph, so never matches.
   */
  List<Integer> boldOnlyLines(int from, int to) {
    List<Integer> lines = new ArrayList<>();
    for (int i = firstBlockAtOrAfter(from); i < blocks.size() && blocks.get(i).firstLine() < to; i++) {
      collectBoldOnlyLines(blocks.get(i).node(), lines);
    }
    return lines;
  }

  String line(int line) {
    return source.lines().get(line);
  }

  /** The text of a bold-only line ({@code **Name**} gives {@code Name}), or null. */
  static String boldText(String line) {
    String text = line.strip();
    if (text.length() <= 4 || !text.startsWith("**") || !text.endsWith("**")) {
      return null;
    }
    String inner = text.substring(2, text.length() - 2).strip();
    return inner.isEmpty() || inner.contains("**") ? null : inner;
  }

  private String itemText(ListItem item) {
    Node content = item.getFirstChild();
    if (content == null || content.getSourceSpans().isEmpty()) {
      return "";
    }
    SourceSpan start = content.getSourceSpans().get(0);
    List<SourceSpan> itemSpans = item.getSourceSpans();
    int lastLine = itemSpans.get(itemSpans.size() - 1).getLineIndex();
    int indent = start.getColumnIndex();
    StringBuilder text = new StringBuilder(source.lines().get(start.getLineIndex()).substring(indent));
    for (int line = start.getLineIndex() + 1; line <= lastLine; line++) {
      text.append('\n').append(dedent(source.lines().get(line), indent));
    }
    return text.toString().strip();
  }

  private static String dedent(String line, int indent) {
    int spaces = 0;
    while (spaces < indent && spaces < line.length() && line.charAt(spaces) == ' ') {
      spaces++;
    }
    return line.substring(spaces);
  }

  private static void collectCode(Node node, List<CodeExample> examples) {
    if (node instanceof FencedCodeBlock code) {
      examples.add(new CodeExample(language(code.getInfo()), withoutFinalNewline(code.getLiteral())));
      return;
    }
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Block) {
        collectCode(child, examples);
      }
    }
  }

  private static String language(String info) {
    if (info == null) {
      return "";
    }
    String trimmed = info.strip();
    int space = 0;
    while (space < trimmed.length() && !Character.isWhitespace(trimmed.charAt(space))) {
      space++;
    }
    return trimmed.substring(0, space);
  }

  private static String withoutFinalNewline(String literal) {
    return literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
  }

  private void collectBoldOnlyLines(Node node, List<Integer> lines) {
    if (node instanceof Paragraph) {
      for (SourceSpan span : node.getSourceSpans()) {
        if (boldText(source.lines().get(span.getLineIndex())) != null) {
          lines.add(span.getLineIndex());
        }
      }
      return;
    }
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Block) {
        collectBoldOnlyLines(child, lines);
      }
    }
  }

  /** Index of the first top-level block starting at or after {@code line} (binary search). */
  private int firstBlockAtOrAfter(int line) {
    int low = 0;
    int high = blocks.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (blocks.get(mid).firstLine() < line) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
