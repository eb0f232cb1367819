package org.convene.publishing.feeds;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The durable job (db-scheduler) that keeps statements and news in the search index. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeedsProperties.class)
class FeedsJobs {

    @Bean
    RecurringTask<Void> publicationSearchSync(PublicationSearch search, FeedsProperties properties) {
        return Tasks.recurring("publication-search-sync", FixedDelay.of(properties.searchSyncInterval()))
                .execute((instance, context) -> search.sync());
    }
}
