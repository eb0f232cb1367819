package org.convene.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.events.EventFixtures.registrationJson;
import static org.convene.events.EventFixtures.uniqueEmail;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventDraft;
import org.convene.events.internal.EventFormat;
import org.convene.events.internal.EventStatus;
import org.convene.support.ConveneTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Registration through the public API: created once, found again on retries, refused with a problem otherwise. */
@ConveneTest
class RegistrationApiTest {

    @LocalServerPort
    int port;
    @Autowired
    EventFixtures fixtures;
    @Autowired
    org.convene.events.internal.Events events;

    private HttpResponse<String> register(Event event, String name, String email, String attendance) {
        return fixtures.postJson(port, "/api/v1/events/" + event.id() + "/registrations", registrationJson(name, email, attendance));
    }

    @Test
    void newRegistrationIs201AndTheSameEmailAgainIs200WithTheSameRegistration() {
        Event event = fixtures.published(EventFormat.HYBRID, 10);
        String email = uniqueEmail("ana");
        HttpResponse<String> first = register(event, "Ana Costa", email, "IN_PERSON");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.body()).contains("\"status\":\"CONFIRMED\"").contains("\"attendance\":\"IN_PERSON\"");

        HttpResponse<String> again = register(event, "Ana C.", email.toUpperCase(), "ONLINE");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(id(again.body())).isEqualTo(id(first.body()));
        assertThat(again.body()).contains("\"attendance\":\"IN_PERSON\"");

        assertThat(fixtures.count("SELECT count(*) FROM registration WHERE lower(email) = lower(?)", email)).isEqualTo(1);
        assertThat(fixtures.count("SELECT count(*) FROM event_seat WHERE registration_id IS NOT NULL AND event_id = ?", event.id())).isEqualTo(1);
        assertThat(fixtures.mailsTo(email)).hasSize(1);
        assertThat(fixtures.mailsTo(email).getFirst()[1]).contains("/registrations/").contains("Ana Costa");
    }

    @Test
    void beyondCapacityPeopleAreWaitlistedWithTheirPosition() {
        Event event = fixtures.published(EventFormat.IN_PERSON, 1);
        assertThat(register(event, "First", uniqueEmail("first"), "IN_PERSON").body()).contains("\"status\":\"CONFIRMED\"");
        String second = register(event, "Second", uniqueEmail("second"), "IN_PERSON").body();
        String third = register(event, "Third", uniqueEmail("third"), "IN_PERSON").body();
        assertThat(second).contains("\"status\":\"WAITLISTED\"").contains("\"waitlistPosition\":1");
        assertThat(third).contains("\"status\":\"WAITLISTED\"").contains("\"waitlistPosition\":2");
    }

    @Test
    void refusesBeforeTheWindowOpens() {
        Instant now = Instant.now();
        Event event = fixtures.create(window(now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(5))));
        assertRefused(event, 409, "registration.refused.notOpenYet", "has not opened yet");
    }

    @Test
    void refusesAfterTheWindowCloses() {
        Instant now = Instant.now();
        Event event = fixtures.create(window(now.minus(Duration.ofDays(5)), now.minus(Duration.ofMinutes(1))));
        assertRefused(event, 409, "registration.refused.closed", "Registration has closed");
    }

    @Test
    void refusesACancelledEvent() {
        EventDraft d = EventFixtures.draft(EventFormat.IN_PERSON, 5);
        Event event = fixtures.create(new EventDraft(d.title(), d.description(), null, d.format(), d.startsAt(), d.endsAt(), d.timeZone(),
                d.venueName(), d.venueAddress(), d.venueDirections(), d.accessibility(), 5, null, null, EventStatus.CANCELLED));
        assertRefused(event, 409, "registration.refused.cancelled", "cancelled");
    }

    @Test
    void refusesAPastEvent() {
        EventDraft d = EventFixtures.draft(EventFormat.IN_PERSON, 5);
        Instant start = Instant.now().minus(Duration.ofDays(3));
        Event event = fixtures.create(new EventDraft(d.title(), d.description(), null, d.format(), start, start.plus(Duration.ofHours(2)),
                d.timeZone(), d.venueName(), d.venueAddress(), d.venueDirections(), d.accessibility(), 5, null, null, EventStatus.PUBLISHED));
        assertRefused(event, 409, "registration.refused.past", "is over");
    }

    @Test
    void anEventCancelledAMomentAgoTakesNoMoreRegistrations() {
        Event event = fixtures.published(EventFormat.IN_PERSON, 5);
        assertThat(register(event, "Early", uniqueEmail("early"), "IN_PERSON").statusCode()).isEqualTo(201);
        events.update(event.id(), new EventDraft(event.title(), event.description(), null, event.format(), event.startsAt(),
                event.endsAt(), event.zone().getId(), event.venueName(), event.venueAddress(), event.venueDirections(),
                event.accessibility(), 5, null, null, EventStatus.CANCELLED));
        String email = uniqueEmail("late");
        HttpResponse<String> response = register(event, "Late", email, "IN_PERSON");
        assertProblem(response, 409, "\"code\":\"registration.refused.cancelled\"");
        assertThat(fixtures.mailsTo(email)).isEmpty();
        assertThat(fixtures.count("SELECT count(*) FROM registration WHERE event_id = ?", event.id())).isEqualTo(1);
    }

    @Test
    void refusesAnInvalidEmail() {
        Event event = fixtures.published(EventFormat.IN_PERSON, 5);
        HttpResponse<String> response = register(event, "Bea", "bea-at-example.net", "IN_PERSON");
        assertProblem(response, 400, "\"field\":\"email\"");
        assertThat(response.body()).contains("valid e-mail");
        assertNothingWritten(event);
    }

    @Test
    void refusesAMissingName() {
        Event event = fixtures.published(EventFormat.IN_PERSON, 5);
        String email = uniqueEmail("noname");
        assertProblem(register(event, "  ", email, "IN_PERSON"), 400, "\"field\":\"name\"");
        assertThat(fixtures.mailsTo(email)).isEmpty();
        assertNothingWritten(event);
    }

    @Test
    void refusesAnAttendanceTheEventDoesNotOffer() {
        Event event = fixtures.published(EventFormat.IN_PERSON, 5);
        assertProblem(register(event, "Chen", uniqueEmail("chen"), "ONLINE"), 400, "\"field\":\"attendance\"");
        assertProblem(register(event, "Chen", uniqueEmail("chen"), "BY_PIGEON"), 400, "\"field\":\"attendance\"");
        assertNothingWritten(event);
    }

    @Test
    void unknownEventIs404Problem() {
        HttpResponse<String> response = fixtures.postJson(port, "/api/v1/events/999999999/registrations",
                registrationJson("Dee", uniqueEmail("dee"), "IN_PERSON"));
        assertProblem(response, 404, "\"status\":404");
    }

    private void assertRefused(Event event, int status, String code, String text) {
        String email = uniqueEmail("refused");
        HttpResponse<String> response = register(event, "Eli", email, "IN_PERSON");
        assertProblem(response, status, "\"code\":\"" + code + "\"");
        assertThat(response.body()).contains(text);
        assertThat(fixtures.mailsTo(email)).isEmpty();
        assertNothingWritten(event);
    }

    private void assertProblem(HttpResponse<String> response, int status, String fragment) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).contains(fragment);
    }

    private void assertNothingWritten(Event event) {
        assertThat(fixtures.count("SELECT count(*) FROM registration WHERE event_id = ?", event.id())).isZero();
        assertThat(fixtures.count("SELECT count(*) FROM event_seat WHERE event_id = ? AND registration_id IS NOT NULL", event.id())).isZero();
    }

    private static EventDraft window(Instant opens, Instant closes) {
        EventDraft d = EventFixtures.draft(EventFormat.IN_PERSON, 5);
        return new EventDraft(d.title(), d.description(), null, d.format(), d.startsAt(), d.endsAt(), d.timeZone(), d.venueName(),
                d.venueAddress(), d.venueDirections(), d.accessibility(), 5, opens, closes, EventStatus.PUBLISHED);
    }

    static long id(String json) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return Long.parseLong(m.group(1));
    }
}
