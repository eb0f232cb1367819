package org.convene.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.events.EventFixtures.registrationJson;
import static org.convene.events.EventFixtures.uniqueEmail;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventFormat;
import org.convene.events.internal.RegistrationLinks;
import org.convene.events.internal.Registrations;
import org.convene.events.internal.Reminders;
import org.convene.support.ConveneTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Reminders go to confirmed registrants once per reminder, however often and on however many
 * nodes the job runs (the scheduled job may run alongside these calls, which changes nothing).
 */
@ConveneTest
class RemindersTest {

    @LocalServerPort
    int port;
    @Autowired
    EventFixtures fixtures;
    @Autowired
    Reminders reminders;
    @Autowired
    Registrations registrations;
    @Autowired
    RegistrationLinks links;

    private long register(Event event, String email, String attendance) {
        HttpResponse<String> response = fixtures.postJson(port, "/api/v1/events/" + event.id() + "/registrations",
                registrationJson("Person " + email.substring(0, 6), email, attendance));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return RegistrationApiTest.id(response.body());
    }

    /** Registrations made two days ago, and the event moved to start after {@code startsIn}. */
    private void registeredLongAgoAndStartsIn(Event event, Duration startsIn) {
        fixtures.jdbc().sql("UPDATE registration SET created_at = now() - interval '2 days' WHERE event_id = :id")
                .param("id", event.id()).update();
        fixtures.jdbc().sql("UPDATE event SET starts_at = now() + make_interval(secs => :s), ends_at = now() + make_interval(secs => :s) + interval '2 hours' WHERE id = :id")
                .param("s", (double) startsIn.toSeconds()).param("id", event.id()).update();
    }

    private List<String[]> remindersTo(String email) {
        return fixtures.mailsTo(email).stream().filter(m -> m[0].startsWith("Reminder: ")).toList();
    }

    @Test
    void theDayBeforeEachConfirmedRegistrantGetsOneReminderHoweverOftenTheJobRuns() {
        Event event = fixtures.published(EventFormat.HYBRID, 1);
        String seated = uniqueEmail("amara");
        String waiting = uniqueEmail("bilal");
        String online = uniqueEmail("chen");
        String cancelled = uniqueEmail("dara");
        long seatedId = register(event, seated, "IN_PERSON");
        register(event, waiting, "IN_PERSON");
        long onlineId = register(event, online, "ONLINE");
        long cancelledId = register(event, cancelled, "ONLINE");
        registrations.cancel(cancelledId);
        registeredLongAgoAndStartsIn(event, Duration.ofHours(23));

        reminders.sendDue();
        reminders.sendDue();

        assertThat(remindersTo(seated)).hasSize(1);
        assertThat(remindersTo(online)).hasSize(1);
        assertThat(remindersTo(waiting)).isEmpty();
        assertThat(remindersTo(cancelled)).isEmpty();
        assertThat(fixtures.count("SELECT count(*) FROM registration_reminder WHERE registration_id = ? AND reminder = 'PT24H'", seatedId)).isEqualTo(1);

        String inPersonMail = remindersTo(seated).getFirst()[1];
        assertThat(inPersonMail).contains(links.path(seatedId) + "/confirm").contains(links.path(seatedId) + "/cancel")
                .doesNotContain("/join/");
        String onlineMail = remindersTo(online).getFirst()[1];
        assertThat(onlineMail).contains("/join/" + links.joinToken(onlineId)).contains("15 minutes").doesNotContain("/confirm");
    }

    @Test
    void twoRunsAtOnceStillSendOneReminderPerRegistration() throws Exception {
        Event event = fixtures.published(EventFormat.ONLINE, 0);
        List<String> emails = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            emails.add(uniqueEmail("p" + i));
            register(event, emails.getLast(), "ONLINE");
        }
        registeredLongAgoAndStartsIn(event, Duration.ofHours(20));

        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> runs = List.of(1, 2).stream().map(n -> CompletableFuture.supplyAsync(() -> {
            try {
                together.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return reminders.sendDue();
        })).toList();
        for (CompletableFuture<Integer> run : runs) {
            run.get();
        }
        for (String email : emails) {
            assertThat(remindersTo(email)).as(email).hasSize(1);
        }
    }

    @Test
    void aReminderWhoseMomentHadPassedAtRegistrationIsNotSentLate() {
        Event event = fixtures.published(EventFormat.ONLINE, 0);
        String early = uniqueEmail("eli");
        register(event, early, "ONLINE");
        registeredLongAgoAndStartsIn(event, Duration.ofMinutes(30));
        String late = uniqueEmail("fatou");
        long lateId = register(event, late, "ONLINE");

        reminders.sendDue();

        // registered two days ago: the one-hour reminder (the day-before one was superseded by it)
        assertThat(remindersTo(early)).hasSize(1);
        assertThat(fixtures.count("SELECT count(*) FROM registration_reminder r JOIN registration g ON g.id = r.registration_id "
                + "WHERE g.email = ? AND r.reminder = 'PT1H'", early)).isEqualTo(1);
        // registered 30 minutes before the start: both moments had passed
        assertThat(remindersTo(late)).isEmpty();
        assertThat(fixtures.count("SELECT count(*) FROM registration_reminder WHERE registration_id = ?", lateId)).isZero();
    }

    @Test
    void aCancelledEventSendsNoReminders() {
        Event event = fixtures.published(EventFormat.IN_PERSON, 5);
        String email = uniqueEmail("gita");
        register(event, email, "IN_PERSON");
        fixtures.jdbc().sql("UPDATE event SET status = 'CANCELLED' WHERE id = :id").param("id", event.id()).update();
        registeredLongAgoAndStartsIn(event, Duration.ofHours(2));

        reminders.sendDue();

        assertThat(remindersTo(email)).isEmpty();
    }
}
