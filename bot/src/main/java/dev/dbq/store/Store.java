package dev.dbq.store;

import dev.dbq.round.RoundStore;
import java.util.function.Supplier;

/** Every repository over one database, built once and handed to the services that need them. */
public record Store(
    Database database,
    ChannelRepository channels,
    RoundRepository rounds,
    ParticipationRepository participations,
    QuestionHistoryRepository history,
    ProcessedEventRepository events)
    implements RoundStore {

  public static Store on(Database database) {
    return new Store(
        database,
        new ChannelRepository(database),
        new RoundRepository(database),
        new ParticipationRepository(database),
        new QuestionHistoryRepository(database),
        new ProcessedEventRepository(database));
  }

  /** Runs repository calls as one transaction: all of them happen, or none. */
  @Override
  public <T> T atomically(String action, Supplier<T> work) {
    return database.transaction(action, connection -> work.get());
  }
}
