package dev.dbq.command;

/**
 * Bad input to a command. Its message is the reply the user sees: one or two short sentences
 * that name what is valid. Thrown by argument parsing, answered by {@link Commands#dispatch}.
 */
public final class CommandException extends RuntimeException {

  public CommandException(String userMessage) {
    super(userMessage, null, false, false);
  }
}
