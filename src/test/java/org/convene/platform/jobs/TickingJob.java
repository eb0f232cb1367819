package org.convene.platform.jobs;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Test-only jobs, contributed as beans the way modules contribute theirs. */
@Configuration(proxyBeanMethods = false)
class TickingJob {

    static final AtomicInteger TICKS = new AtomicInteger();
    static final List<String> NOTES = new CopyOnWriteArrayList<>();

    @Bean
    RecurringTask<Void> testTick() {
        return Tasks.recurring("test-tick", FixedDelay.ofSeconds(1)).execute((instance, context) -> TICKS.incrementAndGet());
    }

    @Bean
    OneTimeTask<String> testNote() {
        return Tasks.oneTime("test-note", String.class).execute((instance, context) -> NOTES.add(instance.getData()));
    }
}
