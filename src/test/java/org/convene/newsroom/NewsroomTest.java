package org.convene.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convene.accounts.StaffRole;
import org.convene.newsroom.internal.FeedPolling;
import org.convene.newsroom.internal.Outlet;
import org.convene.newsroom.internal.Outlets;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The newsroom through the API and the polling service, against a real feed server on 127.0.0.2
 * (the one host the test profile allows): refused feed addresses, conditional requests, storing
 * items once, health and backoff after failures, picking, and the public API for other modules.
 */
@ConveneTest
class NewsroomTest {

    @LocalServerPort
    int port;
    @Autowired
    TestStaff staff;
    @Autowired
    Outlets outlets;
    @Autowired
    FeedPolling polling;
    @Autowired
    PartnerItems partnerItems;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.convene.events.MemberNetworkFixtures network;

    private FeedServer feeds;
    private String token;
    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void start() throws Exception {
        feeds = FeedServer.allowed();
        token = staff.apiToken(staff.networkAdmin());
    }

    @AfterEach
    void stop() {
        feeds.close();
    }

    private HttpResponse<String> api(String method, String path, String json, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String outletJson(String name, String feedUrl) {
        return """
                {"name":"%s","country":"KE","languages":["sw","en"],"website":"https://lakeside-voice.example.org","feedUrl":"%s"}"""
                .formatted(name, feedUrl);
    }

    private Outlet outlet(String path) {
        return outlets.create(new Outlet.Draft("Lakeside Voice " + tag, "KE", List.of("sw", "en"), null, feeds.url(path), true, null));
    }

    /** Polls again now, as if the poll-now pause had passed. */
    private FeedPolling.Outcome pollAgain(long id) {
        jdbc.sql("update newsroom_outlets set poll_requested_at = null where id = ?").param(id).update();
        return polling.pollNow(id);
    }

    private long itemCount(long outletId) {
        return jdbc.sql("select count(*) from newsroom_items where outlet_id = ?").param(outletId).query(Long.class).single();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/feed", "http://localhost/feed", "http://169.254.169.254/latest/meta-data/",
            "http://[::ffff:127.0.0.1]/feed", "http://2130706433/feed", "http://0x7f000001/feed", "http://10.0.0.8/rss",
            "http://[fd00:ec2::254]/", "ftp://feeds.example.org/rss", "file:///etc/passwd"})
    void aFeedAtALocalOrPrivateAddressIsRefusedWhenTheOutletIsSaved(String feedUrl) throws Exception {
        HttpResponse<String> response = api("POST", "/api/v1/newsroom/outlets", outletJson("Refused " + tag, feedUrl), token);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"feedUrl\"");
        assertThat(jdbc.sql("select count(*) from newsroom_outlets where name = ?").param("Refused " + tag)
                .query(Long.class).single()).isZero();
    }

    @Test
    void otherBadFieldsAreProblemsAndOnlyNetworkAdminsMayManageOutlets() throws Exception {
        HttpResponse<String> bad = api("POST", "/api/v1/newsroom/outlets", """
                {"name":" ","country":"XX","languages":["english"],"website":"javascript:alert(1)","feedUrl":"%s","pollIntervalMinutes":1}"""
                .formatted(feeds.url("/x")), token);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"name\"", "\"field\":\"country\"", "\"field\":\"languages\"",
                "\"field\":\"website\"", "\"field\":\"pollIntervalMinutes\"");
        String editor = staff.apiToken(staff.create(StaffRole.ORG_ADMIN, network.corner().member().id()));
        assertThat(api("GET", "/api/v1/newsroom/outlets", null, editor).statusCode()).isEqualTo(403);
        assertThat(api("POST", "/api/v1/newsroom/outlets", outletJson("X " + tag, feeds.url("/x")), editor).statusCode()).isEqualTo(403);
        assertThat(api("GET", "/api/v1/newsroom/outlets", null, null).statusCode()).isEqualTo(401);
        assertThat(api("GET", "/api/v1/newsroom/outlets/999999999", null, token).statusCode()).isEqualTo(404);
    }

    @Test
    void itemsAreStoredOnceAndA304BringsNothingNew() throws Exception {
        AtomicInteger served = new AtomicInteger();
        feeds.on("/feed", e -> {
            if ("\"v1\"".equals(e.getRequestHeaders().getFirst("If-None-Match"))) {
                e.sendResponseHeaders(304, -1);
                return;
            }
            served.incrementAndGet();
            e.getResponseHeaders().set("ETag", "\"v1\"");
            FeedServer.send(e, 200, "application/rss+xml", FeedServer.rss(
                    "g1-" + tag, "Harvest festival " + tag, "https://lakeside.example.org/harvest",
                    "g2-" + tag, "Ferry timetable " + tag, "https://lakeside.example.org/ferry"));
        });
        HttpResponse<String> created = api("POST", "/api/v1/newsroom/outlets", outletJson("Lakeside Voice " + tag, feeds.url("/feed")), token);
        assertThat(created.statusCode()).isEqualTo(201);
        long id = Long.parseLong(match(created.body(), "\"id\":(\\d+)"));

        HttpResponse<String> poll = api("POST", "/api/v1/newsroom/outlets/" + id + "/poll", null, token);
        assertThat(poll.body()).contains("\"outcome\":\"OK\"", "\"added\":2");
        // a second "poll now" at once is refused
        assertThat(api("POST", "/api/v1/newsroom/outlets/" + id + "/poll", null, token).statusCode()).isEqualTo(429);

        assertThat(pollAgain(id).kind()).isEqualTo(FeedPolling.Outcome.Kind.NOT_MODIFIED);
        assertThat(itemCount(id)).isEqualTo(2);
        assertThat(served.get()).isEqualTo(1);
        assertThat(outlets.find(id).orElseThrow().health().status()).isEqualTo(Outlet.Status.NOT_MODIFIED);

        List<PartnerItems.PartnerItem> recent = partnerItems.recent(new PartnerItems.Filter(id, "ke", "en", null, null, null), 10);
        assertThat(recent).extracting(PartnerItems.PartnerItem::title)
                .containsExactly("Ferry timetable " + tag, "Harvest festival " + tag);
        assertThat(recent.getFirst().summary()).isEqualTo("Summary of Ferry timetable " + tag);
        assertThat(recent.getFirst().outletName()).isEqualTo("Lakeside Voice " + tag);
    }

    @Test
    void theSameItemsFetchedAgainWithoutValidatorsAreStoredOnce() {
        feeds.on("/plain", e -> FeedServer.send(e, 200, "application/rss+xml", FeedServer.rss(
                "a-" + tag, "Market day", "https://lakeside.example.org/market",
                "b-" + tag, "Rain report", "https://lakeside.example.org/rain")));
        Outlet outlet = outlet("/plain");
        assertThat(pollAgain(outlet.id()).added()).isEqualTo(2);
        assertThat(pollAgain(outlet.id()).added()).isZero();
        assertThat(itemCount(outlet.id())).isEqualTo(2);
        // an item without a GUID is recognised by its link
        feeds.on("/noguid", e -> FeedServer.send(e, 200, "application/rss+xml", """
                <rss version="2.0"><channel><title>t</title><link>https://l.example.org/</link><description>d</description>
                <item><title>One link</title><link>https://lakeside.example.org/one</link></item></channel></rss>"""));
        Outlet other = outlet("/noguid");
        pollAgain(other.id());
        pollAgain(other.id());
        assertThat(itemCount(other.id())).isEqualTo(1);
    }

    @Test
    void aRedirectIntoAPrivateNetworkFailsAndTheHealthShowsIt() throws Exception {
        try (FeedServer internal = new FeedServer("127.0.0.1").on("/", e -> FeedServer.send(e, 200, "application/rss+xml", FeedServer.rss()))) {
            feeds.on("/moved", e -> {
                e.getResponseHeaders().set("Location", "http://127.0.0.1:" + internal.port() + "/");
                e.sendResponseHeaders(302, -1);
            });
            Outlet outlet = outlet("/moved");
            Instant before = Instant.now();
            FeedPolling.Outcome outcome = pollAgain(outlet.id());
            assertThat(outcome.kind()).isEqualTo(FeedPolling.Outcome.Kind.FAILED);
            assertThat(outcome.errorCode()).isEqualTo("forbiddenAddress");
            assertThat(internal.totalHits()).isZero();
            Outlet.Health health = outlets.find(outlet.id()).orElseThrow().health();
            assertThat(health.status()).isEqualTo(Outlet.Status.FAILING);
            assertThat(health.lastErrorCode()).isEqualTo("forbiddenAddress");
            assertThat(health.lastError()).contains("127.0.0.1");
            assertThat(health.consecutiveFailures()).isEqualTo(1);
            assertThat(health.failingSince()).isAfterOrEqualTo(before.minusSeconds(1));

            HttpResponse<String> document = api("GET", "/api/v1/newsroom/outlets/" + outlet.id(), null, token);
            assertThat(document.body()).contains("\"status\":\"FAILING\"", "\"lastErrorCode\":\"forbiddenAddress\"");
        }
    }

    @Test
    void failuresBackOffExponentiallyAndASuccessResetsTheHealth() {
        AtomicInteger status = new AtomicInteger(500);
        feeds.on("/flaky", e -> {
            if (status.get() != 200) {
                e.sendResponseHeaders(status.get(), -1);
                return;
            }
            FeedServer.send(e, 200, "application/rss+xml", FeedServer.rss("f-" + tag, "Back", "https://lakeside.example.org/back"));
        });
        Outlet outlet = outlet("/flaky");
        // default interval 30 min: 1 failure waits 1 h, 2 failures 2 h, 3 failures 4 h
        for (int failures = 1; failures <= 3; failures++) {
            Instant before = Instant.now();
            assertThat(pollAgain(outlet.id()).kind()).isEqualTo(FeedPolling.Outcome.Kind.FAILED);
            Outlet after = outlets.find(outlet.id()).orElseThrow();
            assertThat(after.health().consecutiveFailures()).isEqualTo(failures);
            Duration wait = Duration.between(before, after.nextPollAt());
            Duration expected = Duration.ofMinutes(30).multipliedBy(1L << failures);
            assertThat(wait).isBetween(expected.minusSeconds(5), expected.plusSeconds(5));
        }
        Instant failingSince = outlets.find(outlet.id()).orElseThrow().health().failingSince();
        assertThat(failingSince).isNotNull();

        // 429 with a Retry-After longer than the backoff: the feed waits as asked (capped at a day)
        status.set(429);
        feeds.on("/limited", e -> {
            e.getResponseHeaders().set("Retry-After", "36000");
            e.sendResponseHeaders(429, -1);
        });
        Outlet limited = outlet("/limited");
        Instant before = Instant.now();
        pollAgain(limited.id());
        Duration wait = Duration.between(before, outlets.find(limited.id()).orElseThrow().nextPollAt());
        assertThat(wait).isBetween(Duration.ofHours(10).minusSeconds(5), Duration.ofHours(10).plusSeconds(5));

        status.set(200);
        assertThat(pollAgain(outlet.id()).kind()).isEqualTo(FeedPolling.Outcome.Kind.OK);
        Outlet healthy = outlets.find(outlet.id()).orElseThrow();
        assertThat(healthy.health().status()).isEqualTo(Outlet.Status.OK);
        assertThat(healthy.health().consecutiveFailures()).isZero();
        assertThat(healthy.health().failingSince()).isNull();
        assertThat(healthy.health().lastErrorCode()).isNull();
    }

    @Test
    void hostileFeedsFailWithoutHarm() {
        feeds.on("/bomb", e -> FeedServer.send(e, 200, "application/rss+xml", """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaaaaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
                <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>
                <rss version="2.0"><channel><title>&f;</title><link>https://x.example.org</link><description>&f;</description>
                <item><title>&f;</title><link>https://x.example.org/1</link></item></channel></rss>"""));
        feeds.on("/xxe", e -> FeedServer.send(e, 200, "application/rss+xml", """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>t</title><link>https://x.example.org</link><description>d</description>
                <item><title>&xxe;</title><link>https://x.example.org/1</link></item></channel></rss>"""));
        feeds.on("/broken", e -> FeedServer.send(e, 200, "application/rss+xml", "<rss><channel><item><title>half"));
        feeds.on("/huge", e -> {
            e.sendResponseHeaders(200, 0);
            try (var out = e.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 40; i++) {
                    out.write(chunk);
                }
            }
        });
        feeds.on("/slow", e -> {
            try {
                Thread.sleep(4000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            FeedServer.send(e, 200, "application/rss+xml", FeedServer.rss());
        });
        assertThat(pollAgain(outlet("/bomb").id()).errorCode()).isEqualTo("doctype");
        Outlet xxe = outlet("/xxe");
        assertThat(pollAgain(xxe.id()).errorCode()).isEqualTo("doctype");
        assertThat(itemCount(xxe.id())).isZero();
        assertThat(outlets.find(xxe.id()).orElseThrow().health().lastError()).doesNotContain("root:");
        assertThat(pollAgain(outlet("/broken").id()).errorCode()).isEqualTo("malformed");
        assertThat(pollAgain(outlet("/huge").id()).errorCode()).isEqualTo("tooLarge");
        assertThat(pollAgain(outlet("/slow").id()).errorCode()).isEqualTo("timeout");
    }

    @Test
    void theJobPollsEachDueFeedOnceEvenWhenNodesRace() throws Exception {
        feeds.on("/due", e -> FeedServer.send(e, 200, "application/rss+xml", FeedServer.rss("d-" + tag, "Due", "https://lakeside.example.org/due")));
        Outlet due = outlet("/due");
        Outlet paused = outlets.create(new Outlet.Draft("Paused " + tag, "KE", List.of("sw"), null, feeds.url("/paused"), false, null));
        // two "nodes" poll at the same time; other tests' outlets may be due too, and their servers are gone
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(polling::pollDue);
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(polling::pollDue);
        one.get();
        two.get();
        assertThat(feeds.hits("/due")).isEqualTo(1);
        assertThat(feeds.hits("/paused")).isZero();
        assertThat(itemCount(due.id())).isEqualTo(1);
        assertThat(outlets.find(due.id()).orElseThrow().nextPollAt()).isAfter(Instant.now().plus(Duration.ofMinutes(29)));
        assertThat(paused.active()).isFalse();
    }

    @Test
    void pickedItemsShowOnThePublicPageAndThroughThePublicApi() throws Exception {
        feeds.on("/pick", e -> FeedServer.send(e, 200, "application/rss+xml", FeedServer.rss(
                "p1-" + tag, "Solar kiosks " + tag, "https://lakeside.example.org/solar",
                "p2-" + tag, "Not picked " + tag, "https://lakeside.example.org/other")));
        Outlet outlet = outlet("/pick");
        pollAgain(outlet.id());
        List<PartnerItems.PartnerItem> items = partnerItems.recent(new PartnerItems.Filter(outlet.id(), null, null, null, null, null), 10);
        long solar = items.stream().filter(i -> i.title().startsWith("Solar")).findFirst().orElseThrow().id();
        assertThat(api("PUT", "/api/v1/newsroom/items/" + solar + "/pick", null, token).statusCode()).isEqualTo(204);
        assertThat(api("PUT", "/api/v1/newsroom/items/999999999/pick", null, token).statusCode()).isEqualTo(404);

        assertThat(partnerItems.recent(new PartnerItems.Filter(outlet.id(), null, null, null, null, true), 10))
                .extracting(PartnerItems.PartnerItem::id).containsExactly(solar);
        assertThat(partnerItems.find(List.of(solar, 999999999L))).singleElement()
                .satisfies(i -> assertThat(i.pickedAt()).isNotNull());

        String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/partners?language=en")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("Solar kiosks " + tag).doesNotContain("Not picked " + tag);
        String otherLanguage = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/partners?language=fr")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(otherLanguage).doesNotContain("Solar kiosks " + tag);

        assertThat(api("DELETE", "/api/v1/newsroom/items/" + solar + "/pick", null, token).statusCode()).isEqualTo(204);
        assertThat(partnerItems.find(List.of(solar)).getFirst().pickedAt()).isNull();
        assertThat(api("GET", "/api/v1/newsroom/items?outlet=" + outlet.id() + "&from=yesterday", null, token).statusCode()).isEqualTo(400);
    }

    private static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in " + text).isTrue();
        return m.group(1);
    }
}
