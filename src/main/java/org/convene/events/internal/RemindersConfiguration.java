package org.convene.events.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reminder job, run every minute by the platform's durable scheduler on one node at a time. */
@Configuration(proxyBeanMethods = false)
class RemindersConfiguration {

    @Bean
    RecurringTask<Void> eventRemindersJob(Reminders reminders) {
        return Tasks.recurring("event-reminders", FixedDelay.of(Duration.ofMinutes(1)))
                .execute((instance, context) -> reminders.sendDue());
    }
}
