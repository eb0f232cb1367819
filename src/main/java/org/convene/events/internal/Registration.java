package org.convene.events.internal;

import java.time.Instant;
import java.util.Map;

/**
 * One person's registration for one event.
 *
 * @param waitlistPosition 1 for the first in line; null unless waitlisted
 * @param answers          answers to the event's custom questions by question key (a consent: when it was given)
 * @param ticketCode       the code of its ticket as stored (ungrouped); only confirmed in-person registrations show it
 */
public record Registration(long id, long eventId, String name, String email, Attendance attendance,
                           RegistrationStatus status, Integer waitlistPosition, String language, Instant createdAt,
                           Map<String, String> answers, String ticketCode) {

    public Registration {
        answers = answers == null ? Map.of() : Map.copyOf(answers);
    }
}
