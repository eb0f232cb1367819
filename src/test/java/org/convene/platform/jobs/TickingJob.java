package org.convene.platform.jobs;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A test-only recurring job, contributed as a bean the way modules contribute theirs. */
@Configuration(proxyBeanMethods = false)
class TickingJob {

    static final AtomicInteger TICKS = new AtomicInteger();

    @Bean
    RecurringTask<Void> testTick() {
        return Tasks.recurring("test-tick", FixedDelay.ofSeconds(1)).execute((instance, context) -> TICKS.incrementAndGet());
    }
}
