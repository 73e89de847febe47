package dev.dbq.store;

import java.sql.SQLException;

/**
 * Work on a JDBC resource that may throw {@link SQLException}; {@link Database} turns that into a
 * {@link StoreException} naming the action.
 */
@FunctionalInterface
public interface SqlFunction<I, O> {

  O apply(I input) throws SQLException;
}
