package org.convene.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.events.EventFixtures.uniqueEmail;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.convene.accounts.StaffMember;
import org.convene.accounts.StaffRole;
import org.convene.events.internal.Attendance;
import org.convene.events.internal.CheckIns;
import org.convene.events.internal.CheckIns.Outcome;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventFormat;
import org.convene.events.internal.Registration;
import org.convene.events.internal.RegistrationStatus;
import org.convene.events.internal.Registrations;
import org.convene.events.internal.TicketCodes;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Tickets and door check-in: codes, each refusal, one success under concurrency, access rules, the ticket's QR image. */
@ConveneTest
class CheckInTest {

    @LocalServerPort
    int port;
    @Autowired
    EventFixtures fixtures;
    @Autowired
    Registrations registrations;
    @Autowired
    CheckIns checkIns;
    @Autowired
    TestStaff staff;

    private final HttpClient http = HttpClient.newHttpClient();

    private Registration register(Event event, String who, Attendance attendance) {
        return registrations.register(event.id(), who + " Mensah", uniqueEmail(who), attendance, Locale.ENGLISH).registration();
    }

    private String code(Registration registration) {
        return fixtures.jdbc().sql("SELECT ticket_code FROM registration WHERE id = :id").param("id", registration.id())
                .query(String.class).single();
    }

    private HttpResponse<String> api(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> checkIn(Event event, String token, String code) throws Exception {
        return api("POST", "/api/v1/events/" + event.id() + "/check-ins", token, "{\"code\":\"" + code + "\"}");
    }

    private static StaffMember door(TestStaff.Login login) {
        return new StaffMember(login.id(), login.email(), "Door volunteer", StaffRole.NETWORK_ADMIN, null);
    }

    @Test
    void everyRegistrationHasATenCharacterCrockfordCodeUniqueInTheEvent() {
        Event event = fixtures.published(EventFormat.HYBRID, 30);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            String code = code(register(event, "p" + i, i % 3 == 0 ? Attendance.ONLINE : Attendance.IN_PERSON));
            assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{10}");
            codes.add(code);
        }
        assertThat(codes).hasSize(30);
        // typed the way people type: small letters, spaces, O for zero and I/L for one
        assertThat(TicketCodes.normalize(" ab0d-efg1-jk ")).isEqualTo("AB0DEFG1JK");
        assertThat(TicketCodes.normalize("ABOD EFGI JK")).isEqualTo("AB0DEFG1JK");
        assertThat(TicketCodes.normalize("ABODEFGLJK")).isEqualTo("AB0DEFG1JK");
        assertThat(TicketCodes.normalize("ABCD-EFGH-JU")).isNull();
        assertThat(TicketCodes.normalize("ABCD-EFGH")).isNull();
        assertThat(TicketCodes.grouped("AB0DEFG1JK")).isEqualTo("AB0D-EFG1-JK");
    }

    @Test
    void checksInOnceAndRefusesEachKindOfCodeWithItsOwnProblem() throws Exception {
        Event event = fixtures.published(EventFormat.HYBRID, 2);
        Event other = fixtures.published(EventFormat.IN_PERSON, 5);
        Registration alice = register(event, "alice", Attendance.IN_PERSON);
        Registration bruno = register(event, "bruno", Attendance.IN_PERSON);
        Registration dara = register(event, "dara", Attendance.IN_PERSON);
        Registration eko = register(event, "eko", Attendance.ONLINE);
        registrations.cancel(bruno.id()); // dara gets bruno's seat
        Registration fatima = register(event, "fatima", Attendance.IN_PERSON);
        Registration gus = register(other, "gus", Attendance.IN_PERSON);
        assertThat(registrations.find(dara.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(fatima.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        String token = staff.apiToken(staff.networkAdmin());

        HttpResponse<String> admitted = checkIn(event, token, TicketCodes.grouped(code(alice)));
        assertThat(admitted.statusCode()).as(admitted.body()).isEqualTo(200);
        assertThat(admitted.body()).contains("\"name\":\"alice Mensah\"").contains("\"registrationId\":" + alice.id())
                .contains("\"checkedInAt\":\"");
        // the same code typed carelessly still reaches dara's ticket
        HttpResponse<String> lower = checkIn(event, token, code(dara).toLowerCase(Locale.ROOT));
        assertThat(lower.statusCode()).as(lower.body()).isEqualTo(200);

        HttpResponse<String> again = checkIn(event, token, code(alice));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("urn:convene:problem:check-in:already-used").contains("\"checkedInAt\":\"")
                .contains("\"checkedInBy\":\"Test network_admin\"").contains("Already used at");

        assertRefused(checkIn(event, token, "ABC-123"), 400, "malformed", "not a ticket code");
        assertRefused(checkIn(event, token, "ABCD-EFGH-JU"), 400, "malformed", "not a ticket code");
        assertRefused(api("POST", "/api/v1/events/" + event.id() + "/check-ins", token, "{}"), 400, "malformed", "not a ticket code");
        assertRefused(checkIn(event, token, unusedCode()), 404, "unknown", "No ticket has this code");
        assertRefused(checkIn(event, token, code(bruno)), 409, "cancelled", "was cancelled");
        assertRefused(checkIn(event, token, code(fatima)), 409, "waitlisted", "on the waitlist");
        assertRefused(checkIn(event, token, code(eko)), 409, "online", "online");
        HttpResponse<String> elsewhere = checkIn(event, token, code(gus));
        assertRefused(elsewhere, 409, "other-event", "another event: " + other.title().in("en"));
        assertThat(elsewhere.body()).contains("\"otherEventId\":" + other.id());

        assertThat(fixtures.count("SELECT count(*) FROM registration WHERE event_id = ? AND checked_in_at IS NOT NULL", event.id())).isEqualTo(2);
        assertThat(fixtures.count("SELECT count(*) FROM registration WHERE event_id = ? AND checked_in_at IS NOT NULL", other.id())).isZero();
        HttpResponse<String> counts = api("GET", "/api/v1/events/" + event.id() + "/counts", token, null);
        assertThat(counts.statusCode()).isEqualTo(200);
        assertThat(counts.body()).contains("\"registered\":2").contains("\"waitlisted\":1").contains("\"checkedIn\":2").contains("\"online\":1");
    }

    private String unusedCode() {
        String candidate;
        do {
            candidate = fixtures.jdbc().sql("SELECT events_ticket_code()").query(String.class).single();
        } while (fixtures.count("SELECT count(*) FROM registration WHERE ticket_code = ?", candidate) > 0);
        return candidate;
    }

    private static void assertRefused(HttpResponse<String> response, int status, String type, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"urn:convene:problem:check-in:" + type + "\"").contains(detail);
    }

    @Test
    void twoDoorsScanningTheSameTicketAtOnceAdmitItExactlyOnce() throws Exception {
        Event event = fixtures.published(EventFormat.IN_PERSON, 10);
        StaffMember first = door(staff.networkAdmin());
        StaffMember second = door(staff.networkAdmin());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String code = code(register(event, "round" + round, Attendance.IN_PERSON));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<CheckIns.Result>> results = new ArrayList<>();
                for (StaffMember door : List.of(first, second)) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return checkIns.checkIn(event.id(), code, door);
                    }));
                }
                start.countDown();
                List<Outcome> outcomes = new ArrayList<>();
                for (Future<CheckIns.Result> r : results) {
                    outcomes.add(r.get().outcome());
                }
                assertThat(outcomes).containsExactlyInAnyOrder(Outcome.CHECKED_IN, Outcome.ALREADY_USED);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(checkIns.counts(event.id()).checkedIn()).isEqualTo(5);
    }

    @Test
    void onlyStaffWhoMayEditTheEventUseTheDoor() throws Exception {
        long organization = 70_000 + (long) (Math.random() * 10_000);
        Event event = fixtures.published(EventFormat.IN_PERSON, 5);
        fixtures.jdbc().sql("UPDATE event SET organization_id = :org WHERE id = :id").param("org", organization).param("id", event.id()).update();
        String code = code(register(event, "hana", Attendance.IN_PERSON));

        assertThat(checkIn(event, null, code).statusCode()).isEqualTo(401);
        assertThat(api("GET", "/api/v1/events/" + event.id() + "/counts", null, null).statusCode()).isEqualTo(401);
        String outsider = staff.apiToken(staff.create(StaffRole.ORG_ADMIN, organization + 1));
        assertThat(checkIn(event, outsider, code).statusCode()).isEqualTo(403);
        assertThat(api("GET", "/api/v1/events/" + event.id() + "/counts", outsider, null).statusCode()).isEqualTo(403);
        assertThat(fixtures.count("SELECT count(*) FROM registration WHERE ticket_code = ? AND checked_in_at IS NOT NULL", code)).isZero();

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/events/" + event.id() + "/check-in"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");

        String own = staff.apiToken(staff.create(StaffRole.ORG_EDITOR, organization));
        assertThat(checkIn(event, own, code).statusCode()).isEqualTo(200);
    }

    @Test
    void theTicketShowsTheCodeAndItsQrImageDecodesBackToIt() throws Exception {
        Event event = fixtures.published(EventFormat.IN_PERSON, 1);
        String email = uniqueEmail("ines");
        Registration ines = registrations.register(event.id(), "Ines Duarte", email, Attendance.IN_PERSON, Locale.ENGLISH).registration();
        String grouped = TicketCodes.grouped(code(ines));
        String personal = fixtures.personalPath(email);
        assertThat(fixtures.mailsTo(email).getLast()[1]).contains("Your ticket for the door").contains(personal + "/ticket");

        assertThat(fixtures.get(port, personal).body()).contains(grouped).contains(personal + "/ticket");
        HttpResponse<String> ticket = fixtures.get(port, personal + "/ticket");
        assertThat(ticket.statusCode()).isEqualTo(200);
        assertThat(ticket.body()).contains(grouped).contains("Ines Duarte").contains("Harbour Hall").contains(event.title().in("en"));

        HttpResponse<byte[]> png = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + personal + "/ticket.png")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        var image = ImageIO.read(new ByteArrayInputStream(png.body()));
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
        assertThat(decoded).isEqualTo(grouped);

        // the confirmation mail carries the same QR code as an attachment
        var attached = fixtures.jdbc().sql("""
                        SELECT a.file_name, a.content FROM mail_attachment a JOIN mail_outbox m ON m.id = a.mail_id
                        WHERE lower(m.recipient) = lower(:to)""").param("to", email)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBytes(2)}).single();
        assertThat((String) attached[0]).isEqualTo("ticket-" + grouped + ".png");
        var mailed = ImageIO.read(new ByteArrayInputStream((byte[]) attached[1]));
        assertThat(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(mailed)))).getText())
                .isEqualTo(grouped);

        // the waitlisted have no ticket yet: no code on their page, the ticket leads back, no image
        String waitingEmail = uniqueEmail("jon");
        registrations.register(event.id(), "Jon Okafor", waitingEmail, Attendance.IN_PERSON, Locale.ENGLISH);
        String waiting = fixtures.personalPath(waitingEmail);
        assertThat(fixtures.mailsTo(waitingEmail).getLast()[1]).doesNotContain("/ticket");
        assertThat(fixtures.count("SELECT count(*) FROM mail_attachment a JOIN mail_outbox m ON m.id = a.mail_id WHERE m.recipient = ?",
                waitingEmail)).isZero();
        assertThat(fixtures.get(port, waiting).body()).doesNotContain("registration-ticket");
        assertThat(fixtures.get(port, waiting + "/ticket").statusCode()).isEqualTo(302);
        assertThat(fixtures.get(port, waiting + "/ticket.png").statusCode()).isEqualTo(404);
    }
}
