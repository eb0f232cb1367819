package org.convene.events.internal;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.convene.platform.PlatformProperties;
import org.springframework.stereotype.Component;

/** The iCalendar file of an event (RFC 5545), with times in UTC so every calendar program reads them alike. */
@Component
public class EventCalendar {

    private final PlatformProperties platform;

    EventCalendar(PlatformProperties platform) {
        this.platform = platform;
    }

    public String of(Event event, Locale locale) {
        return of(List.of(event), locale);
    }

    /**
     * The calendar file of one registrant: the event with their join link (for online attendance,
     * null otherwise) as its URL, in its description after {@code joinNote} and as its location
     * when it has no venue. Only served behind the registrant's personal link.
     */
    public String personal(Event event, Locale locale, String joinNote, String joinLink) {
        VEvent vevent = vevent(event, locale);
        if (joinLink != null) {
            PropertyList properties = vevent.getPropertyList();
            String description = event.description().in(locale);
            String withLink = (description.isBlank() ? "" : description + "\n\n") + joinNote + "\n" + joinLink;
            List<Property> changed = new ArrayList<>(properties.getAll().stream()
                    .filter(p -> !p.getName().equals(Property.DESCRIPTION) && !p.getName().equals(Property.URL)).toList());
            changed.add(new Description(withLink));
            changed.add(new Url(URI.create(joinLink)));
            if (location(event).isBlank()) {
                changed.add(new Location(joinLink));
            }
            vevent = new VEvent(new PropertyList(changed));
        }
        return write(List.of(vevent));
    }

    /** One calendar with several events, for a subscribable feed. */
    public String of(List<Event> events, Locale locale) {
        return write(events.stream().<CalendarComponent>map(e -> vevent(e, locale)).toList());
    }

    private String write(List<CalendarComponent> vevents) {
        // No METHOD: a file to import, not an iTIP message (PUBLISH would require an ORGANIZER address).
        PropertyList calendarProperties = new PropertyList(List.of(new ProdId("-//Convene//Events//EN"),
                ImmutableVersion.VERSION_2_0, ImmutableCalScale.GREGORIAN));
        Calendar calendar = new Calendar(calendarProperties, new ComponentList<>(vevents));
        try {
            java.io.StringWriter out = new java.io.StringWriter();
            new CalendarOutputter(true).output(calendar, out);
            return out.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private VEvent vevent(Event event, Locale locale) {
        List<Property> properties = new ArrayList<>();
        properties.add(new Uid("event-" + event.id() + "@" + host()));
        properties.add(new DtStamp(Instant.now()));
        properties.add(new DtStart<>(event.startsAt()));
        properties.add(new DtEnd<>(event.endsAt()));
        properties.add(new Summary(event.title().in(locale)));
        String description = event.description().in(locale);
        if (!description.isBlank()) {
            properties.add(new Description(description));
        }
        String location = location(event);
        if (!location.isBlank()) {
            properties.add(new Location(location));
        }
        properties.add(new Url(URI.create(platform.link("/events/" + event.slug()))));
        properties.add(event.isCancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        return new VEvent(new PropertyList(properties));
    }

    private static String location(Event event) {
        if (!event.format().hasVenue()) {
            return "";
        }
        return String.join(", ", java.util.stream.Stream.of(event.venueName(), event.venueAddress())
                .filter(s -> s != null && !s.isBlank()).toList());
    }

    private String host() {
        String host = URI.create(platform.link("/")).getHost();
        return host == null ? "convene" : host;
    }
}
