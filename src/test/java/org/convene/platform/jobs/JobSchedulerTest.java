package org.convene.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.convene.support.ConveneTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recurring jobs run; a scheduled one-time job survives the scheduler stopping and runs on the next
 * one, is run again by another node when its node crashed mid-run, and is never run when the
 * transaction that scheduled it rolled back.
 */
@ConveneTest
class JobSchedulerTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SchedulerClient schedulerClient;
    @Autowired
    OneTimeTask<String> testNote;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void recurringJobContributedAsABeanRuns() throws InterruptedException {
        int before = TickingJob.TICKS.get();
        waitUntil(() -> TickingJob.TICKS.get() >= before + 2, Duration.ofSeconds(20));
        assertThat(TickingJob.TICKS.get()).isGreaterThanOrEqualTo(before + 2);
        assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'test-tick'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void oneTimeJobSurvivesARestartAndRunsOnce() throws InterruptedException {
        String taskName = "restart-test-" + UUID.randomUUID();
        List<String> ranOn = new CopyOnWriteArrayList<>();
        List<String> firstRun = new CopyOnWriteArrayList<>();

        OneTimeTask<String> onFirst = Tasks.oneTime(taskName, String.class).execute((instance, ctx) -> firstRun.add(instance.getData()));
        Scheduler first = Scheduler.create(dataSource, onFirst).schedulerName(new SchedulerName.Fixed("first"))
                .pollingInterval(Duration.ofMillis(200)).build();
        first.start();
        first.schedule(onFirst.instance("letter-1", "hello"), Instant.now().plusSeconds(3));
        first.stop();
        assertThat(firstRun).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = ?").param(taskName).query(Long.class).single())
                .isEqualTo(1);

        OneTimeTask<String> onSecond = Tasks.oneTime(taskName, String.class).execute((instance, ctx) -> ranOn.add(instance.getData()));
        Scheduler second = Scheduler.create(dataSource, onSecond).schedulerName(new SchedulerName.Fixed("second"))
                .pollingInterval(Duration.ofMillis(200)).build();
        second.start();
        try {
            waitUntil(() -> !ranOn.isEmpty(), Duration.ofSeconds(20));
            Thread.sleep(1000);
        } finally {
            second.stop();
        }
        assertThat(ranOn).containsExactly("hello");
        assertThat(firstRun).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = ?").param(taskName).query(Long.class).single())
                .isZero();
    }

    @Test
    void aJobScheduledInARolledBackTransactionNeverRuns() throws InterruptedException {
        String kept = "kept-" + UUID.randomUUID();
        String dropped = "dropped-" + UUID.randomUUID();
        transactions.executeWithoutResult(tx -> {
            schedulerClient.schedule(testNote.instance(dropped, dropped), Instant.now());
            tx.setRollbackOnly();
        });
        transactions.executeWithoutResult(tx -> schedulerClient.schedule(testNote.instance(kept, kept), Instant.now()));
        waitUntil(() -> TickingJob.NOTES.contains(kept), Duration.ofSeconds(20));
        assertThat(TickingJob.NOTES).contains(kept).doesNotContain(dropped);
        assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_instance = ?").param(dropped).query(Long.class).single())
                .isZero();
    }

    @Test
    void aJobWhoseNodeCrashedIsRunAgainByAnotherNode() throws InterruptedException {
        String taskName = "crash-test-" + UUID.randomUUID();
        List<String> ranOn = new CopyOnWriteArrayList<>();
        OneTimeTask<String> task = Tasks.oneTime(taskName, String.class).execute((instance, ctx) -> ranOn.add(instance.getData()));
        Scheduler survivor = Scheduler.create(dataSource, task).schedulerName(new SchedulerName.Fixed("survivor"))
                .pollingInterval(Duration.ofMillis(200)).heartbeatInterval(Duration.ofSeconds(1)).build();
        survivor.schedule(task.instance("reminder-1", "remind"), Instant.now().plusSeconds(3600));
        // As a node leaves it when it dies mid-run: picked, and its heartbeat stopped long ago.
        jdbc.sql("UPDATE scheduled_tasks SET picked = true, picked_by = 'crashed-node', "
                        + "last_heartbeat = now() - interval '1 hour', execution_time = now() - interval '1 hour' WHERE task_name = ?")
                .param(taskName).update();
        survivor.start();
        try {
            waitUntil(() -> !ranOn.isEmpty(), Duration.ofSeconds(30));
        } finally {
            survivor.stop();
        }
        assertThat(ranOn).containsExactly("remind");
    }

    static void waitUntil(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (!condition.getAsBoolean() && Instant.now().isBefore(end)) {
            Thread.sleep(100);
        }
    }
}
