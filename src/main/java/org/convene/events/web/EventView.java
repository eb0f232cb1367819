package org.convene.events.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventTimes;

/** An event as a page shows it to one reader: texts in the reader's language, times in the event's zone. */
public record EventView(Event event, String title, String titleLang, String description, String descriptionLang,
                        String starts, String ends, String startsIso, String endsIso, String zone,
                        String registrationOpens, String registrationCloses, String closedReason, String doorsOpen) {

    static EventView of(Event event, Locale locale) {
        return new EventView(event, event.title().in(locale), event.title().languageShownFor(locale),
                event.description().in(locale), event.description().languageShownFor(locale),
                EventTimes.format(event.startsAt(), event.zone(), locale), EventTimes.format(event.endsAt(), event.zone(), locale),
                iso(event.startsAt()), iso(event.endsAt()), event.zone().getId(),
                EventTimes.format(event.registrationOpensAt(), event.zone(), locale),
                EventTimes.format(event.registrationClosesAt(), event.zone(), locale),
                event.registrationClosedReason(Instant.now()), EventTimes.format(event.doorsOpenAt(), event.zone(), locale));
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    public boolean registrationOpen() {
        return closedReason == null;
    }
}
