package org.convene.events.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the organizer tools (same prefix as {@link EventsProperties}).
 *
 * @param idempotencyKeyValidity how long an {@code Idempotency-Key} of an API registration is remembered
 */
@ConfigurationProperties("convene.events")
public record OrganizerProperties(@DefaultValue("24h") Duration idempotencyKeyValidity) {
}
