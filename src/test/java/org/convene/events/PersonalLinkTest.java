package org.convene.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convene.events.EventFixtures.registrationJson;
import static org.convene.events.EventFixtures.uniqueEmail;

import java.net.http.HttpResponse;
import org.convene.events.internal.Attendance;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventDraft;
import org.convene.events.internal.EventFormat;
import org.convene.events.internal.Events;
import org.convene.events.internal.Registration;
import org.convene.events.internal.RegistrationLinks;
import org.convene.events.internal.RegistrationStatus;
import org.convene.events.internal.Registrations;
import org.convene.platform.web.InvalidInputException;
import org.convene.support.ConveneTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The personal link from the confirmation mail, cancelling and switching attendance, and promotion from the waitlist in order. */
@ConveneTest
class PersonalLinkTest {

    @LocalServerPort
    int port;
    @Autowired
    EventFixtures fixtures;
    @Autowired
    Registrations registrations;
    @Autowired
    RegistrationLinks links;
    @Autowired
    Events events;

    private long register(Event event, String email, String attendance) {
        HttpResponse<String> response = fixtures.postJson(port, "/api/v1/events/" + event.id() + "/registrations",
                registrationJson("Person " + email.substring(0, 6), email, attendance));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return RegistrationApiTest.id(response.body());
    }

    @Test
    void theMailedLinkOpensThePersonalPageAndChangedLinksAreAFriendly404() {
        Event event = fixtures.published(EventFormat.IN_PERSON, 1);
        String confirmed = uniqueEmail("kofi");
        String waiting = uniqueEmail("lina");
        register(event, confirmed, "IN_PERSON");
        register(event, waiting, "IN_PERSON");

        HttpResponse<String> page = fixtures.get(port, fixtures.personalPath(confirmed));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Confirmed").contains(event.title().in("en")).contains(event.slug() + ".ics");
        assertThat(fixtures.get(port, fixtures.personalPath(waiting)).body()).contains("On the waitlist").contains("number 1 in line");

        String path = fixtures.personalPath(confirmed);
        char last = path.charAt(path.length() - 1);
        String tampered = path.substring(0, path.length() - 1) + (last == 'A' ? 'B' : 'A');
        String foreign = links.path(987654321L).replaceAll(".$", "x");
        for (String bad : new String[] {tampered, foreign, "/registrations/not-a-token", "/registrations/" + "A".repeat(32)}) {
            HttpResponse<String> response = fixtures.get(port, bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(404);
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
        }
    }

    @Test
    void aLinkSignedWithAnotherInstallationsKeyIsA404() throws Exception {
        Event event = fixtures.published(EventFormat.IN_PERSON, 5);
        String email = uniqueEmail("nia");
        long id = register(event, email, "IN_PERSON");
        // the same registration id, signed with a key this installation never had
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(new byte[32], "HmacSHA256"));
        byte[] signature = java.util.Arrays.copyOf(mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(id).array()), 16);
        String foreign = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(java.nio.ByteBuffer.allocate(24).putLong(id).put(signature).array());
        assertThat(fixtures.get(port, "/registrations/" + foreign).statusCode()).isEqualTo(404);
        assertThat(fixtures.get(port, fixtures.personalPath(email)).statusCode()).isEqualTo(200);
    }

    @Test
    void personalLinksExpireAMonthAfterTheEventEnded() {
        EventDraft d = EventFixtures.draft(EventFormat.IN_PERSON, 5);
        java.time.Instant now = java.time.Instant.now();
        Event longAgo = fixtures.create(new EventDraft(d.title(), d.description(), null, d.format(), now.minus(java.time.Duration.ofDays(40)),
                now.minus(java.time.Duration.ofDays(31)), d.timeZone(), d.venueName(), null, null, null, 5, null, null, d.status()));
        Event lastWeek = fixtures.create(new EventDraft(d.title(), d.description(), null, d.format(), now.minus(java.time.Duration.ofDays(8)),
                now.minus(java.time.Duration.ofDays(7)), d.timeZone(), d.venueName(), null, null, null, 5, null, null, d.status()));
        long old = pastRegistration(longAgo);
        long recent = pastRegistration(lastWeek);

        HttpResponse<String> expired = fixtures.get(port, links.path(old));
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("This link has expired");
        assertThat(fixtures.postJson(port, links.path(old) + "/cancel", "").statusCode()).isIn(403, 410);
        assertThat(fixtures.get(port, links.path(recent)).statusCode()).isEqualTo(200);
    }

    /** A registration for an event that is over (nobody can register for it any more, so written directly). */
    private long pastRegistration(Event event) {
        return fixtures.jdbc().sql("""
                        INSERT INTO registration (event_id, name, email, attendance, status, language)
                        VALUES (:event, 'Past Person', :email, 'IN_PERSON', 'CONFIRMED', 'en') RETURNING id""")
                .param("event", event.id()).param("email", uniqueEmail("past")).query(Long.class).single();
    }

    @Test
    void aLinkForARegistrationThatDoesNotExistIsA404() {
        assertThat(fixtures.get(port, links.path(987654321L)).statusCode()).isEqualTo(404);
    }

    @Test
    void cancellingPromotesTheFirstOnTheWaitlistWhoIsToldByMail() {
        Event event = fixtures.published(EventFormat.IN_PERSON, 1);
        String first = uniqueEmail("first");
        String second = uniqueEmail("second");
        String third = uniqueEmail("third");
        long firstId = register(event, first, "IN_PERSON");
        long secondId = register(event, second, "IN_PERSON");
        long thirdId = register(event, third, "IN_PERSON");

        registrations.cancel(firstId);

        assertThat(registrations.find(firstId).orElseThrow().status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(registrations.find(secondId).orElseThrow().status()).isEqualTo(RegistrationStatus.CONFIRMED);
        Registration stillWaiting = registrations.find(thirdId).orElseThrow();
        assertThat(stillWaiting.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(stillWaiting.waitlistPosition()).isEqualTo(1);
        assertThat(fixtures.mailsTo(second)).hasSize(2);
        assertThat(fixtures.mailsTo(second).getLast()[0]).startsWith("A seat is yours");
        assertThat(fixtures.mailsTo(second).getLast()[1]).contains("/registrations/");
        assertThat(fixtures.count("SELECT count(*) FROM event_seat WHERE event_id = ? AND registration_id = ?", event.id(), secondId)).isEqualTo(1);

        // cancelling twice changes nothing; the same e-mail may register again afterwards
        registrations.cancel(firstId);
        assertThat(fixtures.count("SELECT count(*) FROM registration WHERE event_id = ? AND status = 'CONFIRMED'", event.id())).isEqualTo(1);
        long again = register(event, first, "IN_PERSON");
        assertThat(again).isNotEqualTo(firstId);
        assertThat(registrations.find(again).orElseThrow().waitlistPosition()).isEqualTo(2);
    }

    @Test
    void switchingToOnlineFreesTheSeatAndSwitchingBackJoinsTheEndOfTheWaitlist() {
        Event event = fixtures.published(EventFormat.HYBRID, 1);
        long a = register(event, uniqueEmail("amir"), "IN_PERSON");
        long b = register(event, uniqueEmail("bo"), "IN_PERSON");

        Registration online = registrations.changeAttendance(a, Attendance.ONLINE);
        assertThat(online.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(online.attendance()).isEqualTo(Attendance.ONLINE);
        assertThat(registrations.find(b).orElseThrow().status()).isEqualTo(RegistrationStatus.CONFIRMED);

        Registration back = registrations.changeAttendance(a, Attendance.IN_PERSON);
        assertThat(back.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(back.waitlistPosition()).isEqualTo(1);
    }

    @Test
    void raisingCapacityPromotesInOrderAndLoweringBelowTheConfirmedIsRefused() {
        Event event = fixtures.published(EventFormat.IN_PERSON, 1);
        long[] ids = new long[4];
        String[] emails = new String[4];
        for (int i = 0; i < 4; i++) {
            emails[i] = uniqueEmail("p" + i);
            ids[i] = register(event, emails[i], "IN_PERSON");
        }
        events.update(event.id(), withCapacity(event, 3));
        assertThat(registrations.find(ids[1]).orElseThrow().status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(registrations.find(ids[2]).orElseThrow().status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(registrations.find(ids[3]).orElseThrow().waitlistPosition()).isEqualTo(1);
        assertThat(fixtures.mailsTo(emails[1]).getLast()[0]).startsWith("A seat is yours");
        assertThat(fixtures.mailsTo(emails[3])).hasSize(1);
        assertThat(fixtures.count("SELECT count(*) FROM event_seat WHERE event_id = ?", event.id())).isEqualTo(3);

        assertThatThrownBy(() -> events.update(event.id(), withCapacity(event, 2)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("More people hold a seat");
        assertThat(fixtures.count("SELECT count(*) FROM event_seat WHERE event_id = ?", event.id())).isEqualTo(3);
        assertThat(events.find(event.id()).orElseThrow().capacity()).isEqualTo(3);
    }

    private static EventDraft withCapacity(Event e, int capacity) {
        return new EventDraft(e.title(), e.description(), e.organizationId(), e.format(), e.startsAt(), e.endsAt(), e.zone().getId(),
                e.venueName(), e.venueAddress(), e.venueDirections(), e.accessibility(), capacity, e.registrationOpensAt(),
                e.registrationClosesAt(), e.status());
    }
}
