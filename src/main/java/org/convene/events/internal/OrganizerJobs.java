package org.convene.events.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hourly removal of expired Idempotency-Keys, on one node at a time (db-scheduler). */
@Configuration(proxyBeanMethods = false)
class OrganizerJobs {

    @Bean
    RecurringTask<Void> registrationRequestKeysCleanup(RegistrationRequestKeys keys) {
        return Tasks.recurring("registration-request-keys-cleanup", FixedDelay.ofHours(1))
                .execute((instance, context) -> keys.deleteExpired());
    }
}
