package dev.dbq.chat;


/**
 * Who runs a command, and where.
 *
 * @param userId the platform's user id (the console uses the user's name)
 * @param admin whether the user may change channel settings such as the schedule
 */
public record CommandContext(ChannelKey channel, String userId, boolean admin) {}
