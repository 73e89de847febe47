package dev.dbq.render;

import dev.dbq.chat.Reply;
import dev.dbq.chat.UserText;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The chat platforms' Markdown dialects, each with the length limit its messages must keep.
 * Chat clients wrap text themselves, so nothing here wraps.
 */
public enum MarkdownFlavour {

  /** Slack mrkdwn; the limit is that of a section block's text. */
  SLACK(new SlackSyntax(), 3000),
  /** Discord markdown; the limit is that of a message's content. */
  DISCORD(new DiscordSyntax(), 2000);

  private final Syntax syntax;
  private final MarkdownRenderer renderer;
  private final int messageLimit;

  MarkdownFlavour(Syntax syntax, int messageLimit) {
    this.syntax = syntax;
    this.renderer = new MarkdownRenderer(syntax, TextWrapper.UNLIMITED);
    this.messageLimit = messageLimit;
  }

  /** The most characters one message (or Slack section) of this platform may hold. */
  public int messageLimit() {
    return messageLimit;
  }

  /** Bank (CommonMark) Markdown in this flavour. */
  public String render(String markdown) {
    return renderer.render(markdown);
  }

  public String render(Reply.Block block) {
    return renderer.render(block);
  }

  /** A reply's body — its blocks, a blank line apart — as one flavoured string. */
  public String render(List<Reply.Block> blocks) {
    return blocks.stream().map(this::render).collect(Collectors.joining("\n\n"));
  }

  /** Rendered text in parts that each fit one message; code fences are closed and reopened. */
  public List<String> split(String rendered) {
    return MessageSplitter.split(rendered, messageLimit);
  }

  /** Plain text escaped so this platform shows it literally. */
  public String escapeText(String plainText) {
    return syntax.text(plainText);
  }

  /**
   * What a user typed, neutralized and escaped for writing straight into a message of this
   * platform (for adapters that compose flavoured text themselves rather than rendering Markdown).
   */
  public String escapeUserText(String typed) {
    return escapeText(UserText.neutralize(typed));
  }
}
