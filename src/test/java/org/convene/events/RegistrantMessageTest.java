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
import org.convene.events.internal.Registrants;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

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
    @Autowired
    TransactionTemplate transaction;

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
        return s.client().post("/admin/events/" + s.event().id() + "/registrations/message",
                Map.of("audience", audience, "subject", subject, "text", text));
    }

    @Test
    void theWaitlistGetsOneMailEachWithTheirPersonalLinkAndTheSendingIsAudited() {
        Setup s = setup();
        HttpResponse<String> sent = send(s, "WAITLISTED", "Seats update", "We are looking for a larger hall.");
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(WebClient.location(sent)).endsWith("/admin/events/" + s.event().id() + "/registrations");
        assertThat(s.client().get("/admin/events/" + s.event().id() + "/registrations").body()).contains("1 e-mail queued.");

        var mails = fixtures.mailsTo(s.waiting());
        assertThat(mails).hasSize(2);
        assertThat(mails.getLast()[0]).isEqualTo("Seats update");
        assertThat(mails.getLast()[1]).contains("Omar Said").contains("We are looking for a larger hall.")
                .contains(fixtures.personalPath(s.waiting()));
        assertThat(fixtures.mailsTo(s.seated())).hasSize(1);
        assertThat(fixtures.mailsTo(s.online())).hasSize(1);
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

    /** All 20,000 mails in one transaction: measured here, rolled back so the shared outbox stays small. */
    @Test
    void twentyThousandRecipientsAreQueuedInOneTransactionWithinSeconds() {
        long org = 300_000 + (long) (Math.random() * 100_000);
        Event event = fixtures.publishedBy(org, EventFormat.ONLINE, 0);
        fixtures.jdbc().sql("""
                        INSERT INTO registration (event_id, name, email, attendance, status, language)
                        SELECT :event, 'Supporter ' || n, 'supporter-' || n || '-' || :event || '@example.net', 'ONLINE', 'CONFIRMED',
                               (ARRAY['en','ar','es','fr','pt','id'])[1 + n % 6]
                        FROM generate_series(1, 20000) n""").param("event", event.id()).update();
        long start = System.nanoTime();
        int queued = transaction.execute(status -> {
            int n = messages.send(event.id(), Registrants.Audience.ALL_ACTIVE, "Reminder", "See you tomorrow.");
            status.setRollbackOnly();
            return n;
        });
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("Queued 20,000 registrant mails in " + millis + " ms");
        assertThat(queued).isEqualTo(20_000);
        assertThat(millis).isLessThan(60_000);
        assertThat(fixtures.count("SELECT count(*) FROM mail_outbox WHERE recipient LIKE ?", "supporter-%-" + event.id() + "@example.net")).isZero();
    }

    private void assertNothingQueued(Setup s) {
        assertThat(fixtures.mailsTo(s.seated())).hasSize(1);
        assertThat(fixtures.mailsTo(s.waiting())).hasSize(1);
        assertThat(fixtures.mailsTo(s.online())).hasSize(1);
        assertThat(fixtures.count("SELECT count(*) FROM audit_entry WHERE action = 'events.registrants.messaged' AND record_id = ?",
                String.valueOf(s.event().id()))).isZero();
    }
}
