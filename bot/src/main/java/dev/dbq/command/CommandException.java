package dev.dbq.command;

/**
 * Bad input to a command. Its message is the reply the user sees: one or two short sentences
 * that name what is valid. Thrown by argument parsing, answered by {@link Commands#dispatch}.
 */
public final class CommandException extends RuntimeException {

  public CommandException(String userMessage) {
    super(userMessage, null, false, false);
  }

  /** The refusal for a non-admin: {@code what} completes "Only admins can …". */
  public static CommandException onlyAdmins(String what) {
    return new CommandException(
        "Only admins can " + what + ": ask a workspace admin, or have your id added to `admins:` in the config.");
  }
}
