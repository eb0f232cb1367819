package org.convene.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.convene.accounts.StaffRole;
import org.convene.accounts.WebClient;
import org.convene.events.MemberNetworkFixtures.Corner;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventDraft;
import org.convene.events.internal.EventFormat;
import org.convene.events.internal.StaffCalendarLinks;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public list with its filters (HTML and API), past and upcoming events, who sees events
 * limited to a body's staff (page, list, calendar files, feeds, API, registration), the body and
 * private feeds, and the event page's hosts and map link.
 */
@ConveneTest
class EventListingTest {

    @LocalServerPort
    int port;
    @Autowired
    EventFixtures fixtures;
    @Autowired
    MemberNetworkFixtures network;
    @Autowired
    TestStaff staff;
    @Autowired
    StaffCalendarLinks calendarLinks;

    /** A month of its own in the far future, so that a test's month filter finds only its own events among few. */
    private static Instant inRandomFarMonth(int day, int hour) {
        int year = 2040 + (int) (Math.random() * 50);
        int month = 1 + (int) (Math.random() * 12);
        return Instant.parse("%d-%02d-%02dT%02d:00:00Z".formatted(year, month, day, hour));
    }

    private static String month(Instant instant) {
        return instant.toString().substring(0, 7);
    }

    private Event create(EventFormat format, Long organizer, List<Long> coOrganizers, Instant start) {
        EventDraft d = EventFixtures.draft(format, format == EventFormat.ONLINE ? 0 : 5);
        return fixtures.create(EventFixtures.startingAt(EventFixtures.organizedBy(d, organizer, coOrganizers), start));
    }

    private HttpResponse<String> api(String path, String token) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String page(String path) {
        HttpResponse<String> response = fixtures.get(port, path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    /** What a calendar program asks for (the signed-in client otherwise asks for HTML). */
    private static HttpResponse<String> calendar(WebClient web, String path) {
        return web.send(web.request(path).setHeader("Accept", "text/calendar, */*").GET().build());
    }

    private static List<String> uids(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.validate().getEntries()).as("iCalendar validation problems").isEmpty();
        return calendar.<VEvent>getComponents().stream().filter(c -> c instanceof VEvent)
                .map(v -> ((VEvent) v).getUid().orElseThrow().getValue().replaceAll("@.*", "")).toList();
    }

    @Test
    void eachFilterAndTheirCombinationsInThePageAndTheApi() {
        Corner c = network.corner();
        Instant march = inRandomFarMonth(10, 9);
        Instant april = march.plus(Duration.ofDays(31));
        Event byMember = create(EventFormat.IN_PERSON, c.member().id(), List.of(), march);
        Event coOrganizedFromNorth = create(EventFormat.ONLINE, c.outsider().id(), List.of(c.partner().id()), april);
        Event bySouth = create(EventFormat.HYBRID, c.outsider().id(), List.of(), march.plus(Duration.ofDays(2)));
        String[] all = {byMember.slug(), coOrganizedFromNorth.slug(), bySouth.slug()};

        // region: the organizer or any co-organizer is in it
        assertListed("/events?region=" + c.north().slug(), all, byMember, coOrganizedFromNorth);
        assertListed("/events?region=" + c.south().slug(), all, coOrganizedFromNorth, bySouth);
        // organization, by slug or id: organizer or co-organizer
        assertListed("/events?organization=" + c.partner().slug(), all, coOrganizedFromNorth);
        assertListed("/events?organization=" + c.outsider().id(), all, coOrganizedFromNorth, bySouth);
        // format, month and combinations
        assertListed("/events?region=" + c.north().slug() + "&format=ONLINE", all, coOrganizedFromNorth);
        assertListed("/events?organization=" + c.outsider().slug() + "&month=" + month(march), all, bySouth);
        assertListed("/events?region=" + c.north().slug() + "&month=" + month(april) + "&format=online", all, coOrganizedFromNorth);

        String api = api("/api/v1/events?region=" + c.north().slug() + "&format=IN_PERSON", null).body();
        assertThat(api).contains("\"id\":" + byMember.id()).doesNotContain("\"id\":" + coOrganizedFromNorth.id())
                .doesNotContain("\"id\":" + bySouth.id());
        String apiMonth = api("/api/v1/events?organization=" + c.outsider().slug() + "&month=" + month(april), null).body();
        assertThat(apiMonth).contains("\"id\":" + coOrganizedFromNorth.id()).doesNotContain("\"id\":" + bySouth.id());

        // the page shows the organizers by name and the place
        String listed = page("/events?organization=" + c.partner().slug());
        assertThat(listed).contains(c.outsider().name() + ", " + c.partner().name()).contains("Online")
                .contains(coOrganizedFromNorth.title().in("en"));
        assertThat(page("/events?organization=" + c.member().slug())).contains("Harbour Hall, 1 Quay Street, Lisbon");
    }

    private void assertListed(String path, String[] all, Event... expected) {
        String body = page(path);
        List<String> slugs = java.util.Arrays.stream(expected).map(Event::slug).toList();
        for (String slug : all) {
            if (slugs.contains(slug)) {
                assertThat(body).as(path + " lists " + slug).contains("/events/" + slug + "\"");
            } else {
                assertThat(body).as(path + " does not list " + slug).doesNotContain("/events/" + slug + "\"");
            }
        }
    }

    @Test
    void theMonthIsTheMonthInTheEventsOwnTimeZone() {
        Corner c = network.corner();
        // 23:30 UTC on the last day of a month is already the next month in Lisbon (UTC+0 or +1)
        Instant lastEvening = Instant.parse("2047-04-30T23:30:00Z");
        Event event = create(EventFormat.ONLINE, c.member().id(), List.of(), lastEvening);
        String org = "/events?organization=" + c.member().slug();
        assertThat(page(org + "&month=2047-05")).contains("/events/" + event.slug() + "\"");
        assertThat(page(org + "&month=2047-04")).doesNotContain("/events/" + event.slug() + "\"");
    }

    @Test
    void badFilterValuesAreExplainedBesideTheirFieldAndRefusedByTheApi() {
        Corner c = network.corner();
        Event event = create(EventFormat.ONLINE, c.member().id(), List.of(), inRandomFarMonth(3, 12));
        Map<String, String[]> cases = Map.of(
                "region", new String[] {"atlantis", "There is no region with this name"},
                "organization", new String[] {"no-such-circle-" + c.tag(), "There is no member organization with this name"},
                "format", new String[] {"TELEPATHIC", "Choose in person, online"},
                "month", new String[] {"2031-13", "Enter a month as YYYY-MM"});
        for (var entry : cases.entrySet()) {
            String field = entry.getKey();
            String value = URLEncoder.encode(entry.getValue()[0], StandardCharsets.UTF_8);
            // the page still answers, with the message beside the field and the rest of the filters applied
            String html = page("/events?organization=" + c.member().slug() + "&" + field + "=" + value);
            assertThat(html).as(field).contains("id=\"" + field + "-error\"").contains(entry.getValue()[1]);
            if (!field.equals("organization")) {
                assertThat(html).as(field).contains("/events/" + event.slug() + "\"");
            }
            HttpResponse<String> problem = api("/api/v1/events?" + field + "=" + value, null);
            assertThat(problem.statusCode()).as(field).isEqualTo(400);
            assertThat(problem.headers().firstValue("content-type").orElseThrow()).startsWith("application/problem+json");
            assertThat(problem.body()).as(field).contains("\"field\":\"" + field + "\"").contains(entry.getValue()[1]);
        }
        for (String bad : List.of("March", "2031-3", "31-03", "2031-00")) {
            assertThat(api("/api/v1/events?month=" + bad, null).statusCode()).as(bad).isEqualTo(400);
            assertThat(page("/events?month=" + bad)).as(bad).contains("id=\"month-error\"");
        }
        assertThat(api("/api/v1/events?when=yesterday", null).body()).contains("\"field\":\"when\"");
        assertThat(api("/api/v1/events?page=0", null).body()).contains("\"field\":\"page\"");
        assertThat(page("/events?page=abc")).contains("The page must be a whole number");
    }

    @Test
    void pastEventsLatestFirstPageByPageAndUpcomingOnesSoonestFirst() {
        Corner c = network.corner();
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Event soon = create(EventFormat.ONLINE, c.member().id(), List.of(), now.plus(Duration.ofDays(2)));
        Event later = create(EventFormat.ONLINE, c.member().id(), List.of(), now.plus(Duration.ofDays(9)));
        List<Event> past = new java.util.ArrayList<>();
        for (int daysAgo = 1; daysAgo <= 21; daysAgo++) {
            past.add(create(EventFormat.ONLINE, c.member().id(), List.of(), now.minus(Duration.ofDays(daysAgo))));
        }
        String org = "organization=" + c.member().slug();
        String upcoming = page("/events?" + org);
        assertThat(upcoming).contains("/events/" + soon.slug() + "\"").contains("/events/" + later.slug() + "\"")
                .doesNotContain("/events/" + past.getFirst().slug() + "\"");
        assertThat(upcoming.indexOf(soon.slug())).isLessThan(upcoming.indexOf(later.slug()));

        String first = page("/events?when=past&" + org);
        assertThat(first).doesNotContain("/events/" + soon.slug() + "\"").contains("Past events")
                .contains("/events/" + past.get(0).slug() + "\"").contains("/events/" + past.get(19).slug() + "\"")
                .doesNotContain("/events/" + past.get(20).slug() + "\"")
                .contains("rel=\"next\"");
        assertThat(first.indexOf(past.get(0).slug())).isLessThan(first.indexOf(past.get(1).slug()));
        String second = page("/events?when=past&" + org + "&page=2");
        assertThat(second).contains("/events/" + past.get(20).slug() + "\"").doesNotContain("/events/" + past.get(0).slug() + "\"")
                .contains("rel=\"prev\"").doesNotContain("rel=\"next\"");

        HttpResponse<String> api = api("/api/v1/events?when=past&" + org, null);
        assertThat(api.body()).contains("\"id\":" + past.get(20).id()).doesNotContain("\"id\":" + soon.id());
        assertThat(api.body().indexOf("\"id\":" + past.get(0).id())).isLessThan(api.body().indexOf("\"id\":" + past.get(1).id()));
    }

    @Test
    void eventsLimitedToABodysStaffAreSeenOnlyByThemEverywhere() throws Exception {
        Corner c = network.corner();
        Instant start = inRandomFarMonth(12, 8);
        EventDraft base = EventFixtures.draft(EventFormat.HYBRID, 10);
        Event restricted = fixtures.create(EventFixtures.restrictedToBody(EventFixtures.startingAt(base, start), c.body().id()));
        Event hosted = fixtures.create(EventFixtures.hostedBy(EventFixtures.startingAt(EventFixtures.draft(EventFormat.ONLINE, 0), start),
                c.body().id()));
        Event outsidersOwn = fixtures.create(EventFixtures.restrictedToBody(
                EventFixtures.organizedBy(EventFixtures.startingAt(EventFixtures.draft(EventFormat.ONLINE, 0), start), c.outsider().id(), List.of()),
                c.body().id()));

        TestStaff.Login memberStaff = staff.create(StaffRole.ORG_EDITOR, c.member().id());
        TestStaff.Login outsiderStaff = staff.create(StaffRole.ORG_EDITOR, c.outsider().id());
        TestStaff.Login admin = staff.networkAdmin();
        WebClient anonymous = new WebClient(port);
        Map<String, WebClient> sessions = Map.of(
                "anonymous", anonymous,
                "member staff", new WebClient(port).signedIn(memberStaff.email(), memberStaff.password()),
                "outsider staff", new WebClient(port).signedIn(outsiderStaff.email(), outsiderStaff.password()),
                "network admin", new WebClient(port).signedIn(admin.email(), admin.password()));
        Map<String, String> tokens = new java.util.HashMap<>();
        tokens.put("member staff", staff.apiToken(memberStaff));
        tokens.put("outsider staff", staff.apiToken(outsiderStaff));
        tokens.put("network admin", staff.apiToken(admin));
        Map<String, Boolean> maySee = Map.of("anonymous", false, "member staff", true, "outsider staff", false, "network admin", true);

        for (var reader : maySee.entrySet()) {
            String who = reader.getKey();
            boolean sees = reader.getValue();
            WebClient web = sessions.get(who);
            int expected = sees ? 200 : 404;
            assertThat(web.get("/events/" + restricted.slug()).statusCode()).as(who + " page").isEqualTo(expected);
            assertThat(calendar(web, "/events/" + restricted.slug() + ".ics").statusCode()).as(who + " .ics").isEqualTo(expected);
            String list = web.get("/events?month=" + month(start)).body();
            assertThat(list.contains("/events/" + restricted.slug() + "\"")).as(who + " list").isEqualTo(sees);
            assertThat(list).as(who + " list").contains("/events/" + hosted.slug() + "\"");
            // public feeds never carry it, whoever asks
            assertThat(uids(calendar(web, "/events.ics").body())).as(who + " feed").doesNotContain("event-" + restricted.id());
            assertThat(uids(calendar(web, "/events.ics?body=" + c.body().slug()).body())).as(who + " body feed")
                    .contains("event-" + hosted.id()).doesNotContain("event-" + restricted.id());

            String token = tokens.get(who);
            assertThat(api("/api/v1/events/" + restricted.id(), token).statusCode()).as(who + " API one").isEqualTo(expected);
            assertThat(api("/api/v1/events?month=" + month(start), token).body().contains("\"id\":" + restricted.id()))
                    .as(who + " API list").isEqualTo(sees);
        }
        // staff who may edit an event see it even when their organization is not in the body
        assertThat(sessions.get("outsider staff").get("/events/" + outsidersOwn.slug()).statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/events/" + outsidersOwn.slug()).statusCode()).isEqualTo(404);

        // registration: 404 for those who may not see the event, through the form and the API
        String email = EventFixtures.uniqueEmail("outsider");
        HttpResponse<String> form = sessions.get("outsider staff").post("/events/" + restricted.slug() + "/registrations",
                Map.of("name", "Outsider", "email", email, "attendance", "IN_PERSON"));
        assertThat(form.statusCode()).isEqualTo(404);
        HttpResponse<String> json = fixtures.postJson(port, "/api/v1/events/" + restricted.id() + "/registrations",
                EventFixtures.registrationJson("Anonymous", email, "IN_PERSON"));
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json.body()).doesNotContain(restricted.title().in("en"));
        assertThat(fixtures.count("SELECT count(*) FROM registration WHERE event_id = ?", restricted.id())).isZero();
        HttpResponse<String> member = sessions.get("member staff").post("/events/" + restricted.slug() + "/registrations",
                Map.of("name", "Member", "email", EventFixtures.uniqueEmail("member"), "attendance", "IN_PERSON"));
        assertThat(member.statusCode()).isEqualTo(302);
        assertThat(fixtures.count("SELECT count(*) FROM registration WHERE event_id = ?", restricted.id())).isEqualTo(1);
    }

    @Test
    void thePrivateFeedHasTheRestrictedEventsItsOwnerMaySeeAndATamperedKeyIsA404() throws Exception {
        Corner c = network.corner();
        Event restricted = fixtures.create(EventFixtures.restrictedToBody(EventFixtures.draft(EventFormat.ONLINE, 0), c.body().id()));
        Event open = fixtures.published(EventFormat.ONLINE, 0);
        TestStaff.Login memberStaff = staff.create(StaffRole.ORG_ADMIN, c.member().id());
        TestStaff.Login outsiderStaff = staff.create(StaffRole.ORG_EDITOR, c.outsider().id());

        String memberKey = calendarLinks.token(memberStaff.id());
        HttpResponse<String> mine = fixtures.get(port, "/events/my.ics?key=" + memberKey);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.headers().firstValue("cache-control").orElseThrow()).contains("private");
        assertThat(uids(mine.body())).contains("event-" + restricted.id(), "event-" + open.id());
        assertThat(uids(fixtures.get(port, "/events/my.ics?key=" + calendarLinks.token(outsiderStaff.id())).body()))
                .contains("event-" + open.id()).doesNotContain("event-" + restricted.id());

        char last = memberKey.charAt(memberKey.length() - 1);
        String tampered = memberKey.substring(0, memberKey.length() - 1) + (last == 'A' ? 'B' : 'A');
        String otherId = calendarLinks.token(outsiderStaff.id()).substring(0, 11) + memberKey.substring(11);
        for (String bad : List.of(tampered, otherId, "", "not-a-key", memberKey + "x")) {
            assertThat(fixtures.get(port, "/events/my.ics?key=" + bad).statusCode()).as(bad).isEqualTo(404);
        }
        assertThat(fixtures.get(port, "/events/my.ics").statusCode()).isEqualTo(404);

        // the staff page shows the address to copy
        String adminList = new WebClient(port).signedIn(memberStaff.email(), memberStaff.password()).get("/admin/events").body();
        assertThat(adminList).contains("/events/my.ics?key=" + memberKey).contains("data-copy=\"#private-calendar-url\"");
    }

    @Test
    void organizationFeedsIncludeCoOrganizedEventsAndUnknownBodiesAre404() throws Exception {
        Corner c = network.corner();
        Event coOrganized = create(EventFormat.ONLINE, c.outsider().id(), List.of(c.partner().id()), inRandomFarMonth(5, 10));
        Event own = create(EventFormat.ONLINE, c.partner().id(), List.of(), inRandomFarMonth(6, 10));
        Event other = create(EventFormat.ONLINE, c.outsider().id(), List.of(), inRandomFarMonth(7, 10));
        for (String partner : List.of(String.valueOf(c.partner().id()), c.partner().slug())) {
            assertThat(uids(page("/events.ics?organization=" + partner)))
                    .contains("event-" + coOrganized.id(), "event-" + own.id()).doesNotContain("event-" + other.id());
        }
        assertThat(fixtures.get(port, "/events.ics?body=no-such-body-" + c.tag()).statusCode()).isEqualTo(404);
        assertThat(fixtures.get(port, "/events.ics?organization=no-such-org-" + c.tag()).statusCode()).isEqualTo(404);
    }

    @Test
    void theListsFiltersAreInTheOpenApiDocument() {
        String openApi = page("/api/openapi.json");
        int list = openApi.indexOf("\"/api/v1/events\"");
        assertThat(list).isNotNegative();
        String listPath = openApi.substring(list, openApi.indexOf("\"/api/v1/", list + 10) < 0 ? openApi.length() : openApi.indexOf("\"/api/v1/", list + 10));
        for (String parameter : List.of("when", "region", "organization", "format", "month", "page")) {
            assertThat(listPath).as(parameter).contains("\"name\":\"" + parameter + "\"");
        }
        assertThat(listPath).contains("YYYY-MM");
    }

    @Test
    void theEventPageNamesItsHostsAndLinksToAMapOfTheVenue() {
        Corner c = network.corner();
        EventDraft d = EventFixtures.organizedBy(EventFixtures.draft(EventFormat.HYBRID, 5), c.member().id(), List.of(c.partner().id(), c.outsider().id()));
        Event event = fixtures.create(EventFixtures.hostedBy(d, c.body().id()));
        String html = page("/events/" + event.slug());
        assertThat(html).contains(c.member().name()).contains(c.partner().name() + ", " + c.outsider().name()).contains(c.body().name())
                .contains("href=\"https://www.openstreetmap.org/search?query=Harbour+Hall%2C+1+Quay+Street%2C+Lisbon\" target=\"_blank\" rel=\"noopener\"");
        Event online = fixtures.published(EventFormat.ONLINE, 0);
        assertThat(page("/events/" + online.slug())).doesNotContain("openstreetmap.org");
    }
}
