package org.convene.platform.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The durable job scheduler (db-scheduler on the {@code scheduled_tasks} table): every module
 * contributes its jobs as {@code Task} beans ({@code RecurringTask}, {@code OneTimeTask}); each
 * execution runs on exactly one node and is picked up again after a crash. Other modules schedule
 * one-time jobs through the {@link com.github.kagkarlsson.scheduler.SchedulerClient} bean. The
 * scheduler starts once the application is ready and stops, waiting for running jobs, on shutdown
 * (see {@link JobsLifecycle}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobsProperties.class)
class JobsConfiguration {

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    Scheduler scheduler(DataSource dataSource, ObjectProvider<Task<?>> taskBeans, JobsProperties properties) {
        List<Task<?>> tasks = taskBeans.orderedStream().toList();
        // Recurring jobs are registered as start tasks (which also makes them known tasks).
        List startTasks = tasks.stream().filter(OnStartup.class::isInstance).toList();
        List<Task<?>> otherTasks = tasks.stream().filter(task -> !(task instanceof OnStartup)).toList();
        // Scheduling from inside a caller's transaction joins that transaction: a job scheduled by
        // a change that rolls back is never run.
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), otherTasks)
                .startTasks(startTasks)
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .threads(properties.threads())
                .shutdownMaxWait(properties.shutdownMaxWait())
                .enableImmediateExecution()
                .build();
    }

    @Bean
    JobsLifecycle jobsLifecycle(Scheduler scheduler, JobsProperties properties) {
        return new JobsLifecycle(scheduler, properties.enabled());
    }
}
