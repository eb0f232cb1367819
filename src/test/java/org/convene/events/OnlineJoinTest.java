package org.convene.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convene.events.EventFixtures.registrationJson;
import static org.convene.events.EventFixtures.uniqueEmail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.convene.accounts.StaffRole;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventFormat;
import org.convene.events.internal.MeetingLink;
import org.convene.events.internal.MeetingLinks;
import org.convene.events.internal.OnlineAttendance;
import org.convene.events.internal.RegistrationLinks;
import org.convene.events.internal.Registrations;
import org.convene.platform.web.InvalidInputException;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Meeting rooms and personal join links: who gets in when, what is refused, and that the room's address never leaks. */
@ConveneTest
class OnlineJoinTest {

    @LocalServerPort
    int port;
    @Autowired
    EventFixtures fixtures;
    @Autowired
    MeetingLinks meetingLinks;
    @Autowired
    RegistrationLinks links;
    @Autowired
    Registrations registrations;
    @Autowired
    OnlineAttendance attendance;
    @Autowired
    TestStaff staff;

    private static String room() {
        return "https://meet.example.org/assembly-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "?pwd=s3cret";
    }

    private long register(Event event, String email, String attendance) {
        HttpResponse<String> response = fixtures.postJson(port, "/api/v1/events/" + event.id() + "/registrations",
                registrationJson("Person " + email.substring(0, 6), email, attendance));
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        return RegistrationApiTest.id(response.body());
    }

    /** Moves the event so that it starts after {@code startsIn} (negative: in the past) and lasts two hours. */
    private void startsIn(Event event, Duration startsIn) {
        fixtures.jdbc().sql("UPDATE event SET starts_at = now() + make_interval(secs => :s), ends_at = now() + make_interval(secs => :s) + interval '2 hours' WHERE id = :id")
                .param("s", (double) startsIn.toSeconds()).param("id", event.id()).update();
    }

    private String joinPath(long registrationId) {
        return "/join/" + links.joinToken(registrationId);
    }

    @Test
    void anOpenRoomRecordsTheAttendanceAndRedirectsThereOnlyByItsLocationHeader() {
        Event event = fixtures.published(EventFormat.ONLINE, 0);
        String url = room();
        meetingLinks.add(event.id(), new MeetingLink.Draft(url, null, null));
        String email = uniqueEmail("nadia");
        long id = register(event, email, "ONLINE");
        startsIn(event, Duration.ofMinutes(10));

        // the confirmation mail carries the join link, not the room
        String mail = fixtures.mailsTo(email).getLast()[1];
        assertThat(mail).contains("/join/" + links.joinToken(id)).doesNotContain(url);

        HttpResponse<String> first = fixtures.get(port, joinPath(id));
        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(first.headers().firstValue("Location")).hasValue(url);
        assertThat(first.body()).doesNotContain(url);
        assertThat(fixtures.get(port, joinPath(id)).statusCode()).isEqualTo(303);
        assertThat(fixtures.count("SELECT count(*) FROM online_attendance WHERE registration_id = ?", id)).isEqualTo(1);
        assertThat(fixtures.count("SELECT join_count FROM online_attendance WHERE registration_id = ?", id)).isEqualTo(2);
        assertThat(attendance.count(event.id())).isEqualTo(1);
    }

    @Test
    void beforeTheWindowAWaitingPageWithTheOpeningAndAfterTheEndAPageSayingItIsOver() {
        Event event = fixtures.published(EventFormat.ONLINE, 0);
        String url = room();
        meetingLinks.add(event.id(), new MeetingLink.Draft(url, null, null));
        long id = register(event, uniqueEmail("tomas"), "ONLINE");

        HttpResponse<String> waiting = fixtures.get(port, joinPath(id));
        assertThat(waiting.statusCode()).isEqualTo(200);
        assertThat(waiting.body()).contains("The meeting opens on").contains("join-countdown").contains("data-seconds=")
                .contains("Western European").contains("In UTC:").doesNotContain(url);
        assertThat(fixtures.count("SELECT count(*) FROM online_attendance WHERE registration_id = ?", id)).isZero();

        startsIn(event, Duration.ofHours(-3));
        HttpResponse<String> over = fixtures.get(port, joinPath(id));
        assertThat(over.statusCode()).isEqualTo(200);
        assertThat(over.body()).contains("This event is over").doesNotContain(url);
    }

    @Test
    void withTwoRoomsTheOneOpenNowIsChosen() {
        Event event = fixtures.published(EventFormat.ONLINE, 0);
        startsIn(event, Duration.ofMinutes(-30));
        Instant start = fixtures.jdbc().sql("SELECT starts_at FROM event WHERE id = :id").param("id", event.id())
                .query(java.sql.Timestamp.class).single().toInstant();
        String morning = room();
        String afternoon = room();
        meetingLinks.replace(event.id(), List.of(new MeetingLink.Draft(morning, start.minus(Duration.ofMinutes(15)), start.plus(Duration.ofMinutes(20))),
                new MeetingLink.Draft(afternoon, start.plus(Duration.ofMinutes(20)), null)));
        long id = register(event, uniqueEmail("ines"), "ONLINE");
        assertThat(fixtures.get(port, joinPath(id)).headers().firstValue("Location")).hasValue(afternoon);
    }

    @Test
    void inPersonCancelledRegistrationsAndCancelledEventsAreRefusedWithAReason() {
        Event event = fixtures.published(EventFormat.HYBRID, 5);
        meetingLinks.add(event.id(), new MeetingLink.Draft(room(), null, null));
        startsIn(event, Duration.ofMinutes(5));
        long inPerson = register(event, uniqueEmail("kwame"), "IN_PERSON");
        long online = register(event, uniqueEmail("sara"), "ONLINE");

        HttpResponse<String> refused = fixtures.get(port, joinPath(inPerson));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("attending in person");
        assertThat(fixtures.count("SELECT count(*) FROM online_attendance WHERE registration_id = ?", inPerson)).isZero();

        registrations.cancel(online);
        HttpResponse<String> cancelled = fixtures.get(port, joinPath(online));
        assertThat(cancelled.statusCode()).isEqualTo(403);
        assertThat(cancelled.body()).contains("registration is cancelled");

        long other = register(event, uniqueEmail("li"), "ONLINE");
        fixtures.jdbc().sql("UPDATE event SET status = 'CANCELLED' WHERE id = :id").param("id", event.id()).update();
        HttpResponse<String> eventCancelled = fixtures.get(port, joinPath(other));
        assertThat(eventCancelled.statusCode()).isEqualTo(403);
        assertThat(eventCancelled.body()).contains("event has been cancelled");
    }

    @Test
    void tamperedTokensAndTheOtherKindOfTokenAreA404() {
        Event event = fixtures.published(EventFormat.ONLINE, 0);
        startsIn(event, Duration.ofMinutes(5));
        meetingLinks.add(event.id(), new MeetingLink.Draft(room(), null, null));
        long id = register(event, uniqueEmail("ana"), "ONLINE");
        String join = links.joinToken(id);
        String personal = links.token(id);
        assertThat(join).isNotEqualTo(personal);
        String tampered = join.substring(0, join.length() - 1) + (join.endsWith("A") ? "B" : "A");
        for (String bad : new String[] {"/join/" + tampered, "/join/" + personal, "/join/not-a-token", "/registrations/" + join,
                "/registrations/" + join + "/event.ics", "/registrations/" + join + "/confirm"}) {
            HttpResponse<String> response = fixtures.get(port, bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(404);
            assertThat(response.headers().firstValue("Location")).as(bad).isEmpty();
        }
        assertThat(links.verifyJoin(personal)).isEmpty();
        assertThat(links.verify(join)).isEmpty();
        assertThat(links.verifyJoin(join)).hasValue(id);
    }

    @Test
    void theRoomAddressAppearsNowhereButTheRedirect() throws Exception {
        Event event = fixtures.published(EventFormat.HYBRID, 5);
        String url = room();
        meetingLinks.add(event.id(), new MeetingLink.Draft(url, null, null));
        String email = uniqueEmail("olu");
        long id = register(event, email, "ONLINE");
        String personal = fixtures.personalPath(email);

        HttpResponse<String> personalIcs = fixtures.get(port, personal + "/event.ics");
        assertThat(personalIcs.statusCode()).isEqualTo(200);
        assertThat(personalIcs.body().replaceAll("\r\n[ \t]", "")).contains("/join/" + links.joinToken(id));
        HttpResponse<String> publicIcs = fixtures.get(port, "/events/" + event.slug() + ".ics");
        assertThat(publicIcs.body().replaceAll("\r\n[ \t]", "")).doesNotContain("/join/");
        HttpResponse<String> personalPage = fixtures.get(port, personal);
        assertThat(personalPage.body()).contains("/join/" + links.joinToken(id));
        HttpResponse<String> publicPage = fixtures.get(port, "/events/" + event.slug());
        assertThat(publicPage.body()).doesNotContain("/join/");

        HttpResponse<String> anonymousList = fixtures.get(port, "/api/v1/events/" + event.id() + "/meeting-links");
        assertThat(anonymousList.statusCode()).isEqualTo(401);
        String adminToken = staff.apiToken(staff.create(StaffRole.ORG_ADMIN, 77_000L + (long) (Math.random() * 1000)));
        HttpResponse<String> otherStaff = send("GET", "/api/v1/events/" + event.id() + "/meeting-links", adminToken, null);
        assertThat(otherStaff.statusCode()).isEqualTo(403);

        List<HttpResponse<String>> pages = List.of(publicPage, publicIcs, personalPage, personalIcs, fixtures.get(port, joinPath(id)),
                anonymousList, otherStaff, fixtures.get(port, "/api/v1/events/" + event.id()), fixtures.get(port, "/api/v1/events"),
                fixtures.get(port, "/events"), fixtures.get(port, "/events.ics"));
        String host = URI.create(url).getHost() + URI.create(url).getPath();
        for (HttpResponse<String> page : pages) {
            assertThat(page.body().replaceAll("\r\n[ \t]", "")).as(page.uri().toString()).doesNotContain(host).doesNotContain("s3cret");
            assertThat(page.headers().firstValue("Location")).isEmpty();
        }
    }

    @Test
    void staffManageTheRoomsThroughTheApiAndBadInputIsAProblemNamingTheField() throws Exception {
        Event event = fixtures.published(EventFormat.ONLINE, 0);
        String token = staff.apiToken(staff.networkAdmin());
        String path = "/api/v1/events/" + event.id() + "/meeting-links";
        String url = room();
        String start = event.startsAt().toString();
        String afterStart = event.startsAt().plus(Duration.ofHours(1)).toString();

        HttpResponse<String> saved = send("PUT", path, token, "[{\"url\":\"" + url + "\"},{\"url\":\"https://rooms.example.net/b\",\"validFrom\":\""
                + event.endsAt() + "\",\"validUntil\":\"" + event.endsAt().plus(Duration.ofHours(1)) + "\"}]");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).contains(url).contains("\"opensAt\":\"" + event.startsAt().minus(Duration.ofMinutes(15)));
        assertThat(send("GET", path, token, null).body()).contains(url).contains("rooms.example.net/b");

        String[][] bad = {
                {"[{\"url\":\"ftp://files.example.org/room\"}]", "links[0].url", "https://"},
                {"[{\"url\":\"http://meet.example.org/room\"}]", "links[0].url", "https://"},
                {"[{\"url\":\"meet.example.org/room\"}]", "links[0].url", "complete web address"},
                {"[{\"url\":\"\"}]", "links[0].url", "Enter the address"},
                {"[{\"url\":\"https://user:pw@meet.example.org/room\"}]", "links[0].url", "complete web address"},
                {"[{\"url\":\"" + url + "\"},{\"url\":\"https://x.example.org/r\",\"validFrom\":\"" + afterStart + "\"}]", "links[1].validFrom", "overlaps"},
                {"[{\"url\":\"" + url + "\",\"validFrom\":\"" + event.startsAt().minus(Duration.ofDays(3)) + "\"}]", "links[0].validFrom", "24 hours"},
                {"[{\"url\":\"" + url + "\",\"validUntil\":\"" + event.endsAt().plus(Duration.ofDays(2)) + "\"}]", "links[0].validUntil", "12 hours"},
                {"[{\"url\":\"" + url + "\",\"validFrom\":\"" + afterStart + "\",\"validUntil\":\"" + start + "\"}]", "links[0].validUntil", "close after it opens"},
        };
        for (String[] c : bad) {
            HttpResponse<String> response = send("PUT", path, token, c[0]);
            assertThat(response.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
            assertThat(response.body()).as(c[0]).contains(c[1]).contains(c[2]);
        }
        // nothing half-written: the saved rooms are still there
        assertThat(send("GET", path, token, null).body()).contains(url).contains("rooms.example.net/b");
        assertThat(send("PUT", "/api/v1/events/987654321/meeting-links", token, "[]").statusCode()).isEqualTo(404);
        assertThat(send("PUT", path, null, "[]").statusCode()).isEqualTo(401);
        assertThat(send("PUT", path, token, "[]").statusCode()).isEqualTo(200);
        assertThat(send("GET", path, token, null).body()).isEqualTo("[]");
        assertThat(fixtures.get(port, "/api/openapi.json").body()).contains("/api/v1/events/{id}/meeting-links");
    }

    @Test
    void aLocalMeetingServerMayUseHttpAndWindowsMayTouchButNotOverlap() {
        Event event = fixtures.published(EventFormat.ONLINE, 0);
        Instant start = event.startsAt();
        meetingLinks.add(event.id(), new MeetingLink.Draft("http://localhost:8443/room", start, start.plus(Duration.ofHours(1))));
        meetingLinks.add(event.id(), new MeetingLink.Draft("https://meet.example.org/b", start.plus(Duration.ofHours(1)), null));
        assertThatThrownBy(() -> meetingLinks.add(event.id(), new MeetingLink.Draft("https://meet.example.org/c", null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("overlaps");
        assertThat(meetingLinks.of(event)).hasSize(2);
    }

    private HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
