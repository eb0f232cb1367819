package org.convene.events.internal;

import java.time.Instant;
import java.util.List;
import org.convene.platform.i18n.TranslatedText;

/** What staff enter to create or change an event; {@link Events} checks it before anything is written. */
public record EventDraft(TranslatedText title, TranslatedText description, Long organizationId, EventFormat format,
                         Instant startsAt, Instant endsAt, String timeZone, String venueName, String venueAddress,
                         String venueDirections, String accessibility, int capacity, Instant registrationOpensAt,
                         Instant registrationClosesAt, EventStatus status, List<Long> coOrganizerIds, Instant doorsOpenAt,
                         String practicalNotes, Integer onlineCapacity, boolean registrationRequired,
                         List<Question> questions, String cancellationMessage, Long bodyId, Visibility visibility) {

    public EventDraft {
        coOrganizerIds = coOrganizerIds == null ? List.of() : List.copyOf(coOrganizerIds);
        questions = questions == null ? List.of() : List.copyOf(questions);
        visibility = visibility == null ? Visibility.PUBLIC : visibility;
    }

    /** A public event open for registration, with no co-organizers, questions or online limit. */
    public EventDraft(TranslatedText title, TranslatedText description, Long organizationId, EventFormat format,
                      Instant startsAt, Instant endsAt, String timeZone, String venueName, String venueAddress,
                      String venueDirections, String accessibility, int capacity, Instant registrationOpensAt,
                      Instant registrationClosesAt, EventStatus status) {
        this(title, description, organizationId, format, startsAt, endsAt, timeZone, venueName, venueAddress, venueDirections,
                accessibility, capacity, registrationOpensAt, registrationClosesAt, status, List.of(), null, null, null, true,
                List.of(), null, null, Visibility.PUBLIC);
    }

    /** The same draft in another status. */
    public EventDraft withStatus(EventStatus newStatus) {
        return new EventDraft(title, description, organizationId, format, startsAt, endsAt, timeZone, venueName, venueAddress,
                venueDirections, accessibility, capacity, registrationOpensAt, registrationClosesAt, newStatus, coOrganizerIds,
                doorsOpenAt, practicalNotes, onlineCapacity, registrationRequired, questions, cancellationMessage, bodyId, visibility);
    }

    /** A copy of an event's stored details, to change some of them. */
    public static EventDraft of(Event e) {
        return new EventDraft(e.title(), e.description(), e.organizationId(), e.format(), e.startsAt(), e.endsAt(),
                e.zone().getId(), e.venueName(), e.venueAddress(), e.venueDirections(), e.accessibility(), e.capacity(),
                e.registrationOpensAt(), e.registrationClosesAt(), e.status(), e.coOrganizerIds(), e.doorsOpenAt(),
                e.practicalNotes(), e.onlineCapacity(), e.registrationRequired(), e.questions(), e.cancellationMessage(),
                e.bodyId(), e.visibility());
    }
}
