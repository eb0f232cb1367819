package org.convene.events.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Online participation and reminders (settings under {@code convene.events}, beside {@link EventsProperties}).
 *
 * @param joinOpensBefore how long before the start a meeting link without a window of its own opens
 * @param reminders       how long before the start registrants are reminded, each once; the longest one
 *                        of at least 12 hours asks in-person registrants to confirm or cancel
 */
@ConfigurationProperties("convene.events")
public record OnlineProperties(@DefaultValue("PT15M") Duration joinOpensBefore,
                               @DefaultValue({"PT24H", "PT1H"}) List<Duration> reminders) {

    public OnlineProperties {
        if (joinOpensBefore.isNegative()) {
            throw new IllegalArgumentException("convene.events.join-opens-before must not be negative");
        }
        if (reminders.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("convene.events.reminders must be positive durations");
        }
        // longest first, each once
        reminders = reminders.stream().distinct().sorted(java.util.Comparator.reverseOrder()).toList();
    }
}
