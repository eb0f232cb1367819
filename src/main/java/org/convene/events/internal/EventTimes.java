package org.convene.events.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;

/** Dates and times of an event written for a reader: in the event's time zone, in the reader's language. */
public final class EventTimes {

    private EventTimes() {
    }

    /** For example "Tuesday 1 December 2026, 10:00 (Central European Time)". */
    public static String format(Instant instant, ZoneId zone, Locale locale) {
        if (instant == null) {
            return "";
        }
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).withZone(zone);
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).withZone(zone);
        return date.format(instant) + ", " + time.format(instant) + " (" + zoneName(zone, instant, locale) + ")";
    }

    /** The zone's name in the reader's language, with its identifier for zones that have no such name. */
    public static String zoneName(ZoneId zone, Instant at, Locale locale) {
        String name = zone.getDisplayName(TextStyle.FULL, locale);
        return name.equals(zone.getId()) ? name : name + " – " + zone.getId();
    }

    /** The value of an HTML {@code datetime-local} field: the wall-clock time in the event's zone. */
    public static String local(Instant instant, ZoneId zone) {
        return instant == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(instant.atZone(zone).toLocalDateTime());
    }
}
