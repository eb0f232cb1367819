package org.convene.platform.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The durable job scheduler.
 *
 * @param enabled          whether this node runs jobs at all (a node with {@code false} still schedules them for others)
 * @param pollingInterval  how often the scheduler looks for due jobs in the database
 * @param threads          how many jobs this node runs at the same time
 * @param heartbeatInterval how often a running job marks itself alive; a job whose node stops beating is run again elsewhere
 * @param shutdownMaxWait  how long a shutdown waits for running jobs to finish
 */
@ConfigurationProperties("convene.jobs")
public record JobsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5s") Duration pollingInterval,
        @DefaultValue("4") int threads,
        @DefaultValue("1m") Duration heartbeatInterval,
        @DefaultValue("20s") Duration shutdownMaxWait) {
}
