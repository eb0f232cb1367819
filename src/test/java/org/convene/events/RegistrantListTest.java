package org.convene.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.events.EventFixtures.registrationJson;
import static org.convene.events.EventFixtures.uniqueEmail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.convene.accounts.StaffRole;
import org.convene.accounts.WebClient;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventFormat;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The organizers' registrant list: who may see it, search, filters, pages, counts, the CSV file and the API. */
@ConveneTest
class RegistrantListTest {

    @LocalServerPort
    int port;
    @Autowired
    EventFixtures fixtures;
    @Autowired
    TestStaff staff;

    private static long organization() {
        return 60_000 + (long) (Math.random() * 100_000);
    }

    private String register(Event event, String name, String email, String attendance) {
        HttpResponse<String> response = fixtures.postJson(port, "/api/v1/events/" + event.id() + "/registrations",
                registrationJson(name, email, attendance));
        assertThat(response.statusCode()).isEqualTo(201);
        return response.body();
    }

    private WebClient signedIn(TestStaff.Login login) {
        return new WebClient(port).signedIn(login.email(), login.password());
    }

    @Test
    void organizersSeeCountsColumnsAndTheWaitlistPosition() {
        long org = organization();
        Event event = fixtures.publishedBy(org, EventFormat.HYBRID, 1);
        String ana = uniqueEmail("ana");
        String chidi = uniqueEmail("chidi");
        register(event, "Ana Costa", ana, "IN_PERSON");
        register(event, "Bilal Haddad", uniqueEmail("bilal"), "IN_PERSON");
        register(event, "Chidi Okafor", chidi, "ONLINE");
        // checked in at the door, and joined online
        fixtures.jdbc().sql("UPDATE registration SET checked_in_at = now(), checked_in_by = 1, checked_in_by_name = 'Door volunteer' WHERE lower(email) = lower(:e)").param("e", ana).update();
        fixtures.jdbc().sql("""
                        INSERT INTO online_attendance (registration_id, event_id)
                        SELECT id, event_id FROM registration WHERE lower(email) = lower(:e)""").param("e", chidi).update();

        HttpResponse<String> page = signedIn(staff.create(StaffRole.ORG_EDITOR, org)).get("/admin/events/" + event.id() + "/registrations");
        assertThat(page.statusCode()).isEqualTo(200);
        String summary = between(page.body(), "id=\"registrant-summary\"", "</ul>");
        assertThat(summary).containsSubsequence("1</span> <span>confirmed in person", "1</span> <span>on the waitlist",
                "1</span> <span>online", "0</span> <span>cancelled");
        assertThat(page.body()).contains("3 registrations").contains("Ana Costa").contains("Chidi Okafor")
                .contains("Waitlisted (no. 1)").contains("Checked in / joined");
        // the check-in (in person) and first join (online) times fill the column; Bilal has neither (nor has anyone a referrer)
        assertThat(emptyCells(row(page.body(), "Ana Costa"))).isEqualTo(1);
        assertThat(emptyCells(row(page.body(), "Chidi Okafor"))).isEqualTo(1);
        assertThat(emptyCells(row(page.body(), "Bilal Haddad"))).isEqualTo(2);
    }

    @Test
    void searchFindsByNameOrEmailAndFiltersNarrowByStatusAndAttendance() {
        long org = organization();
        Event event = fixtures.publishedBy(org, EventFormat.HYBRID, 5);
        String tag = java.util.UUID.randomUUID().toString().substring(0, 6);
        register(event, "Dalia Mansour", "dalia-" + tag + "@example.net", "IN_PERSON");
        register(event, "Emeka Eze", uniqueEmail("emeka"), "ONLINE");
        register(event, "Fatima 100%_Zahra", uniqueEmail("fatima"), "IN_PERSON");
        WebClient client = signedIn(staff.create(StaffRole.ORG_ADMIN, org));
        String base = "/admin/events/" + event.id() + "/registrations";

        assertThat(client.get(base + "?q=mansour").body()).contains("1 registration").contains("Dalia Mansour").doesNotContain("Emeka Eze");
        assertThat(client.get(base + "?q=dalia-" + tag).body()).contains("Dalia Mansour").doesNotContain("Fatima");
        // LIKE wildcards are searched as text
        assertThat(client.get(base + "?q=100%25_").body()).contains("Fatima").doesNotContain("Dalia Mansour");
        assertThat(client.get(base + "?q=_").body()).contains("Fatima").doesNotContain("Emeka Eze");
        assertThat(client.get(base + "?attendance=ONLINE").body()).contains("Emeka Eze").doesNotContain("Dalia Mansour");
        assertThat(client.get(base + "?status=WAITLISTED").body()).contains("No registration matches.");
        // an unknown filter value is no filter, not an error
        assertThat(client.get(base + "?status=SOMETHING").body()).contains("3 registrations");

        HttpResponse<String> htmx = client.send(client.request(base + "?q=emeka").header("HX-Request", "true").GET().build());
        assertThat(htmx.body()).startsWith("<div id=\"results\"").contains("Emeka Eze").doesNotContain("<html");
    }

    @Test
    void fiftyPerPageInTheOrderOfRegistration() {
        long org = organization();
        Event event = fixtures.publishedBy(org, EventFormat.ONLINE, 0);
        insertOnline(event, 60, "Delegate");
        WebClient client = signedIn(staff.create(StaffRole.ORG_EDITOR, org));
        String first = client.get("/admin/events/" + event.id() + "/registrations").body();
        assertThat(first).contains("Page 1 of 2").contains("Delegate 00001<").contains("Delegate 00050<").doesNotContain("Delegate 00051<");
        String second = client.get("/admin/events/" + event.id() + "/registrations?page=1").body();
        assertThat(second).contains("Page 2 of 2").contains("Delegate 00051<").contains("Delegate 00060<").doesNotContain("Delegate 00050<");
    }

    @Test
    void staffOfAnotherOrganizationGet403AndAnonymousVisitorsTheLoginPage() {
        long org = organization();
        Event event = fixtures.publishedBy(org, EventFormat.IN_PERSON, 5);
        WebClient other = signedIn(staff.create(StaffRole.ORG_EDITOR, org + 1));
        for (String path : List.of("/registrations", "/registrations.csv", "/registrations/message")) {
            assertThat(other.get("/admin/events/" + event.id() + path).statusCode()).as(path).isEqualTo(403);
            HttpResponse<String> anonymous = new WebClient(port).get("/admin/events/" + event.id() + path);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(302);
            assertThat(WebClient.location(anonymous)).endsWith("/login");
        }
        assertThat(other.post("/admin/events/" + event.id() + "/registrations/message",
                java.util.Map.of("audience", "ALL_ACTIVE", "subject", "Hi", "text", "Hello")).statusCode()).isEqualTo(403);
        assertThat(signedIn(staff.networkAdmin()).get("/admin/events/" + event.id() + "/registrations").statusCode()).isEqualTo(200);
    }

    @Test
    void csvHasEveryMatchingRegistrantAndDefusesFormulas() throws Exception {
        long org = organization();
        Event event = fixtures.publishedBy(org, EventFormat.HYBRID, 5);
        String email = uniqueEmail("gloria");
        register(event, "=HYPERLINK(\"http://example.net\",\"x\")", email, "IN_PERSON");
        register(event, "+1 Hassan", uniqueEmail("hassan"), "ONLINE");
        register(event, "-Ines", uniqueEmail("ines"), "ONLINE");
        register(event, "@Joao", uniqueEmail("joao"), "ONLINE");
        register(event, "Kemal, \"the delegate\"", uniqueEmail("kemal"), "ONLINE");

        HttpResponse<String> csv = signedIn(staff.create(StaffRole.ORG_EDITOR, org)).get("/admin/events/" + event.id() + "/registrations.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains(".csv");
        List<CSVRecord> records = CSVParser.parse(csv.body(), CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).getRecords();
        assertThat(records).hasSize(5);
        assertThat(records.stream().map(r -> r.get("name")).toList()).containsExactly(
                "'=HYPERLINK(\"http://example.net\",\"x\")", "'+1 Hassan", "'-Ines", "'@Joao", "Kemal, \"the delegate\"");
        assertThat(records.getFirst().get("email")).isEqualTo(email);
        assertThat(records.getFirst().get("status")).isEqualTo("CONFIRMED");
        assertThat(records.getFirst().get("attendance")).isEqualTo("IN_PERSON");

        String filtered = signedIn(staff.create(StaffRole.ORG_EDITOR, org)).get("/admin/events/" + event.id() + "/registrations.csv?attendance=IN_PERSON").body();
        assertThat(filtered.lines().count()).isEqualTo(2);
    }

    @Test
    void apiListsRegistrantsForOrganizersOnly() throws Exception {
        long org = organization();
        Event event = fixtures.publishedBy(org, EventFormat.IN_PERSON, 1);
        register(event, "Lina Saleh", uniqueEmail("lina"), "IN_PERSON");
        register(event, "Malik Noor", uniqueEmail("malik"), "IN_PERSON");
        String path = "/api/v1/events/" + event.id() + "/registrations";

        HttpResponse<String> ok = api(path + "?status=WAITLISTED", staff.apiToken(staff.create(StaffRole.ORG_EDITOR, org)));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"name\":\"Malik Noor\"").contains("\"waitlistPosition\":1").contains("\"total\":1")
                .contains("\"pageSize\":50").doesNotContain("Lina Saleh");

        assertThat(api(path, staff.apiToken(staff.create(StaffRole.ORG_ADMIN, org + 1))).statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = api(path, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(api(path + "?status=LATE", staff.apiToken(staff.networkAdmin())).statusCode()).isEqualTo(400);
        assertThat(api("/api/v1/events/987654321/registrations", staff.apiToken(staff.networkAdmin())).statusCode()).isEqualTo(404);
    }

    @Test
    void theListStaysFastWith20000Registrations() {
        long org = organization();
        Event event = fixtures.publishedBy(org, EventFormat.HYBRID, 0);
        insertOnline(event, 20_000, "Member");
        fixtures.jdbc().sql("ANALYZE registration").update();
        WebClient client = signedIn(staff.create(StaffRole.ORG_EDITOR, org));
        String base = "/admin/events/" + event.id() + "/registrations";
        client.get(base); // warm up templates and statements
        for (String query : List.of("", "?page=399", "?q=member-19999", "?q=nobody-here", "?status=CONFIRMED&attendance=ONLINE&page=200")) {
            long start = System.nanoTime();
            HttpResponse<String> response = client.get(base + query);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("20,000 registrations, list%s: %d ms%n", query, millis);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(millis).as("%s took %d ms", query, millis).isLessThan(1_500);
        }
        assertThat(client.get(base + "?q=member-19999@").body()).contains("1 registration").contains("Member 19999<");
        long start = System.nanoTime();
        HttpResponse<String> csv = client.get(base + ".csv");
        assertThat(csv.body().lines().count()).isEqualTo(20_001);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
    }

    /** Registrations written directly (the registration path is tested elsewhere), numbered in order. */
    private void insertOnline(Event event, int count, String name) {
        fixtures.jdbc().sql("""
                        INSERT INTO registration (event_id, name, email, attendance, status, language, created_at)
                        SELECT :event, :name || ' ' || lpad(n::text, 5, '0'), lower(:name) || '-' || n || '@example.net',
                               'ONLINE', 'CONFIRMED', 'en', now() - interval '1 day' + n * interval '1 second'
                        FROM generate_series(1, :count) n""")
                .param("event", event.id()).param("name", name).param("count", count).update();
    }

    private HttpResponse<String> api(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String row(String page, String name) {
        return java.util.Arrays.stream(page.split("<tr")).filter(r -> r.contains(name)).findFirst().orElseThrow();
    }

    private static long emptyCells(String row) {
        return java.util.regex.Pattern.compile("registrant-none").matcher(row).results().count();
    }

    static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        assertThat(start).as("%s in page", from).isNotNegative();
        return text.substring(start, text.indexOf(to, start));
    }
}
