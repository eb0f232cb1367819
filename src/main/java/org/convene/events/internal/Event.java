package org.convene.events.internal;

import java.time.Instant;
import java.time.ZoneId;
import org.convene.platform.i18n.TranslatedText;

/**
 * An event as stored.
 *
 * @param organizationId the organizing member organization; null when the network itself organizes
 * @param capacity       in-person seats (one {@code event_seat} row each)
 */
public record Event(long id, String slug, TranslatedText title, TranslatedText description, Long organizationId,
                    EventFormat format, Instant startsAt, Instant endsAt, ZoneId zone, String venueName,
                    String venueAddress, String venueDirections, String accessibility, int capacity,
                    Instant registrationOpensAt, Instant registrationClosesAt, EventStatus status) {

    public boolean isPublished() {
        return status == EventStatus.PUBLISHED;
    }

    public boolean isCancelled() {
        return status == EventStatus.CANCELLED;
    }

    public boolean isOver(Instant now) {
        return !endsAt.isAfter(now);
    }

    /** Why nobody can register now, or null when registration is open. */
    public String registrationClosedReason(Instant now) {
        if (status == EventStatus.CANCELLED) {
            return "registration.refused.cancelled";
        }
        if (status != EventStatus.PUBLISHED) {
            return "registration.refused.notPublished";
        }
        if (isOver(now)) {
            return "registration.refused.past";
        }
        if (registrationOpensAt != null && now.isBefore(registrationOpensAt)) {
            return "registration.refused.notOpenYet";
        }
        if (registrationClosesAt != null && !now.isBefore(registrationClosesAt)) {
            return "registration.refused.closed";
        }
        return null;
    }
}
