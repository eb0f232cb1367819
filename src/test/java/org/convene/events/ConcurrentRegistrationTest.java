package org.convene.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.events.EventFixtures.registrationJson;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventFormat;
import org.convene.support.ConveneTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 300 people register at once over HTTP for 100 seats, 30 of them twice at the same moment:
 * exactly 100 get a seat, the other 200 are waitlisted in a clean order, nobody is registered twice.
 */
@ConveneTest
class ConcurrentRegistrationTest {

    @LocalServerPort
    int port;
    @Autowired
    EventFixtures fixtures;

    @Test
    void capacityIsNeverExceededAndNobodyIsRegisteredTwice() throws Exception {
        Event event = fixtures.published(EventFormat.IN_PERSON, 100);
        String run = java.util.UUID.randomUUID().toString().substring(0, 8);
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            emails.add("crowd-" + run + "-" + i + "@example.net");
        }
        List<String> attempts = new ArrayList<>(emails);
        attempts.addAll(emails.subList(0, 30)); // double clicks: the same e-mail twice at the same time
        java.util.Collections.shuffle(attempts);

        List<HttpResponse<String>> responses = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (String email : attempts) {
                futures.add(threads.submit(() -> fixtures.postJson(port, "/api/v1/events/" + event.id() + "/registrations",
                        registrationJson("Crowd member", email, "IN_PERSON"))));
            }
            for (Future<HttpResponse<String>> f : futures) {
                responses.add(f.get());
            }
        }

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isIn(200, 201));
        assertThat(responses.stream().filter(r -> r.statusCode() == 201)).hasSize(300);
        assertThat(responses.stream().filter(r -> r.statusCode() == 200)).hasSize(30);
        assertThat(responses.stream().map(r -> RegistrationApiTest.id(r.body())).distinct()).hasSize(300);

        long id = event.id();
        assertThat(fixtures.count("SELECT count(*) FROM registration WHERE event_id = ?", id)).isEqualTo(300);
        assertThat(fixtures.count("SELECT count(DISTINCT lower(email)) FROM registration WHERE event_id = ?", id)).isEqualTo(300);
        assertThat(fixtures.count("SELECT count(*) FROM registration WHERE event_id = ? AND status = 'CONFIRMED'", id)).isEqualTo(100);
        assertThat(fixtures.count("SELECT count(*) FROM registration WHERE event_id = ? AND status = 'WAITLISTED'", id)).isEqualTo(200);
        assertThat(fixtures.count("SELECT count(*) FROM event_seat WHERE event_id = ?", id)).isEqualTo(100);
        assertThat(fixtures.count("SELECT count(DISTINCT registration_id) FROM event_seat WHERE event_id = ?", id)).isEqualTo(100);
        assertThat(fixtures.count("""
                SELECT count(*) FROM event_seat s JOIN registration r ON r.id = s.registration_id
                WHERE s.event_id = ? AND r.status = 'CONFIRMED'""", id)).isEqualTo(100);
        assertThat(fixtures.count("SELECT count(DISTINCT waitlist_order) FROM registration WHERE event_id = ? AND status = 'WAITLISTED'", id))
                .isEqualTo(200);
        assertThat(fixtures.count("SELECT count(*) FROM mail_outbox WHERE recipient LIKE ?", "crowd-" + run + "-%")).isEqualTo(300);

        // far down the waitlist, registering counts only the first 200 ahead; the personal page counts them all
        String late = "late-" + run + "@example.net";
        HttpResponse<String> response = fixtures.postJson(port, "/api/v1/events/" + event.id() + "/registrations",
                registrationJson("Late comer", late, "IN_PERSON"));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).contains("\"status\":\"WAITLISTED\"").contains("\"waitlistPosition\":null");
        assertThat(fixtures.mailsTo(late).getFirst()[1]).contains("more than 200 people ahead of you");
        assertThat(fixtures.get(port, fixtures.personalPath(late)).body()).contains("number 201 in line");
    }
}
