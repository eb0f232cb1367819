package org.convene.mail.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The mail delivery job, run by the platform's durable scheduler on one node at a time. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {

    @Bean
    RecurringTask<Void> mailDeliveryJob(MailDelivery delivery, MailProperties properties) {
        return Tasks.recurring("mail-delivery", FixedDelay.of(properties.deliveryInterval()))
                .execute((instance, context) -> delivery.deliverDue());
    }
}
