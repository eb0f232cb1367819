package org.convene.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.events.EventFixtures.registrationJson;
import static org.convene.events.EventFixtures.uniqueEmail;

import java.net.http.HttpResponse;
import java.util.Map;
import org.convene.accounts.StaffRole;
import org.convene.accounts.WebClient;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventFormat;
import org.convene.events.internal.RegistrantMessages;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** "Message the registrants": one e-mail per chosen registrant with the personal link, audited; nothing queued on bad input. */
@ConveneTest
class RegistrantMessageTest {

    @LocalServerPort
    int port;
    @Autowired
    EventFixtures fixtures;
    @Autowired
    TestStaff staff;
    @Autowired
    RegistrantMessages messages;

    private record Setup(Event event, long org, String seated, String waiting, String online, WebClient client) {
    }

    private Setup setup() {
        long org = 200_000 + (long) (Math.random() * 100_000);
        Event event = fixtures.publishedBy(org, EventFormat.HYBRID, 1);
        String seated = uniqueEmail("nadia");
        String waiting = uniqueEmail("omar");
        String online = uniqueEmail("priya");
        register(event, "Nadia Aziz", seated, "IN_PERSON");
        register(event, "Omar Said", waiting, "IN_PERSON");
        register(event, "Priya Nair", online, "ONLINE");
        WebClient client = new WebClient(port).signedIn(staff.create(StaffRole.ORG_EDITOR, org).email(), TestStaff.PASSWORD);
        return new Setup(event, org, seated, waiting, online, client);
    }

    private void register(Event event, String name, String email, String attendance) {
        assertThat(fixtures.postJson(port, "/api/v1/events/" + event.id() + "/registrations", registrationJson(name, email, attendance))
                .statusCode()).isEqualTo(201);
    }

    private HttpResponse<String> send(Setup s, String audience, String subject, String text) {
        HttpResponse<String> response = s.client().post("/admin/events/" + s.event().id() + "/registrations/message",
                Map.of("audience", audience, "subject", subject, "text", text));
        awaitQueued(s.event());
        return response;
    }

    /**
     * Every message of the event is scheduled as a job (or already done); then does the job's work
     * here, which is safe next to a running job. The shared test context's scheduler stops when
     * Spring pauses the context between test classes, so tests cannot wait for it.
     */
    private void awaitQueued(Event event) {
        for (long id : fixtures.jdbc().sql("SELECT id FROM registrant_message WHERE event_id = :e").param("e", event.id()).query(Long.class).list()) {
            boolean scheduledOrDone = fixtures.count("""
                    SELECT count(*) FROM registrant_message m WHERE m.id = ? AND (m.finished_at IS NOT NULL OR EXISTS (
                        SELECT 1 FROM scheduled_tasks t WHERE t.task_name = 'registrant-message' AND t.task_instance = m.id::text))""", id) == 1;
            assertThat(scheduledOrDone).as("message %d scheduled", id).isTrue();
            messages.queueAll(id);
            assertThat(messages.find(id).finished()).isTrue();
        }
    }

    @Test
    void theWaitlistGetsOneMailEachWithTheirPersonalLinkAndTheSendingIsAudited() {
        Setup s = setup();
        HttpResponse<String> sent = send(s, "WAITLISTED", "Seats update", "We are looking for a larger hall.");
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(WebClient.location(sent)).endsWith("/admin/events/" + s.event().id() + "/registrations");
        assertThat(s.client().get("/admin/events/" + s.event().id() + "/registrations").body()).contains("The message is being queued for 1 registrant.");

        var mails = fixtures.mailsTo(s.waiting());
        assertThat(mails).hasSize(2);
        assertThat(mails.getLast()[0]).isEqualTo("Seats update");
        assertThat(mails.getLast()[1]).contains("Omar Said").contains("We are looking for a larger hall.")
                .contains(fixtures.personalPath(s.waiting()));
        assertThat(fixtures.mailsTo(s.seated())).hasSize(1);
        assertThat(fixtures.mailsTo(s.online())).hasSize(1);
        assertThat(s.client().get("/admin/events/" + s.event().id() + "/registrations").body())
                .contains("Seats update").contains("On the waitlist (1)").contains("1 queued");
        assertThat(fixtures.count("SELECT count(*) FROM audit_entry WHERE action = 'events.registrants.messaged' AND record_id = ?",
                String.valueOf(s.event().id()))).isEqualTo(1);
        assertThat(fixtures.jdbc().sql("SELECT detail FROM audit_entry WHERE action = 'events.registrants.messaged' AND record_id = :id")
                .param("id", String.valueOf(s.event().id())).query(String.class).single()).contains("WAITLISTED").contains("recipients=1");
    }

    @Test
    void everyoneActiveExceptCancellationsAndEachAudience() {
        Setup s = setup();
        String cancelled = uniqueEmail("quentin");
        register(s.event(), "Quentin Roy", cancelled, "ONLINE");
        fixtures.jdbc().sql("UPDATE registration SET status = 'CANCELLED', cancelled_at = now() WHERE lower(email) = lower(:e)")
                .param("e", cancelled).update();
        send(s, "ALL_ACTIVE", "Agenda", "The agenda is online.");
        send(s, "CONFIRMED_IN_PERSON", "Venue", "Bring your badge.");
        send(s, "ONLINE", "Stream", "The stream starts at ten.");
        assertThat(fixtures.mailsTo(s.seated()).stream().map(m -> m[0]).toList()).containsSubsequence("Agenda", "Venue").doesNotContain("Stream");
        assertThat(fixtures.mailsTo(s.online()).stream().map(m -> m[0]).toList()).containsSubsequence("Agenda", "Stream").doesNotContain("Venue");
        assertThat(fixtures.mailsTo(s.waiting()).stream().map(m -> m[0]).toList()).contains("Agenda").doesNotContain("Venue", "Stream");
        assertThat(fixtures.mailsTo(cancelled).stream().map(m -> m[0]).toList()).doesNotContain("Agenda");
    }

    @Test
    void aMissingSubjectIsShownBesideItsFieldAndNothingIsQueued() {
        Setup s = setup();
        HttpResponse<String> response = send(s, "ALL_ACTIVE", "  ", "Hello all.");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("id=\"subject-error\"").contains("This field is required.").contains("Hello all.");
        assertNothingQueued(s);
    }

    @Test
    void aMissingTextIsShownBesideItsField() {
        Setup s = setup();
        HttpResponse<String> response = send(s, "ALL_ACTIVE", "Agenda", "");
        assertThat(response.body()).contains("id=\"text-error\"").contains("This field is required.");
        assertNothingQueued(s);
    }

    @Test
    void tooLongSubjectOrTextIsRefused() {
        Setup s = setup();
        HttpResponse<String> response = send(s, "ALL_ACTIVE", "x".repeat(201), "y".repeat(10_001));
        assertThat(response.body()).contains("id=\"subject-error\"").contains("at most 200 characters")
                .contains("id=\"text-error\"").contains("at most 10,000 characters");
        assertNothingQueued(s);
    }

    @Test
    void anUnknownAudienceIsShownBesideTheChoice() {
        Setup s = setup();
        HttpResponse<String> response = send(s, "EVERYBODY", "Agenda", "Text");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("invalid-feedback d-block");
        assertNothingQueued(s);
    }

    /**
     * Many recipients: the request only stores the message; the job queues the e-mails in batches of
     * 500. {@code -Dconvene.test.recipients=20000} measures the full size (see docs/architecture.md).
     */
    @Test
    void manyRecipientsAreQueuedInBatchesByTheJobAndTheRequestReturnsAtOnce() {
        int count = Integer.getInteger("convene.test.recipients", 1_201);
        long org = 300_000 + (long) (Math.random() * 100_000);
        Event event = fixtures.publishedBy(org, EventFormat.ONLINE, 0);
        fixtures.jdbc().sql("""
                        INSERT INTO registration (event_id, name, email, attendance, status, language)
                        SELECT :event, 'Supporter ' || n, 'supporter-' || n || '-' || :event || '@example.net', 'ONLINE', 'CONFIRMED',
                               (ARRAY['en','ar','es','fr','pt','id'])[1 + n % 6]
                        FROM generate_series(1, :count) n""").param("event", event.id()).param("count", count).update();
        WebClient client = new WebClient(port).signedIn(staff.create(StaffRole.ORG_EDITOR, org).email(), TestStaff.PASSWORD);
        long start = System.nanoTime();
        HttpResponse<String> response = client.post("/admin/events/" + event.id() + "/registrations/message",
                Map.of("audience", "ALL_ACTIVE", "subject", "Reminder", "text", "See you tomorrow."));
        long requestMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(requestMillis).isLessThan(5_000);
        awaitQueued(event);
        long totalMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("Message to %d registrants: request %d ms, all queued after %d ms%n", count, requestMillis, totalMillis);
        String like = "supporter-%-" + event.id() + "@example.net";
        assertThat(fixtures.count("SELECT count(*) FROM mail_outbox WHERE recipient LIKE ?", like)).isEqualTo(count);
        assertThat(fixtures.count("SELECT count(DISTINCT recipient) FROM mail_outbox WHERE recipient LIKE ?", like)).isEqualTo(count);
        assertThat(fixtures.count("SELECT queued FROM registrant_message WHERE event_id = ?", event.id())).isEqualTo(count);
        assertThat(fixtures.mailsTo("supporter-6-" + event.id() + "@example.net").getFirst()[1]).contains("Supporter 6").contains("/registrations/");
        // keep the shared outbox small for the other tests
        fixtures.jdbc().sql("DELETE FROM mail_outbox WHERE recipient LIKE :like").param("like", like).update();
    }

    /** After a crash the job runs again: it continues after the last finished batch, and a finished message sends nothing more. */
    @Test
    void aResumedMessageSkipsWhoAlreadyGotItAndAFinishedOneSendsNothing() {
        Setup s = setup();
        long seatedId = registrationId(s.seated());
        long last = Math.max(registrationId(s.waiting()), registrationId(s.online()));
        long id = fixtures.jdbc().sql("""
                        INSERT INTO registrant_message (event_id, audience, subject, body, recipients, up_to_registration, sent_up_to, queued)
                        VALUES (:event, 'ALL_ACTIVE', 'Resumed', 'Half sent before the crash.', 3, :last, :seated, 1) RETURNING id""")
                .param("event", s.event().id()).param("last", last).param("seated", seatedId).query(Long.class).single();
        messages.queueAll(id);
        assertThat(fixtures.mailsTo(s.seated()).stream().map(m -> m[0]).toList()).doesNotContain("Resumed");
        assertThat(fixtures.mailsTo(s.waiting()).getLast()[0]).isEqualTo("Resumed");
        assertThat(fixtures.mailsTo(s.online()).getLast()[0]).isEqualTo("Resumed");
        assertThat(messages.find(id).queued()).isEqualTo(3);
        assertThat(messages.find(id).finished()).isTrue();

        messages.queueAll(id);
        assertThat(fixtures.mailsTo(s.online())).hasSize(2);
    }

    private long registrationId(String email) {
        return fixtures.jdbc().sql("SELECT id FROM registration WHERE lower(email) = lower(:e)").param("e", email).query(Long.class).single();
    }

    private void assertNothingQueued(Setup s) {
        assertThat(fixtures.mailsTo(s.seated())).hasSize(1);
        assertThat(fixtures.mailsTo(s.waiting())).hasSize(1);
        assertThat(fixtures.mailsTo(s.online())).hasSize(1);
        assertThat(fixtures.count("SELECT count(*) FROM audit_entry WHERE action = 'events.registrants.messaged' AND record_id = ?",
                String.valueOf(s.event().id()))).isZero();
        assertThat(fixtures.count("SELECT count(*) FROM registrant_message WHERE event_id = ?", s.event().id())).isZero();
    }
}
