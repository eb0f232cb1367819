package org.convene.events.internal;

import java.time.Instant;
import org.convene.platform.i18n.TranslatedText;

/** What staff enter to create or change an event; {@link Events} checks it before anything is written. */
public record EventDraft(TranslatedText title, TranslatedText description, Long organizationId, EventFormat format,
                         Instant startsAt, Instant endsAt, String timeZone, String venueName, String venueAddress,
                         String venueDirections, String accessibility, int capacity, Instant registrationOpensAt,
                         Instant registrationClosesAt, EventStatus status) {
}
