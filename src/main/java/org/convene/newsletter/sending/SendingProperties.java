package org.convene.newsletter.sending;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The newsletter sending engine. The SMTP server is Spring Boot's {@code spring.mail.*}.
 *
 * @param connections    SMTP connections (and sending threads) per node, each a long-lived transport
 * @param ratePerSecond  messages per second per node (a token bucket shared by this node's connections);
 *                       N nodes send at up to N times this rate
 * @param batchSize      rows a connection claims at a time
 * @param maxAttempts    attempts after temporary failures (4xx, connection problems) before a row is FAILED
 * @param retryDelay     wait after the first temporary failure; it doubles after each further one
 * @param lease          a node that has not beaten for this long is taken for dead and its claims are recovered
 * @param heartbeat      how often a node beats
 * @param idlePoll       how often an idle node looks for editions to send
 * @param dispatchInterval how often the durable job starts due editions, recovers dead nodes' claims and closes finished editions
 * @param enabled        whether this node sends at all (it still shows progress and takes pause/resume/cancel)
 */
@ConfigurationProperties("convene.newsletter.sending")
public record SendingProperties(
        @DefaultValue("4") int connections,
        @DefaultValue("100") double ratePerSecond,
        @DefaultValue("100") int batchSize,
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("30s") Duration retryDelay,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("5s") Duration heartbeat,
        @DefaultValue("500ms") Duration idlePoll,
        @DefaultValue("2s") Duration dispatchInterval,
        @DefaultValue("true") boolean enabled) {
}
