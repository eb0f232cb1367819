package org.convene.platform.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

/**
 * Starts the scheduler when the application is ready to serve (migrations done, all beans up)
 * and stops it gracefully, letting running jobs finish, before the database connections close.
 */
class JobsLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobsLifecycle.class);

    private final Scheduler scheduler;
    private final boolean enabled;
    private volatile boolean running;

    JobsLifecycle(Scheduler scheduler, boolean enabled) {
        this.scheduler = scheduler;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void applicationReady() {
        if (enabled && !running) {
            scheduler.start();
            running = true;
            log.info("Job scheduler started");
        }
    }

    /** Nothing to do at context start: the scheduler waits for {@link ApplicationReadyEvent}. */
    @Override
    public void start() {
    }

    @Override
    public synchronized void stop() {
        if (running) {
            scheduler.stop();
            running = false;
            log.info("Job scheduler stopped");
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
