package org.convene.campaigns.footage;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every quarter of an hour, uploads nobody finished within {@code convene.campaigns.footage.abandon-after} are deleted with their bytes. */
@Configuration(proxyBeanMethods = false)
class FootageJobs {

    @Bean
    RecurringTask<Void> abandonedFootageUploadsCleanup(FootageUploads uploads, FootageProperties properties) {
        return Tasks.recurring("abandoned-footage-uploads-cleanup", FixedDelay.ofMinutes(15))
                .execute((instance, context) -> uploads.deleteAbandoned(properties.abandonAfter()));
    }
}
