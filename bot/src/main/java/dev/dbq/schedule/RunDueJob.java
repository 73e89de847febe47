package dev.dbq.schedule;

import java.util.Objects;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one job every trigger of the {@link RoundScheduler} fires: do whatever rounds are due now.
 *
 * <p>Runs never overlap, so a slow run delays the next trigger instead of racing it. A failing
 * run is logged and the scheduler carries on: the next trigger simply tries again.
 */
@DisallowConcurrentExecution
final class RunDueJob implements Job {

  private static final Logger log = LoggerFactory.getLogger(RunDueJob.class);

  private final Runnable runDue;

  RunDueJob(Runnable runDue) {
    this.runDue = Objects.requireNonNull(runDue, "runDue");
  }

  @Override
  public void execute(JobExecutionContext context) {
    try {
      runDue.run();
    } catch (RuntimeException e) {
      log.error("Running due rounds failed (trigger {}); the next trigger tries again",
          context.getTrigger().getKey(), e);
    }
  }
}
