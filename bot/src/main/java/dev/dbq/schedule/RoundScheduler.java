package dev.dbq.schedule;

import dev.dbq.chat.ChannelKey;
import dev.dbq.round.ChannelSchedule;
import dev.dbq.round.WakeUp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.simpl.RAMJobStore;
import org.quartz.simpl.SimpleThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls {@code runDue} at the moments scheduled work is due: once at start-up (a post missed while
 * the bot was down), at every {@link WakeUp} the routines ask for in each channel (its post and
 * reveal time), and every tick for the rest (follow-ups).
 *
 * <p>Every trigger fires the same idempotent {@code runDue}, which decides from the clock what is
 * due, so a late or extra call is harmless. Misfires (triggers held up past Quartz's threshold
 * by a slow run) therefore fire once at once for posts and reveals, leaving the grace rule to
 * {@code runDue}, and wait for the next tick for the tick itself.
 *
 * <p>Each instance keeps its triggers in memory: several bot instances all fire, and the
 * database, not Quartz clustering, makes only one of them post a channel's round of the day.
 */
public final class RoundScheduler implements AutoCloseable {

  public static final Duration DEFAULT_TICK = Duration.ofMinutes(1);

  /** A channel and the schedule its rounds follow. */
  public record ScheduledChannel(ChannelKey channel, ChannelSchedule schedule) {

    public ScheduledChannel {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(schedule, "schedule");
    }
  }

  private static final Logger log = LoggerFactory.getLogger(RoundScheduler.class);

  private static final String GROUP = "dbq";
  private static final JobKey RUN_DUE = JobKey.jobKey("run-due", GROUP);
  private static final TriggerKey START_UP = TriggerKey.triggerKey("start-up", GROUP);
  private static final TriggerKey TICK = TriggerKey.triggerKey("tick", GROUP);
  private static final int THREADS = 2;

  private final Runnable runDue;
  private final Supplier<List<ScheduledChannel>> channels;
  private final Function<ChannelSchedule, Map<String, WakeUp>> wakeUps;
  private final Duration tick;

  /** Null until started and again once closed. */
  private Scheduler quartz;
  private boolean closed;

  /**
   * @param runDue does whatever scheduled work is due now; idempotent
   * @param channels the channels with a schedule, read afresh at start and on every reschedule
   * @param wakeUps when the routines want {@code runDue} in a channel with a schedule, by routine
   *     name (each becomes a cron trigger of that name)
   * @param tick how often {@code runDue} runs for the work that has no wake-up (follow-ups)
   */
  public RoundScheduler(
      Runnable runDue,
      Supplier<List<ScheduledChannel>> channels,
      Function<ChannelSchedule, Map<String, WakeUp>> wakeUps,
      Duration tick) {
    this.runDue = Objects.requireNonNull(runDue, "runDue");
    this.channels = Objects.requireNonNull(channels, "channels");
    this.wakeUps = Objects.requireNonNull(wakeUps, "wakeUps");
    this.tick = Objects.requireNonNull(tick, "tick");
    if (tick.toMillis() < 1) {
      throw new IllegalArgumentException("the tick must be at least a millisecond, not " + tick);
    }
  }

  /**
   * Runs {@code runDue} at once, then at every channel's wake-ups and every tick.
   * The start-up run goes through Quartz like any trigger, so a slow catch-up post does not hold
   * up the caller and never overlaps a later run.
   *
   * @throws IllegalStateException if already started or closed, or Quartz refuses to start
   */
  public synchronized void start() {
    if (quartz != null || closed) {
      throw new IllegalStateException("the round scheduler can only be started once");
    }
    Scheduler created = null;
    try {
      created = new StdSchedulerFactory(properties()).getScheduler();
      // The scheduler's only job; the factory hands it runDue, so no static state is needed.
      created.setJobFactory((bundle, scheduler) -> new RunDueJob(runDue));
      created.addJob(JobBuilder.newJob(RunDueJob.class).withIdentity(RUN_DUE).storeDurably().build(), false);
      created.scheduleJob(startUpTrigger());
      created.scheduleJob(tickTrigger());
      List<ScheduledChannel> scheduled = channels.get();
      for (ScheduledChannel channel : scheduled) {
        schedule(created, channel.channel(), channelTriggers(channel, wakeUps));
      }
      created.start();
      quartz = created;
      log.info("Round scheduler started: {} channels, a tick every {}", scheduled.size(), tick);
    } catch (SchedulerException | RuntimeException e) {
      IllegalStateException failure = new IllegalStateException("could not start the round scheduler", e);
      shutDownAfterFailure(created, failure);
      throw failure;
    }
  }

  /**
   * Replaces a channel's triggers with ones for its schedule as the source has it now; a channel
   * the source no longer lists, or whose schedule is off, is left without any.
   */
  public synchronized void reschedule(ChannelKey channel) {
    Scheduler running = running();
    List<Trigger> triggers =
        channels.get().stream()
            .filter(scheduled -> scheduled.channel().equals(channel))
            .findFirst()
            .map(scheduled -> channelTriggers(scheduled, wakeUps))
            .orElse(List.of());
    try {
      running.unscheduleJobs(List.copyOf(running.getTriggerKeys(GroupMatcher.triggerGroupEquals(group(channel)))));
      schedule(running, channel, triggers);
    } catch (SchedulerException e) {
      throw new IllegalStateException(channel + ": could not reschedule its rounds", e);
    }
  }

  /** Stops the triggers and waits for a run in progress; once closed it stays closed. */
  @Override
  public synchronized void close() {
    if (quartz == null) {
      closed = true;
      return;
    }
    try {
      quartz.shutdown(true);
      log.info("Round scheduler stopped");
    } catch (SchedulerException e) {
      throw new IllegalStateException("could not stop the round scheduler", e);
    } finally {
      quartz = null;
      closed = true;
    }
  }

  /** The next fire time of each of a channel's triggers, by trigger name (the routine's). */
  synchronized Map<String, Instant> nextFireTimes(ChannelKey channel) {
    Scheduler running = running();
    Map<String, Instant> next = new TreeMap<>();
    try {
      for (TriggerKey key : running.getTriggerKeys(GroupMatcher.triggerGroupEquals(group(channel)))) {
        Trigger trigger = running.getTrigger(key);
        if (trigger != null && trigger.getNextFireTime() != null) {
          next.put(key.getName(), trigger.getNextFireTime().toInstant());
        }
      }
    } catch (SchedulerException e) {
      throw new IllegalStateException(channel + ": could not read its triggers", e);
    }
    return next;
  }

  private static void schedule(Scheduler scheduler, ChannelKey channel, List<Trigger> triggers)
      throws SchedulerException {
    if (triggers.isEmpty()) {
      log.info("{}: no scheduled rounds", channel);
      return;
    }
    for (Trigger trigger : triggers) {
      Date first = scheduler.scheduleJob(trigger);
      log.info("{}: {} trigger first fires at {}", channel, trigger.getKey().getName(), first.toInstant());
    }
  }

  private static List<Trigger> channelTriggers(
      ScheduledChannel scheduled, Function<ChannelSchedule, Map<String, WakeUp>> wakeUps) {
    List<Trigger> triggers = new ArrayList<>();
    wakeUps.apply(scheduled.schedule()).forEach((routine, wakeUp) -> triggers.add(
        cronTrigger(TriggerKey.triggerKey(routine, group(scheduled.channel())), CronSchedules.of(wakeUp))));
    return triggers;
  }

  private static Trigger cronTrigger(TriggerKey key, CronSchedules.Cron cron) {
    return TriggerBuilder.newTrigger()
        .withIdentity(key)
        .forJob(RUN_DUE)
        .withSchedule(
            CronScheduleBuilder.cronSchedule(cron.toCronExpression())
                .inTimeZone(cron.timeZone())
                .withMisfireHandlingInstructionFireAndProceed())
        .build();
  }

  private static Trigger startUpTrigger() {
    return TriggerBuilder.newTrigger()
        .withIdentity(START_UP)
        .forJob(RUN_DUE)
        .startNow()
        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
        .build();
  }

  /** Starts one tick after start-up, which already ran everything due. */
  private Trigger tickTrigger() {
    return TriggerBuilder.newTrigger()
        .withIdentity(TICK)
        .forJob(RUN_DUE)
        .startAt(Date.from(Instant.now().plus(tick)))
        .withSchedule(
            SimpleScheduleBuilder.simpleSchedule()
                .withIntervalInMilliseconds(tick.toMillis())
                .repeatForever()
                .withMisfireHandlingInstructionNextWithRemainingCount())
        .build();
  }

  /** Channel keys always contain ':', so no channel's group is the scheduler's own {@code dbq}. */
  private static String group(ChannelKey channel) {
    return channel.toString();
  }

  private Scheduler running() {
    if (quartz == null) {
      throw new IllegalStateException("the round scheduler is not running");
    }
    return quartz;
  }

  /**
   * In memory, a small pool (runs never overlap anyway), and a name of its own: Quartz shares
   * schedulers by name across the JVM, and tests run several. Daemon threads: the scheduler
   * should not be what keeps the process alive.
   */
  private static Properties properties() {
    Properties properties = new Properties();
    properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "dbq-rounds-" + UUID.randomUUID());
    properties.setProperty(StdSchedulerFactory.PROP_SCHED_THREAD_NAME, "dbq-rounds-scheduler");
    properties.setProperty(StdSchedulerFactory.PROP_SCHED_MAKE_SCHEDULER_THREAD_DAEMON, "true");
    properties.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, RAMJobStore.class.getName());
    properties.setProperty(StdSchedulerFactory.PROP_THREAD_POOL_CLASS, SimpleThreadPool.class.getName());
    properties.setProperty("org.quartz.threadPool.threadCount", String.valueOf(THREADS));
    properties.setProperty("org.quartz.threadPool.threadNamePrefix", "dbq-rounds-worker");
    properties.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    return properties;
  }

  private static void shutDownAfterFailure(Scheduler created, Exception failure) {
    if (created == null) {
      return;
    }
    try {
      created.shutdown(false);
    } catch (SchedulerException e) {
      failure.addSuppressed(e);
    }
  }
}
