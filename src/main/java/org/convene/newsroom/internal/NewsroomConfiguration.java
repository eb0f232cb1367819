package org.convene.newsroom.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.convene.platform.PlatformProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The safe fetcher and the recurring job that polls due feeds (db-scheduler runs it on one node at a time). */
@Configuration(proxyBeanMethods = false)
class NewsroomConfiguration {

    @Bean
    FeedAddresses feedAddresses(NewsroomProperties properties) {
        return new FeedAddresses(properties.allowedHosts());
    }

    @Bean(destroyMethod = "close")
    FeedFetcher feedFetcher(FeedAddresses addresses, NewsroomProperties properties, PlatformProperties platform) {
        return new FeedFetcher(addresses, properties, "Convene newsroom (+" + platform.baseUrl() + ")");
    }

    @Bean
    RecurringTask<Void> newsroomFeedPolling(FeedPolling polling, NewsroomProperties properties) {
        return Tasks.recurring("newsroom-feed-polling", FixedDelay.of(properties.jobInterval()))
                .execute((instance, context) -> polling.pollDue());
    }
}
