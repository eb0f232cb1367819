package org.convene.events.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param personalLinksLast      how long after an event's end registrants' personal links keep working
 * @param registrationsPerMinute registration requests (form and API) accepted per client address and
 *                               minute on each node; more get 429 (API) or a message on the page
 */
@ConfigurationProperties("convene.events")
public record EventsProperties(@DefaultValue("20") int registrationsPerMinute,
                               @DefaultValue("P30D") java.time.Duration personalLinksLast) {
}
