package org.convene.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.Temporal;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventDraft;
import org.convene.events.internal.EventFormat;
import org.convene.events.internal.EventStatus;
import org.convene.support.ConveneTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The event's iCalendar file is valid: ical4j reads it back with the event's title, times and place. */
@ConveneTest
class EventCalendarTest {

    @LocalServerPort
    int port;
    @Autowired
    EventFixtures fixtures;

    @Test
    void calendarFileParsesBackWithTheEventsTimesAndPlace() throws Exception {
        Event event = fixtures.published(EventFormat.HYBRID, 20);
        HttpResponse<String> response = fixtures.get(port, "/events/" + event.slug() + ".ics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElseThrow()).startsWith("text/calendar");

        Calendar calendar = new CalendarBuilder().build(new StringReader(response.body()));
        assertThat(calendar.validate().getEntries()).as("iCalendar validation problems").isEmpty();
        VEvent vevent = calendar.<VEvent>getComponents().stream().filter(c -> c instanceof VEvent).findFirst().orElseThrow();
        assertThat(vevent.getSummary().getValue()).isEqualTo(event.title().in("en"));
        assertThat(Instant.from((Temporal) vevent.getDateTimeStart().getDate())).isEqualTo(event.startsAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(Instant.from((Temporal) vevent.getDateTimeEnd().getDate())).isEqualTo(event.endsAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(vevent.getLocation().getValue()).contains("Harbour Hall");
        assertThat(vevent.getUid().orElseThrow().getValue()).startsWith("event-" + event.id() + "@");
        assertThat(vevent.getDescription().getValue()).contains("Delegates");
    }

    @Test
    void subscribableFeedsOfTheNetworkAndOfOneOrganization() throws Exception {
        long organization = 880_000 + (System.nanoTime() % 100_000);
        EventDraft d = EventFixtures.draft(EventFormat.IN_PERSON, 5);
        Event ours = fixtures.create(new EventDraft(d.title(), d.description(), organization, d.format(), d.startsAt(), d.endsAt(),
                d.timeZone(), d.venueName(), d.venueAddress(), d.venueDirections(), d.accessibility(), 5, null, null, EventStatus.PUBLISHED));
        Event cancelled = fixtures.create(new EventDraft(d.title(), d.description(), organization, d.format(), d.startsAt(), d.endsAt(),
                d.timeZone(), d.venueName(), d.venueAddress(), d.venueDirections(), d.accessibility(), 5, null, null, EventStatus.CANCELLED));
        Event draft = fixtures.create(new EventDraft(d.title(), d.description(), organization, d.format(), d.startsAt(), d.endsAt(),
                d.timeZone(), d.venueName(), d.venueAddress(), d.venueDirections(), d.accessibility(), 5, null, null, EventStatus.DRAFT));
        Event networks = fixtures.published(EventFormat.ONLINE, 0);

        HttpResponse<String> response = fixtures.get(port, "/events.ics?organization=" + organization);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElseThrow()).startsWith("text/calendar");
        Calendar feed = new CalendarBuilder().build(new StringReader(response.body()));
        assertThat(feed.validate().getEntries()).as("iCalendar validation problems").isEmpty();
        assertThat(uids(feed)).containsExactlyInAnyOrder("event-" + ours.id(), "event-" + cancelled.id());
        assertThat(response.body()).contains("STATUS:CANCELLED");

        Calendar network = new CalendarBuilder().build(new StringReader(fixtures.get(port, "/events.ics").body()));
        assertThat(network.validate().getEntries()).isEmpty();
        assertThat(uids(network)).contains("event-" + ours.id(), "event-" + networks.id()).doesNotContain("event-" + draft.id());
    }

    private static java.util.List<String> uids(Calendar calendar) {
        return calendar.<VEvent>getComponents().stream().filter(c -> c instanceof VEvent)
                .map(v -> ((VEvent) v).getUid().orElseThrow().getValue().replaceAll("@.*", "")).toList();
    }

    @Test
    void draftsHaveNoPublicCalendarFileOrPage() {
        EventDraft d = EventFixtures.draft(EventFormat.IN_PERSON, 5);
        Event draft = fixtures.create(new EventDraft(d.title(), d.description(), null, d.format(), d.startsAt(), d.endsAt(), d.timeZone(),
                d.venueName(), d.venueAddress(), d.venueDirections(), d.accessibility(), 5, null, null, EventStatus.DRAFT));
        assertThat(fixtures.get(port, "/events/" + draft.slug() + ".ics").statusCode()).isEqualTo(404);
        assertThat(fixtures.get(port, "/events/" + draft.slug()).statusCode()).isEqualTo(404);
    }

    @Test
    void eventPageShowsTimesInTheEventsZoneWithOpenGraphTags() {
        Event event = fixtures.published(EventFormat.IN_PERSON, 5);
        String page = fixtures.get(port, "/events/" + event.slug()).body();
        assertThat(page).contains("<meta property=\"og:title\" content=\"" + event.title().in("en") + "\">")
                .contains("og:url").contains("/events/" + event.slug())
                .contains("Europe/Lisbon").contains("datetime=\"" + event.startsAt() + "\"");
        assertThat(fixtures.get(port, "/events").body()).contains(event.title().in("en"));
    }
}
