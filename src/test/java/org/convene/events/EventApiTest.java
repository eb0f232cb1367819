package org.convene.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.convene.accounts.StaffRole;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Events through the API: staff create them with a token, within their organization; bad times and zones are 400 problems. */
@ConveneTest
class EventApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestStaff staff;
    @Autowired
    EventFixtures fixtures;

    private HttpResponse<String> create(String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/events"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String event(String organization, String starts, String ends, String zone) {
        return """
                {"language":"en","title":{"en":"Online committee %s","fr":"Comité en ligne"},"description":{"en":"Monthly call."},
                 "organizationId":%s,"format":"ONLINE","startsAt":"%s","endsAt":"%s","timeZone":"%s","capacity":0,"status":"PUBLISHED"}"""
                .formatted(java.util.UUID.randomUUID().toString().substring(0, 6), organization, starts, ends, zone);
    }

    @Test
    void networkAdminCreatesAnEventThatAnyoneCanRead() throws Exception {
        String token = staff.apiToken(staff.networkAdmin());
        HttpResponse<String> created = create(token, event("null", "2031-06-02T16:00:00Z", "2031-06-02T17:30:00Z", "America/Bogota"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"timeZone\":\"America/Bogota\"").contains("\"fr\":\"Comité en ligne\"");
        long id = RegistrationApiTest.id(created.body());
        HttpResponse<String> read = fixtures.get(port, "/api/v1/events/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"startsAt\":\"2031-06-02T16:00:00Z\"");
        // the list is paged (100 a page): the month filter keeps it to the few events starting then
        assertThat(fixtures.get(port, "/api/v1/events?month=2031-06").body()).contains("\"id\":" + id);
    }

    @Test
    void organizationStaffCreateOnlyForTheirOwnOrganization() throws Exception {
        long org = 60_000 + (long) (Math.random() * 10_000);
        String token = staff.apiToken(staff.create(StaffRole.ORG_EDITOR, org));
        assertThat(create(token, event(String.valueOf(org), "2031-06-02T16:00:00Z", "2031-06-02T17:00:00Z", "UTC")).statusCode()).isEqualTo(201);
        HttpResponse<String> other = create(token, event(String.valueOf(org + 1), "2031-06-02T16:00:00Z", "2031-06-02T17:00:00Z", "UTC"));
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(create(token, event("null", "2031-06-02T16:00:00Z", "2031-06-02T17:00:00Z", "UTC")).statusCode()).isEqualTo(403);
        assertThat(create(null, event(String.valueOf(org), "2031-06-02T16:00:00Z", "2031-06-02T17:00:00Z", "UTC")).statusCode()).isEqualTo(401);
    }

    @Test
    void endBeforeStartAndUnknownTimeZoneAreRefusedWithoutWritingAnything() throws Exception {
        String token = staff.apiToken(staff.networkAdmin());
        int before = fixtures.count("SELECT count(*) FROM event");
        HttpResponse<String> backwards = create(token, event("null", "2031-06-02T16:00:00Z", "2031-06-02T15:00:00Z", "UTC"));
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("\"field\":\"endsAt\"").contains("end must be after the start");
        HttpResponse<String> nowhere = create(token, event("null", "2031-06-02T16:00:00Z", "2031-06-02T17:00:00Z", "Atlantis/Capital"));
        assertThat(nowhere.statusCode()).isEqualTo(400);
        assertThat(nowhere.body()).contains("\"field\":\"timeZone\"");
        assertThat(fixtures.count("SELECT count(*) FROM event")).isEqualTo(before);
    }

    @Test
    void eventsAndRegistrationsAreInTheOpenApiDocument() {
        String openApi = fixtures.get(port, "/api/openapi.json").body();
        assertThat(openApi).contains("\"/api/v1/events\"").contains("\"/api/v1/events/{id}\"")
                .contains("\"/api/v1/events/{eventId}/registrations\"");
    }

    @Test
    void draftsAreNotInThePublicApi() {
        var d = EventFixtures.draft(org.convene.events.internal.EventFormat.ONLINE, 0);
        var draft = fixtures.create(new org.convene.events.internal.EventDraft(d.title(), d.description(), null, d.format(), d.startsAt(),
                d.endsAt(), d.timeZone(), null, null, null, null, 0, null, null, org.convene.events.internal.EventStatus.DRAFT));
        assertThat(fixtures.get(port, "/api/v1/events/" + draft.id()).statusCode()).isEqualTo(404);
    }
}
