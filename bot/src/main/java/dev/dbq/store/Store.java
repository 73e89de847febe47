package dev.dbq.store;

/** Every repository over one database, built once and handed to the services that need them. */
public record Store(
    ChannelRepository channels,
    RoundRepository rounds,
    ParticipationRepository participations,
    QuestionHistoryRepository history,
    ProcessedEventRepository events) {

  public static Store on(Database database) {
    return new Store(
        new ChannelRepository(database),
        new RoundRepository(database),
        new ParticipationRepository(database),
        new QuestionHistoryRepository(database),
        new ProcessedEventRepository(database));
  }
}
