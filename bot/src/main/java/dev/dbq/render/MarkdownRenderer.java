package dev.dbq.render;

import dev.dbq.chat.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Renders Markdown through a {@link Syntax}: the one walker over the commonmark AST that every
 * flavour shares. It owns the structure — blank lines between blocks, list markers and the
 * indentation of their continuation lines, quote prefixes, and word wrapping when a width is
 * set — so flavours differ only in markup.
 *
 * <p>Soft line breaks are kept as line breaks rather than joined with a space: the banks put a
 * bold label on its own line above its text, and chat readers expect to see that layout.
 */
final class MarkdownRenderer {

  /** Below this, nested content would wrap into a ragged column; deeper nesting overflows. */
  private static final int MIN_CONTENT_WIDTH = 12;

  /** Thread-safe, so shared by every renderer. */
  private static final Parser PARSER = Parser.builder().build();

  private final Syntax syntax;
  private final int width;

  /** {@code width} in columns, or {@link TextWrapper#UNLIMITED} to never wrap. */
  MarkdownRenderer(Syntax syntax, int width) {
    this.syntax = Objects.requireNonNull(syntax);
    if (width < MIN_CONTENT_WIDTH) {
      throw new IllegalArgumentException(
          "width must be at least " + MIN_CONTENT_WIDTH + " columns: " + width);
    }
    this.width = width;
  }

  String render(String markdown) {
    return String.join("\n", blocks(PARSER.parse(markdown), width, 0, false));
  }

  String render(Reply.Block block) {
    // Reply.Block is sealed to these two; Java 17 has no pattern switch to say so.
    if (block instanceof Reply.Code code) {
      return String.join("\n", syntax.codeBlock(code.language(), code.code()));
    }
    return render(((Reply.Text) block).markdown());
  }

  /** Plain text (not parsed as Markdown) shown literally. */
  String plainText(String text) {
    return syntax.text(text);
  }

  /** A plain-text heading (not parsed as Markdown), wrapped to the width. */
  String renderHeading(String plainText) {
    return String.join("\n", wrapped(syntax.heading(1, syntax.text(plainText)), width));
  }

  /** The children of a container as lines, blocks separated by a blank line unless tight. */
  private List<String> blocks(Node container, int available, int listDepth, boolean tight) {
    List<String> lines = new ArrayList<>();
    for (Node child = container.getFirstChild(); child != null; child = child.getNext()) {
      List<String> childLines = block(child, available, listDepth);
      if (childLines.isEmpty()) {
        continue;
      }
      if (!lines.isEmpty() && !tight) {
        lines.add("");
      }
      lines.addAll(childLines);
    }
    return lines;
  }

  private List<String> block(Node node, int available, int listDepth) {
    if (node instanceof Paragraph) {
      return wrapped(inlines(node), available);
    }
    if (node instanceof Heading heading) {
      return wrapped(syntax.heading(heading.getLevel(), inlines(heading)), available);
    }
    if (node instanceof FencedCodeBlock code) {
      return syntax.codeBlock(infoLanguage(code.getInfo()), code.getLiteral());
    }
    if (node instanceof IndentedCodeBlock code) {
      return syntax.codeBlock("", code.getLiteral());
    }
    if (node instanceof ListBlock list) {
      return list(list, available, listDepth);
    }
    if (node instanceof BlockQuote quote) {
      String prefix = syntax.quotePrefix();
      List<String> inner = blocks(quote, narrower(available, prefix), listDepth, false);
      return prefixed(inner, prefix, prefix);
    }
    if (node instanceof ThematicBreak) {
      return List.of(syntax.thematicBreak(available));
    }
    if (node instanceof HtmlBlock html) {
      List<String> lines = new ArrayList<>();
      for (String line : html.getLiteral().stripTrailing().split("\n")) {
        lines.addAll(TextWrapper.wrap(syntax.text(line), available));
      }
      return lines;
    }
    if (node instanceof LinkReferenceDefinition) {
      return List.of(); // only resolves links; it shows nothing
    }
    // Blocks from extensions we do not load: keep whatever they contain.
    return blocks(node, available, listDepth, false);
  }

  private List<String> list(ListBlock list, int available, int listDepth) {
    List<String> lines = new ArrayList<>();
    int index = 0;
    for (Node item = list.getFirstChild(); item != null; item = item.getNext(), index++) {
      String marker = marker(list, index, listDepth);
      String continuation = " ".repeat(TextWrapper.displayWidth(marker));
      List<String> content =
          blocks(item, narrower(available, marker), listDepth + 1, list.isTight());
      if (!lines.isEmpty() && !list.isTight()) {
        lines.add("");
      }
      if (content.isEmpty()) {
        lines.add(marker.stripTrailing());
      } else {
        lines.addAll(prefixed(content, marker, continuation));
      }
    }
    return lines;
  }

  /** {@code "3. "} for the third item of a numbered list, the flavour's bullet otherwise. */
  private String marker(ListBlock list, int index, int listDepth) {
    if (list instanceof OrderedList ordered) {
      Integer start = ordered.getMarkerStartNumber();
      String delimiter = ordered.getMarkerDelimiter();
      return ((start == null ? 1 : start) + index) + (delimiter == null ? "." : delimiter) + " ";
    }
    return syntax.bullet(listDepth);
  }

  /** Wraps each line of rendered inline content (it may hold hard and soft breaks). */
  private List<String> wrapped(String content, int available) {
    List<String> lines = new ArrayList<>();
    for (String line : content.split("\n", -1)) {
      lines.addAll(TextWrapper.wrap(line, available));
    }
    return lines;
  }

  private static List<String> prefixed(List<String> lines, String first, String rest) {
    List<String> result = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String prefix = i == 0 ? first : rest;
      String line = lines.get(i);
      // No trailing spaces on blank lines inside a list item or quote.
      result.add(line.isEmpty() ? prefix.stripTrailing() : prefix + line);
    }
    return result;
  }

  private int narrower(int available, String prefix) {
    if (available == TextWrapper.UNLIMITED) {
      return available;
    }
    return Math.max(MIN_CONTENT_WIDTH, available - TextWrapper.displayWidth(prefix));
  }

  /** The language is the info string's first word ({@code ```js title="x"} is JavaScript). */
  private static String infoLanguage(String info) {
    String trimmed = info == null ? "" : info.strip();
    int space = trimmed.indexOf(' ');
    return space < 0 ? trimmed : trimmed.substring(0, space);
  }

  private String inlines(Node parent) {
    InlineWriter writer = new InlineWriter();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
      child.accept(writer);
    }
    return writer.out.toString();
  }

  /** Renders inline nodes into one string; line breaks become {@code \n}. */
  private final class InlineWriter extends AbstractVisitor {
    private final StringBuilder out = new StringBuilder();

    @Override
    public void visit(Text text) {
      out.append(syntax.text(text.getLiteral()));
    }

    @Override
    public void visit(Code code) {
      out.append(syntax.inlineCode(code.getLiteral()));
    }

    @Override
    public void visit(Emphasis emphasis) {
      out.append(syntax.emphasis(inlines(emphasis)));
    }

    @Override
    public void visit(StrongEmphasis strong) {
      out.append(syntax.strong(inlines(strong)));
    }

    @Override
    public void visit(Link link) {
      out.append(syntax.link(inlines(link), link.getDestination()));
    }

    @Override
    public void visit(Image image) {
      out.append(syntax.link(inlines(image), image.getDestination()));
    }

    @Override
    public void visit(HtmlInline html) {
      out.append(syntax.text(html.getLiteral()));
    }

    @Override
    public void visit(SoftLineBreak softBreak) {
      out.append('\n');
    }

    @Override
    public void visit(HardLineBreak hardBreak) {
      out.append('\n');
    }
  }
}
