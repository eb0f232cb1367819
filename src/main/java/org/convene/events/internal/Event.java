package org.convene.events.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.convene.platform.i18n.TranslatedText;

/**
 * An event as stored.
 *
 * @param organizationId  the organizing member organization; null when the network itself organizes
 * @param capacity        in-person seats (one {@code event_seat} row each)
 * @param onlineCapacity  online places, null when online participation is not limited
 * @param bodyId          the body (such as the coordinating committee) whose meeting this is, or null
 * @param seriesId        the recurring series this is an occurrence of, or null
 */
public record Event(long id, String slug, TranslatedText title, TranslatedText description, Long organizationId,
                    EventFormat format, Instant startsAt, Instant endsAt, ZoneId zone, String venueName,
                    String venueAddress, String venueDirections, String accessibility, int capacity,
                    Instant registrationOpensAt, Instant registrationClosesAt, EventStatus status,
                    List<Long> coOrganizerIds, Instant doorsOpenAt, String practicalNotes, Integer onlineCapacity,
                    boolean registrationRequired, List<Question> questions, String coverImage,
                    String cancellationMessage, Long bodyId, Visibility visibility, Long seriesId) {

    public Event {
        coOrganizerIds = coOrganizerIds == null ? List.of() : List.copyOf(coOrganizerIds);
        questions = questions == null ? List.of() : List.copyOf(questions);
        visibility = visibility == null ? Visibility.PUBLIC : visibility;
    }

    public boolean isPublished() {
        return status == EventStatus.PUBLISHED;
    }

    public boolean isCancelled() {
        return status == EventStatus.CANCELLED;
    }

    public boolean isOver(Instant now) {
        return !endsAt.isAfter(now);
    }

    public boolean isPublic() {
        return visibility == Visibility.PUBLIC;
    }

    /** Whether this organization organizes or co-organizes the event. */
    public boolean isOrganizedBy(long organizationId) {
        return organizationId == (this.organizationId == null ? -1 : this.organizationId) || coOrganizerIds.contains(organizationId);
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
        if (!registrationRequired) {
            return "registration.refused.notRequired";
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
