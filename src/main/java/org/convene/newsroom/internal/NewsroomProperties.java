package org.convene.newsroom.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The partner-media newsroom.
 *
 * @param pollInterval     how often a feed is polled unless its outlet sets its own interval
 * @param minimumInterval  no feed is polled more often than this (also the least an outlet may set)
 * @param maxBackoff       the longest wait after failures (the wait doubles with each failure) or a Retry-After
 * @param jobInterval      how often the polling job looks for due feeds
 * @param pollNowInterval  how often staff may press "poll now" for one outlet
 * @param allowedHosts     host names or addresses (as written in feed URLs) fetched even though they are not public
 * @param maxResponseSize  the largest feed accepted (counted while it streams in)
 * @param connectTimeout   time to open a connection
 * @param readTimeout      time allowed between two reads
 * @param totalTimeout     time allowed for a whole fetch, redirects included
 * @param maxRedirects     redirects followed (each one checked again)
 */
@ConfigurationProperties("convene.newsroom")
public record NewsroomProperties(
        @DefaultValue("30m") Duration pollInterval,
        @DefaultValue("10m") Duration minimumInterval,
        @DefaultValue("24h") Duration maxBackoff,
        @DefaultValue("1m") Duration jobInterval,
        @DefaultValue("1m") Duration pollNowInterval,
        @DefaultValue List<String> allowedHosts,
        @DefaultValue("5MB") DataSize maxResponseSize,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("30s") Duration totalTimeout,
        @DefaultValue("5") int maxRedirects) {

    public NewsroomProperties {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    }
}
