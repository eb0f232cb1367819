package org.convene.events.internal;

import java.time.Instant;

/**
 * One person's registration for one event.
 *
 * @param waitlistPosition 1 for the first in line; null unless waitlisted
 */
public record Registration(long id, long eventId, String name, String email, Attendance attendance,
                           RegistrationStatus status, Integer waitlistPosition, String language, Instant createdAt) {
}
