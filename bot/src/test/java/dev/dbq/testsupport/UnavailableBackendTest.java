package dev.dbq.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Without PostgreSQL, its tests are skipped with the reason in the build output, or fail in CI. */
class UnavailableBackendTest {

  private static final BackendUnavailableException DOWN =
      new BackendUnavailableException("PostgreSQL at 127.0.0.1:5432 does not answer", null);

  @Test
  void outsideCiEveryTestIsSkippedAndTheBuildOutputSaysWhyOnce() {
    // given
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    UnavailableBackend backend =
        new UnavailableBackend(Map.of(), new PrintStream(printed, true, StandardCharsets.UTF_8), new AtomicBoolean());

    // when two tests meet the missing server
    assertThrows(TestAbortedException.class, () -> backend.handle(DOWN));
    assertThrows(TestAbortedException.class, () -> backend.handle(DOWN));

    // then one line in the build output names the reason
    String output = printed.toString(StandardCharsets.UTF_8);
    assertEquals(1, output.lines().count(), output);
    assertTrue(output.startsWith("[dbq] SKIPPED every PostgreSQL test: PostgreSQL at 127.0.0.1:5432 does not answer"), output);
  }

  @Test
  void inCiTheTestFailsInsteadOfSkipping() {
    // given
    UnavailableBackend backend =
        new UnavailableBackend(Map.of("CI", "true"), new PrintStream(new ByteArrayOutputStream()), new AtomicBoolean());

    // when / then
    AssertionFailedError failed = assertThrows(AssertionFailedError.class, () -> backend.handle(DOWN));
    assertTrue(failed.getMessage().contains("CI=true requires it"));
  }
}
