package org.convene.events.internal;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The organizer tools' durable jobs (db-scheduler): messages to registrants, hourly removal of expired Idempotency-Keys. */
@Configuration(proxyBeanMethods = false)
class OrganizerJobs {

    @Bean
    RecurringTask<Void> registrationRequestKeysCleanup(RegistrationRequestKeys keys) {
        return Tasks.recurring("registration-request-keys-cleanup", FixedDelay.ofHours(1))
                .execute((instance, context) -> keys.deleteExpired());
    }

    /** One instance per message (its id); run again after a crash, it resumes after the last finished batch. */
    @Bean
    OneTimeTask<Void> registrantMessageJob(RegistrantMessages messages) {
        return Tasks.oneTime(RegistrantMessages.JOB).execute((instance, context) -> messages.queueAll(Long.parseLong(instance.getId())));
    }
}
