package org.convene.newsletter.subscribers;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SubscribersProperties.class)
class SubscribersConfiguration {

    /** Reads the bounce mailbox every few minutes (does nothing unless one is configured). */
    @Bean
    RecurringTask<Void> newsletterBounceMailboxJob(BounceMailbox mailbox, SubscribersProperties properties) {
        return Tasks.recurring("newsletter-bounce-mailbox", FixedDelay.of(properties.bounceMailbox().interval()))
                .execute((instance, context) -> mailbox.poll());
    }
}
