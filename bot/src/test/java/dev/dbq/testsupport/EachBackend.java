package dev.dbq.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test once per {@link Backend}, each time with a fresh database: declare a {@link
 * TestDatabase} parameter (or a {@code Database} one for its main instance).
 *
 * <p>When PostgreSQL is unreachable the PostgreSQL run is skipped, or fails if the environment
 * variable {@code CI} is {@code true}: in CI every test must run.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(EachBackendExtension.class)
public @interface EachBackend {}
