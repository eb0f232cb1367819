package org.convene.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.events.EventFixtures.registrationJson;
import static org.convene.events.EventFixtures.uniqueEmail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventFormat;
import org.convene.events.internal.RegistrationRequestKeys;
import org.convene.support.ConveneTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Idempotency-Key on API registrations: a retry gets the first answer without writing; a reused key with another body is refused. */
@ConveneTest
class IdempotencyKeyTest {

    @LocalServerPort
    int port;
    @Autowired
    EventFixtures fixtures;
    @Autowired
    RegistrationRequestKeys keys;

    private HttpResponse<String> post(Event event, String key, String json) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/events/" + event.id() + "/registrations"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
            if (key != null) {
                request.header("Idempotency-Key", key);
            }
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int written(Event event) {
        return fixtures.count("SELECT count(*) FROM registration WHERE event_id = ?", event.id())
                + fixtures.count("SELECT count(*) FROM mail_outbox WHERE body_text LIKE ?", "%" + event.title().in(java.util.Locale.ENGLISH) + "%");
    }

    @Test
    void aRetryWithTheSameKeyGetsTheSameAnswerAndWritesNothing() {
        Event event = fixtures.published(EventFormat.IN_PERSON, 1);
        String key = UUID.randomUUID().toString();
        String json = registrationJson("Zainab Musa", uniqueEmail("zainab"), "IN_PERSON");
        HttpResponse<String> first = post(event, key, json);
        assertThat(first.statusCode()).isEqualTo(201);
        int before = written(event);
        int keysBefore = fixtures.count("SELECT count(*) FROM registration_request_key WHERE event_id = ?", event.id());

        HttpResponse<String> retry = post(event, key, json);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(written(event)).isEqualTo(before);
        assertThat(fixtures.count("SELECT count(*) FROM registration_request_key WHERE event_id = ?", event.id())).isEqualTo(keysBefore).isEqualTo(1);

        // without a key the same e-mail is still found again (200), as before
        assertThat(post(event, null, json).statusCode()).isEqualTo(200);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndWritesNothing() {
        Event event = fixtures.published(EventFormat.HYBRID, 5);
        String key = "retry-" + UUID.randomUUID();
        assertThat(post(event, key, registrationJson("Aisha Bello", uniqueEmail("aisha"), "IN_PERSON")).statusCode()).isEqualTo(201);
        int before = written(event);
        String otherEmail = uniqueEmail("other");
        HttpResponse<String> reused = post(event, key, registrationJson("Aisha Bello", otherEmail, "IN_PERSON"));
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(reused.body()).contains("Idempotency-Key").contains("\"status\":422");
        assertThat(written(event)).isEqualTo(before);
        assertThat(fixtures.mailsTo(otherEmail)).isEmpty();
    }

    @Test
    void keysBelongToOneEventAndAMalformedKeyIs400() {
        Event first = fixtures.published(EventFormat.ONLINE, 0);
        Event second = fixtures.published(EventFormat.ONLINE, 0);
        String key = UUID.randomUUID().toString();
        String json = registrationJson("Bruno Dias", uniqueEmail("bruno"), "ONLINE");
        assertThat(post(first, key, json).statusCode()).isEqualTo(201);
        assertThat(post(second, key, json).statusCode()).isEqualTo(201);

        HttpResponse<String> malformed = post(first, "spaces are not allowed", registrationJson("Carla", uniqueEmail("carla"), "ONLINE"));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("Idempotency-Key");
        assertThat(fixtures.count("SELECT count(*) FROM registration WHERE event_id = ?", first.id())).isEqualTo(1);
    }

    @Test
    void aRefusedRequestIsNotRememberedSoItsKeyCanBeRetried() {
        Event event = fixtures.published(EventFormat.ONLINE, 0);
        String key = UUID.randomUUID().toString();
        assertThat(post(event, key, registrationJson("", uniqueEmail("dora"), "ONLINE")).statusCode()).isEqualTo(400);
        assertThat(fixtures.count("SELECT count(*) FROM registration_request_key WHERE event_id = ?", event.id())).isZero();
    }

    @Test
    void expiredKeysAreForgottenAndCleanedUp() {
        Event event = fixtures.published(EventFormat.ONLINE, 0);
        String key = UUID.randomUUID().toString();
        assertThat(post(event, key, registrationJson("Elif Kaya", uniqueEmail("elif"), "ONLINE")).statusCode()).isEqualTo(201);
        fixtures.jdbc().sql("UPDATE registration_request_key SET expires_at = now() - interval '1 minute' WHERE event_id = :e")
                .param("e", event.id()).update();

        // expired: the key is free again, for another request
        String email = uniqueEmail("farid");
        assertThat(post(event, key, registrationJson("Farid", email, "ONLINE")).statusCode()).isEqualTo(201);
        assertThat(fixtures.mailsTo(email)).hasSize(1);

        fixtures.jdbc().sql("UPDATE registration_request_key SET expires_at = now() - interval '1 minute' WHERE event_id = :e")
                .param("e", event.id()).update();
        assertThat(keys.deleteExpired()).isGreaterThanOrEqualTo(1);
        assertThat(fixtures.count("SELECT count(*) FROM registration_request_key WHERE event_id = ?", event.id())).isZero();
    }

    @Test
    void theOpenApiDocumentDescribesTheHeader() {
        String doc = fixtures.get(port, "/api/openapi.json").body();
        assertThat(doc).contains("Idempotency-Key").contains("/api/v1/events/{eventId}/registrations");
    }
}
