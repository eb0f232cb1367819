package org.convene.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convene.events.EventFixtures.uniqueEmail;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convene.events.internal.Attendance;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventDraft;
import org.convene.events.internal.EventFormat;
import org.convene.events.internal.EventSeries;
import org.convene.events.internal.EventStatus;
import org.convene.events.internal.Events;
import org.convene.events.internal.Question;
import org.convene.events.internal.Registration;
import org.convene.events.internal.RegistrationStatus;
import org.convene.events.internal.Registrations;
import org.convene.events.internal.SeriesRule;
import org.convene.events.internal.Visibility;
import org.convene.platform.i18n.TranslatedText;
import org.convene.platform.web.InvalidInputException;
import org.convene.support.ConveneTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The details of an event beyond time and place: questions, online places, cancellation, series, and their checks. */
@ConveneTest
class EventDetailsTest {

    @LocalServerPort
    int port;
    @Autowired
    EventFixtures fixtures;
    @Autowired
    Events events;
    @Autowired
    Registrations registrations;
    @Autowired
    EventSeries series;
    @Autowired
    org.convene.support.TestStaff staff;

    private HttpResponse<String> send(String method, String path, String json, String token) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static final List<Question> QUESTIONS = List.of(
            new Question("diet", Question.Kind.TEXT, TranslatedText.of("en", "Dietary needs"), List.of(), false),
            new Question("session", Question.Kind.CHOICE, new TranslatedText("en", Map.of("en", "Which workshop?", "ar", "أي ورشة؟")),
                    List.of(TranslatedText.of("en", "Housing"), TranslatedText.of("en", "Water")), true),
            new Question("photos", Question.Kind.CONSENT, TranslatedText.of("en", "I agree to appear in photos of the assembly."), List.of(), true));

    static EventDraft with(EventDraft d, List<Question> questions, Integer onlineCapacity, boolean registrationRequired,
                           String cancellationMessage) {
        return new EventDraft(d.title(), d.description(), d.organizationId(), d.format(), d.startsAt(), d.endsAt(), d.timeZone(),
                d.venueName(), d.venueAddress(), d.venueDirections(), d.accessibility(), d.capacity(), d.registrationOpensAt(),
                d.registrationClosesAt(), d.status(), d.coOrganizerIds(), d.startsAt().minus(Duration.ofMinutes(30)),
                "Bring a photo ID for the building's reception.", onlineCapacity, registrationRequired, questions,
                cancellationMessage, d.bodyId(), d.visibility());
    }

    @Test
    void answersAreCheckedAndStoredWithTheRegistration() {
        Event event = fixtures.create(with(EventFixtures.draft(EventFormat.HYBRID, 10), QUESTIONS, null, true, null));
        assertThat(event.questions()).hasSize(3);
        assertThat(event.questions().get(2).required()).isTrue();
        assertThat(event.practicalNotes()).contains("photo ID");
        assertThat(event.doorsOpenAt()).isEqualTo(event.startsAt().minus(Duration.ofMinutes(30)));

        String email = uniqueEmail("amira");
        assertThatThrownBy(() -> registrations.register(event.id(), "Amira", email, Attendance.IN_PERSON,
                Map.of("diet", "x".repeat(501), "session", "7"), Locale.ENGLISH))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(invalid.errors())
                        .extracting(InvalidInputException.FieldProblem::field, InvalidInputException.FieldProblem::code)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("answers[diet]", "registration.answer.tooLong"),
                                org.assertj.core.groups.Tuple.tuple("answers[session]", "registration.answer.unknownChoice"),
                                org.assertj.core.groups.Tuple.tuple("answers[photos]", "registration.answer.consentRequired")));
        assertThatThrownBy(() -> registrations.register(event.id(), "Amira", email, Attendance.IN_PERSON, Map.of("photos", "true"),
                Locale.ENGLISH))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(invalid.errors())
                        .extracting(InvalidInputException.FieldProblem::field).containsExactly("answers[session]"));
        assertThat(fixtures.count("SELECT count(*) FROM registration WHERE email = ?", email)).isZero();

        Registration registration = registrations.register(event.id(), "Amira", email, Attendance.IN_PERSON,
                Map.of("diet", " vegan ", "session", "1", "photos", "on", "unasked", "ignored"), Locale.ENGLISH).registration();
        assertThat(registration.answers()).containsEntry("diet", "vegan").containsEntry("session", "Water")
                .containsKey("photos").doesNotContainKey("unasked");
        assertThat(Instant.parse(registration.answers().get("photos"))).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(
                1, java.time.temporal.ChronoUnit.MINUTES));
        assertThat(registrations.find(registration.id()).orElseThrow().answers()).isEqualTo(registration.answers());
    }

    @Test
    void theApiTakesAnswersAndNamesTheFieldOfAMissingOne() {
        Event event = fixtures.create(with(EventFixtures.draft(EventFormat.IN_PERSON, 10), QUESTIONS, null, true, null));
        String email = uniqueEmail("bo");
        HttpResponse<String> missing = fixtures.postJson(port, "/api/v1/events/" + event.id() + "/registrations",
                "{\"name\":\"Bo\",\"email\":\"" + email + "\",\"attendance\":\"IN_PERSON\",\"answers\":{\"session\":\"0\"}}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(missing.body()).contains("answers[photos]").contains("You need to agree to this to register.");

        HttpResponse<String> ok = fixtures.postJson(port, "/api/v1/events/" + event.id() + "/registrations",
                "{\"name\":\"Bo\",\"email\":\"" + email + "\",\"attendance\":\"IN_PERSON\",\"answers\":{\"session\":\"0\",\"photos\":\"true\"}}");
        assertThat(ok.statusCode()).isEqualTo(201);
        assertThat(fixtures.jdbc().sql("SELECT answers->>'session' FROM registration WHERE email = :e").param("e", email)
                .query(String.class).single()).isEqualTo("Housing");

        HttpResponse<String> read = fixtures.get(port, "/api/v1/events/" + event.id());
        assertThat(read.body()).contains("\"key\":\"photos\"").contains("\"kind\":\"CONSENT\"").contains("\"practicalNotes\"");
    }

    @Test
    void anEventWithoutRegistrationRefusesRegistrationsButIsShown() {
        Event event = fixtures.create(with(EventFixtures.draft(EventFormat.IN_PERSON, 0), List.of(), null, false, null));
        HttpResponse<String> refused = fixtures.postJson(port, "/api/v1/events/" + event.id() + "/registrations",
                EventFixtures.registrationJson("Cai", uniqueEmail("cai"), "IN_PERSON"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("registration.refused.notRequired");
        HttpResponse<String> page = fixtures.get(port, "/events/" + event.slug());
        assertThat(page.body()).contains("No registration is needed for this event").doesNotContain("registration-form");
    }

    @Test
    void onlinePlacesAreLimitedWithTheirOwnWaitlistAndRaisingThemPromotes() {
        Event event = fixtures.create(with(EventFixtures.draft(EventFormat.HYBRID, 1), List.of(), 1, true, null));
        Registration first = registrations.register(event.id(), "Dara", uniqueEmail("dara"), Attendance.ONLINE, Locale.ENGLISH).registration();
        Registration second = registrations.register(event.id(), "Eli", uniqueEmail("eli"), Attendance.ONLINE, Locale.ENGLISH).registration();
        Registration inPerson = registrations.register(event.id(), "Fay", uniqueEmail("fay"), Attendance.IN_PERSON, Locale.ENGLISH).registration();
        assertThat(first.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(second.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(second.waitlistPosition()).isEqualTo(1);
        // the in-person line is separate: the online waitlist does not take its seat
        assertThat(inPerson.status()).isEqualTo(RegistrationStatus.CONFIRMED);

        registrations.cancel(first.id());
        assertThat(registrations.find(second.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(fixtures.mailsTo(second.email()).getLast()[0]).contains(event.title().in("en"));

        Registration third = registrations.register(event.id(), "Gil", uniqueEmail("gil"), Attendance.ONLINE, Locale.ENGLISH).registration();
        assertThat(third.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        Event current = events.find(event.id()).orElseThrow();
        events.update(event.id(), withOnline(EventDraft.of(current), null));
        assertThat(registrations.find(third.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(fixtures.count("SELECT count(*) FROM event_seat WHERE event_id = ? AND attendance = 'ONLINE'", event.id())).isZero();
        // limiting again counts the places already taken
        assertThatThrownBy(() -> events.update(event.id(), withOnline(EventDraft.of(events.find(event.id()).orElseThrow()), 1)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        invalid -> assertThat(invalid.errors().getFirst().field()).isEqualTo("onlineCapacity"));
        events.update(event.id(), withOnline(EventDraft.of(events.find(event.id()).orElseThrow()), 3));
        assertThat(fixtures.count("SELECT count(*) FROM event_seat WHERE event_id = ? AND attendance = 'ONLINE' AND registration_id IS NOT NULL",
                event.id())).isEqualTo(2);
    }

    private static EventDraft withOnline(EventDraft d, Integer online) {
        return new EventDraft(d.title(), d.description(), d.organizationId(), d.format(), d.startsAt(), d.endsAt(), d.timeZone(),
                d.venueName(), d.venueAddress(), d.venueDirections(), d.accessibility(), d.capacity(), d.registrationOpensAt(),
                d.registrationClosesAt(), d.status(), d.coOrganizerIds(), d.doorsOpenAt(), d.practicalNotes(), online,
                d.registrationRequired(), d.questions(), d.cancellationMessage(), d.bodyId(), d.visibility());
    }

    @Test
    void cancellingTellsEveryoneStillRegisteredWithTheOrganizersMessage() {
        Event event = fixtures.create(with(EventFixtures.draft(EventFormat.IN_PERSON, 1), List.of(), null, true,
                "The hall flooded; we will announce a new date within a month."));
        String seated = uniqueEmail("hana");
        String waiting = uniqueEmail("ivo");
        String gone = uniqueEmail("jun");
        registrations.register(event.id(), "Hana", seated, Attendance.IN_PERSON, Locale.ENGLISH);
        registrations.register(event.id(), "Ivo", waiting, Attendance.IN_PERSON, Locale.forLanguageTag("es"));
        Registration left = registrations.register(event.id(), "Jun", gone, Attendance.IN_PERSON, Locale.ENGLISH).registration();
        registrations.cancel(left.id());
        int before = fixtures.mailsTo(gone).size();

        events.update(event.id(), EventDraft.of(events.find(event.id()).orElseThrow()).withStatus(EventStatus.CANCELLED));
        assertThat(fixtures.mailsTo(seated).getLast()[0]).startsWith("Cancelled:");
        assertThat(fixtures.mailsTo(seated).getLast()[1]).contains("The hall flooded").contains("/registrations/")
                .doesNotContain("/ticket");
        assertThat(fixtures.mailsTo(waiting).getLast()[0]).startsWith("Cancelado:");
        assertThat(fixtures.mailsTo(gone)).hasSize(before);
        // saving the cancelled event again does not write again
        events.update(event.id(), EventDraft.of(events.find(event.id()).orElseThrow()));
        assertThat(fixtures.mailsTo(seated).stream().filter(m -> m[0].startsWith("Cancelled:")).count()).isEqualTo(1);
        assertThat(fixtures.get(port, "/events/" + event.slug()).body()).contains("The hall flooded");
    }

    @Test
    void badDetailsAreRefusedFieldByFieldAndNothingIsWritten() {
        EventDraft d = EventFixtures.draft(EventFormat.IN_PERSON, 5);
        List<Question> bad = List.of(
                new Question("Bad Key", Question.Kind.TEXT, TranslatedText.of("en", "Name of your group"), List.of(), false),
                new Question("menu", Question.Kind.CHOICE, TranslatedText.of("en", "Menu"), List.of(TranslatedText.of("en", "Only one")), false),
                new Question("empty", Question.Kind.TEXT, TranslatedText.of("en", " "), List.of(), false));
        EventDraft wrong = new EventDraft(d.title(), d.description(), null, d.format(), d.startsAt(), d.endsAt(), d.timeZone(),
                d.venueName(), d.venueAddress(), d.venueDirections(), d.accessibility(), 5, null, null, d.status(),
                List.of(987_654_321L), d.startsAt().plus(Duration.ofHours(1)), "x".repeat(5001), 10, true, bad, null, null,
                Visibility.BODY_STAFF);
        assertThatThrownBy(() -> events.create(wrong))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(invalid.errors())
                        .extracting(InvalidInputException.FieldProblem::field)
                        .contains("coOrganizerIds", "doorsOpenAt", "practicalNotes", "onlineCapacity", "bodyId",
                                "questions[0]", "questions[1]", "questions[2]"));
        assertThat(fixtures.count("SELECT count(*) FROM event WHERE title->'values'->>'en' = ?", d.title().in("en"))).isZero();
    }

    @Test
    void aMonthlySeriesOnTheFirstTuesdayCreatesOccurrencesAheadOnceEach() {
        ZoneId zone = ZoneId.of("America/Bogota");
        LocalDate firstTuesday = LocalDate.now(zone).plusMonths(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.TUESDAY));
        Instant start = ZonedDateTime.of(firstTuesday, LocalTime.of(15, 0), zone).toInstant();
        EventDraft d = EventFixtures.draft(EventFormat.ONLINE, 0);
        Event first = fixtures.create(new EventDraft(d.title(), d.description(), null, EventFormat.ONLINE, start,
                start.plus(Duration.ofMinutes(90)), zone.getId(), null, null, null, null, 0, null, null, EventStatus.PUBLISHED));

        EventSeries.Series monthly = series.start(first.id(), SeriesRule.MONTHLY_WEEKDAY, null);
        List<Event> occurrences = series.occurrences(monthly.id());
        assertThat(occurrences.size()).isBetween(3, 5);
        for (Event occurrence : occurrences) {
            ZonedDateTime local = occurrence.startsAt().atZone(zone);
            assertThat(local.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
            assertThat(local.getDayOfMonth()).isLessThanOrEqualTo(7);
            assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(15, 0));
            assertThat(Duration.between(occurrence.startsAt(), occurrence.endsAt())).isEqualTo(Duration.ofMinutes(90));
            assertThat(occurrence.seriesId()).isEqualTo(monthly.id());
        }
        assertThat(series.extendAll()).isGreaterThanOrEqualTo(0);
        assertThat(series.occurrences(monthly.id())).hasSize(occurrences.size());
        // each occurrence takes its own registrations
        Registration atSecond = registrations.register(occurrences.get(1).id(), "Kai", uniqueEmail("kai"), Attendance.ONLINE,
                Locale.ENGLISH).registration();
        assertThat(atSecond.eventId()).isEqualTo(occurrences.get(1).id());
    }

    @Test
    void seriesRulesFollowTheCalendar() {
        LocalDate fifthFriday = LocalDate.of(2027, 1, 29);
        assertThat(SeriesRule.MONTHLY_WEEKDAY.occurrence(fifthFriday, 1)).isEqualTo(LocalDate.of(2027, 2, 26));
        assertThat(SeriesRule.MONTHLY_DATE.occurrence(LocalDate.of(2027, 1, 31), 1)).isNull();
        assertThat(SeriesRule.MONTHLY_DATE.occurrence(LocalDate.of(2027, 1, 31), 2)).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(SeriesRule.WEEKLY.occurrence(LocalDate.of(2027, 1, 5), 2)).isEqualTo(LocalDate.of(2027, 1, 19));
        assertThat(SeriesRule.MONTHLY_WEEKDAY.occurrence(LocalDate.of(2027, 1, 5), 1)).isEqualTo(LocalDate.of(2027, 2, 2));
    }

    @Test
    void theApiCreatesARecurringEventAndChangesAnEvent() {
        String admin = staff.apiToken(staff.networkAdmin());
        Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        String json = """
                {"language":"en","title":{"en":"Weekly coordination call"},"description":{"en":"Open line."},"format":"ONLINE",
                 "startsAt":"%s","endsAt":"%s","timeZone":"Africa/Dakar","status":"PUBLISHED","repeat":"WEEKLY",
                 "questions":[{"key":"topic","kind":"TEXT","label":{"en":"A topic to add?"},"required":false}]}"""
                .formatted(start, start.plus(Duration.ofHours(1)));
        HttpResponse<String> created = send("POST", "/api/v1/events", json, admin);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = Long.parseLong(created.body().replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
        Event event = events.find(id).orElseThrow();
        assertThat(event.seriesId()).isNotNull();
        assertThat(series.occurrences(event.seriesId()).size()).isGreaterThan(10);

        HttpResponse<String> changed = send("PUT", "/api/v1/events/" + id,
                json.replace("Weekly coordination call", "Weekly coordination call (new line)").replace("\"ONLINE\"", "\"ONLINE\",\"onlineCapacity\":50"),
                admin);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(events.find(id).orElseThrow().onlineCapacity()).isEqualTo(50);
        assertThat(events.find(id).orElseThrow().title().in("en")).endsWith("(new line)");

        HttpResponse<String> bad = send("PUT", "/api/v1/events/" + id, json.replace("Africa/Dakar", "Atlantis/Capital"), admin);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("timeZone");
    }
}
