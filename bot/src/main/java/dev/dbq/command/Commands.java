package dev.dbq.command;

import dev.dbq.chat.CommandContext;
import dev.dbq.chat.CommandSpec;
import dev.dbq.chat.Inbound;
import dev.dbq.chat.OptionSpec;
import dev.dbq.chat.Reply;
import dev.dbq.text.CommandLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /dbq} dispatcher: finds the subcommand of a typed line and runs it. The list of
 * subcommands is made in one place, {@code dev.dbq.app.Features}.
 */
public final class Commands {

  private static final Logger log = LoggerFactory.getLogger(Commands.class);

  /** The longest line taken, in characters: Slack's own limit for a slash command's text. */
  public static final int MAX_LINE_LENGTH = Inbound.MAX_LINE_LENGTH;

  private final Map<String, CommandHandler> handlers = new LinkedHashMap<>();

  /** No subcommand name is longer; a longer first word is no name at all. */
  private static final int LONGEST_NAME = 32;

  /** @param handlers in the order help lists them */
  public Commands(List<CommandHandler> handlers) {
    handlers.forEach(h -> this.handlers.put(h.name(), h));
  }

  public List<CommandHandler> handlers() {
    return List.copyOf(handlers.values());
  }

  /**
   * Runs a typed line ({@code /dbq random topic:cap}); the {@code /dbq} prefix is optional. Never
   * throws: bad input gets a reply naming what is valid, and an unexpected failure is logged and
   * answered with a short apology instead of a stack trace.
   */
  public Reply dispatch(CommandContext context, String line) {
    if (line.length() > MAX_LINE_LENGTH) {
      return tooLong(line.length());
    }
    return run(context, CommandLine.words(line));
  }

  /** Checked before any parsing, so no step after it ever sees unbounded text. */
  private static Reply tooLong(int length) {
    return Reply.text(
        String.format(Locale.ROOT, "That command is too long (%,d characters): `/dbq` takes at most %,d.", length, MAX_LINE_LENGTH));
  }

  /**
   * Runs a command given with typed options (Discord): each present option becomes one word,
   * {@code prefix + value}, in the order the handler lists its options, so a value with spaces
   * stays one word without any quoting.
   *
   * @param path the subcommand, then the group's subcommand if any: {@code [schedule, set]}
   */
  public Reply dispatch(CommandContext context, List<String> path, Map<String, String> options) {
    if (path.isEmpty()) {
      return run(context, List.of());
    }
    int length = path.stream().mapToInt(String::length).sum()
        + options.values().stream().mapToInt(value -> value == null ? 0 : value.length()).sum();
    if (length > MAX_LINE_LENGTH) {
      return tooLong(length);
    }
    CommandHandler handler = handlers.get(path.get(0).toLowerCase(Locale.ROOT));
    List<OptionSpec> specs =
        handler == null
            ? List.of()
            : path.size() == 1
                ? handler.options()
                : handler.subcommands().stream()
                    .filter(sub -> sub.name().equalsIgnoreCase(path.get(1)))
                    .findFirst()
                    .map(CommandSpec::options)
                    .orElse(List.of());
    List<String> words = new ArrayList<>(path);
    for (OptionSpec spec : specs) {
      String value = options.get(spec.name());
      if (value != null && !value.isBlank()) {
        words.add(spec.prefix() + value.strip());
      }
    }
    return run(context, words);
  }

  /**
   * The subcommand the words name, for metrics and logs: a known name, {@code help} for none,
   * {@code unknown} otherwise, so that user text never becomes a label.
   */
  public String nameOf(String line) {
    String rest = line.strip();
    if (rest.regionMatches(true, 0, "/dbq", 0, 4)) {
      rest = rest.substring(4).stripLeading();
    }
    int end = 0;
    while (end < rest.length() && end <= LONGEST_NAME && !Character.isWhitespace(rest.charAt(end))) {
      end++;
    }
    return end == 0 ? "help" : nameOf(List.of(rest.substring(0, end)));
  }

  /**
   * Whether the line's subcommand {@linkplain CommandHandler#answersFromMemory answers from
   * memory}; an unknown one does (its answer is a did-you-mean).
   */
  public boolean answersFromMemory(String line) {
    CommandHandler handler = handlers.get(nameOf(line));
    return handler == null || handler.answersFromMemory();
  }

  /**
   * Whether the line's subcommand may answer on the request's thread: it {@linkplain
   * #answersFromMemory answers from memory}, or storage is local and it {@linkplain
   * CommandHandler#readsStorageBriefly reads a few rows of it}.
   */
  public boolean answersAtOnce(String line, boolean storageIsLocal) {
    CommandHandler handler = handlers.get(nameOf(line));
    return handler == null || handler.answersFromMemory() || (storageIsLocal && handler.readsStorageBriefly());
  }

  /** {@link #nameOf(String)} for a line already split into words. */
  public String nameOf(List<String> words) {
    if (words.isEmpty()) {
      return "help";
    }
    String name = words.get(0).toLowerCase(Locale.ROOT);
    return handlers.containsKey(name) ? name : "unknown";
  }

  private Reply run(CommandContext context, List<String> words) {
    String name = words.isEmpty() ? "help" : words.get(0).toLowerCase(Locale.ROOT);
    CommandHandler handler = handlers.get(name);
    if (handler == null) {
      List<String> listed = handlers.values().stream().filter(CommandHandler::listed).map(CommandHandler::name).toList();
      return Reply.text(
          "Unknown subcommand " + UserInput.echo(words.get(0)) + "." + UserInput.didYouMean(name, listed)
              + " Try " + UserInput.list(listed) + ", or `/dbq help`.");
    }
    List<String> args = words.isEmpty() ? List.of() : words.subList(1, words.size());
    try {
      return handler.handle(context, args);
    } catch (CommandException e) {
      return Reply.text(e.getMessage());
    } catch (RuntimeException e) {
      log.error("/dbq {} failed for {} in {}", name, context.userId(), context.channel(), e);
      return Reply.text("Sorry, `/dbq " + name + "` failed on our side. It was logged; please try again.");
    }
  }
}
