package org.convene.newsletter.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convene.accounts.WebClient;
import org.convene.events.MemberNetworkFixtures;
import org.convene.newsletter.NewsletterFixtures;
import org.convene.newsletter.internal.NewsletterLinks;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/** Subscribing with double opt-in, confirming, preferences and unsubscribing, and each kind of bad input they refuse. */
@ConveneTest
class NewsletterSubscribersTest {

    @LocalServerPort
    int port;
    @Autowired
    NewsletterFixtures fixtures;
    @Autowired
    NewsletterLinks links;
    @Autowired
    MessageSource messages;
    @Autowired
    MemberNetworkFixtures network;
    @Autowired
    TestStaff staff;
    @Autowired
    Suppressions suppressions;

    private String status(String email) {
        return fixtures.jdbc().sql("SELECT status FROM subscriber WHERE lower(email) = lower(:e)").param("e", email).query(String.class).single();
    }

    private String suppression(String email) {
        return fixtures.jdbc().sql("SELECT reason FROM suppression WHERE email = lower(:e)").param("e", email).query(String.class).optional()
                .orElse(null);
    }

    private int subscribers(String email) {
        return fixtures.jdbc().sql("SELECT count(*) FROM subscriber WHERE lower(email) = lower(:e)").param("e", email).query(Integer.class).single();
    }

    private List<NewsletterHttp.Mail> mails(String email) {
        return NewsletterHttp.mailsTo(fixtures.jdbc(), email);
    }

    private static String json(String email, String language) {
        return "{\"email\":\"" + email + "\",\"name\":\"Ana Reader\",\"language\":\"" + language + "\",\"topics\":[\"events\"]}";
    }

    @Test
    void theFormSendsOnlyTheConfirmationUntilItsLinkIsOpened() {
        var corner = network.corner();
        String email = NewsletterFixtures.uniqueEmail("form");
        WebClient browser = new WebClient(port);
        HttpResponse<String> posted = browser.post("/newsletter", Map.of("email", email, "name", "Ana Reader", "language", "es",
                "regionId", String.valueOf(corner.north().id()), "topics", "events", "organizationId", String.valueOf(corner.member().id()),
                "page", "/newsletter"));
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(WebClient.location(posted)).endsWith("/newsletter/check-your-inbox");
        assertThat(browser.get("/newsletter/check-your-inbox").body()).contains("Check your inbox");

        assertThat(status(email)).isEqualTo("PENDING");
        var consent = fixtures.jdbc().sql("SELECT consent_source, consent_text, consent_at IS NOT NULL, confirmed_at, region_id, organization_id, topics::text "
                        + "FROM subscriber WHERE email = :e").param("e", email)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getBoolean(3), String.valueOf(rs.getObject(4)),
                        rs.getLong(5), rs.getLong(6), rs.getString(7))).single();
        assertThat(consent.get(0)).isEqualTo("form:/newsletter");
        assertThat(consent.get(1)).isEqualTo(messages.getMessage("newsletter.subscribers.consent", null, Locale.forLanguageTag("es")));
        assertThat((String) consent.get(1)).startsWith("Al suscribirte");
        assertThat(consent.get(2)).isEqualTo(true);
        assertThat(consent.get(3)).isEqualTo("null");
        assertThat(consent.get(4)).isEqualTo(corner.north().id());
        assertThat(consent.get(5)).isEqualTo(corner.member().id());
        assertThat(consent.get(6)).isEqualTo("{events}");

        List<NewsletterHttp.Mail> sent = mails(email);
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().subject()).isEqualTo("Confirma tu suscripción al boletín");
        String confirm = sent.getFirst().linkPath("/newsletter/confirm/");

        HttpResponse<String> confirmed = new NewsletterHttp(port).get(confirm);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("You are subscribed").contains("/newsletter/preferences/");
        assertThat(status(email)).isEqualTo("SUBSCRIBED");
        assertThat(fixtures.jdbc().sql("SELECT confirmed_at IS NOT NULL FROM subscriber WHERE email = :e").param("e", email)
                .query(Boolean.class).single()).isTrue();
        assertThat(mails(email)).hasSize(1);
        // opening it again changes nothing and still says so
        assertThat(new NewsletterHttp(port).get(confirm).statusCode()).isEqualTo(200);
    }

    @Test
    void theApiSubscribesWithDoubleOptInAndRecordsTheSource() {
        String email = NewsletterFixtures.uniqueEmail("api");
        HttpResponse<String> response = new NewsletterHttp(port).postJson("/api/v1/newsletter/subscriptions", json(email, "fr"));
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains("check-your-inbox");
        assertThat(status(email)).isEqualTo("PENDING");
        assertThat(fixtures.jdbc().sql("SELECT consent_source || '|' || consent_text FROM subscriber WHERE email = :e").param("e", email)
                .query(String.class).single()).startsWith("api|En vous abonnant");
        assertThat(mails(email)).singleElement().satisfies(m -> assertThat(m.text()).contains("/newsletter/confirm/"));
    }

    @Test
    void invalidAndThrowawayAddressesAreRefusedWithAMessage() {
        WebClient browser = new WebClient(port);
        HttpResponse<String> invalid = browser.post("/newsletter", Map.of("email", "not an address@", "language", "en"));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("Enter a valid e-mail address").contains("is-invalid");

        String throwaway = "someone-" + System.nanoTime() + "@mailinator.com";
        HttpResponse<String> disposable = browser.post("/newsletter", Map.of("email", throwaway, "language", "en"));
        assertThat(disposable.statusCode()).isEqualTo(400);
        assertThat(disposable.body()).contains("throwaway mail services");
        assertThat(subscribers(throwaway)).isZero();

        NewsletterHttp api = new NewsletterHttp(port);
        for (String bad : List.of("no-at-sign.example.org", "two@@example.org", "a@b", "x@sub.10minutemail.com", "y@guerrillamail.com")) {
            HttpResponse<String> response = api.postJson("/api/v1/newsletter/subscriptions", json(bad, "en"));
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(response.body()).contains("\"field\":\"email\"");
            assertThat(subscribers(bad)).isZero();
        }
        HttpResponse<String> badLanguage = api.postJson("/api/v1/newsletter/subscriptions",
                "{\"email\":\"" + NewsletterFixtures.uniqueEmail("lang") + "\",\"language\":\"xx\",\"topics\":[\"nope\"]}");
        assertThat(badLanguage.statusCode()).isEqualTo(400);
        assertThat(badLanguage.body()).contains("\"field\":\"language\"").contains("\"field\":\"topics\"");
    }

    @Test
    void everyAddressGetsTheSameAnswerAndOnlyTheRightMail() {
        NewsletterHttp api = new NewsletterHttp(port);
        String fresh = NewsletterFixtures.uniqueEmail("fresh");
        String pending = NewsletterFixtures.uniqueEmail("pending");
        fixtures.subscriber(pending, "en", "PENDING", null, List.of());
        String subscribed = NewsletterFixtures.uniqueEmail("subscribed");
        long subscribedId = fixtures.subscribed(subscribed, "pt");
        String bounced = NewsletterFixtures.uniqueEmail("bounced");
        fixtures.subscribed(bounced, "en");
        suppressions.suppress(bounced, Suppressions.Reason.HARD_BOUNCE, "550 5.1.1 no such user");
        String complained = NewsletterFixtures.uniqueEmail("complained");
        suppressions.suppress(complained, Suppressions.Reason.COMPLAINT, "abuse");

        List<HttpResponse<String>> answers = List.of(fresh, pending, subscribed, bounced, complained).stream()
                .map(e -> api.postJson("/api/v1/newsletter/subscriptions", json(e, "en"))).toList();
        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(202));
        assertThat(answers.stream().map(HttpResponse::body).distinct()).hasSize(1);

        assertThat(mails(fresh)).singleElement().satisfies(m -> assertThat(m.text()).contains("/newsletter/confirm/"));
        assertThat(mails(pending)).singleElement().satisfies(m -> assertThat(m.text()).contains("/newsletter/confirm/"));
        // subscribed: a note with the preferences link, in the subscriber's language, not a second confirmation
        assertThat(mails(subscribed)).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("Você já assina o boletim");
            assertThat(m.text()).contains(links.preferencesUrl(subscribedId)).doesNotContain("/newsletter/confirm/");
        });
        assertThat(status(subscribed)).isEqualTo("SUBSCRIBED");
        // suppressed after a bounce or complaint: nothing at all, and nothing changes
        assertThat(mails(bounced)).isEmpty();
        assertThat(mails(complained)).isEmpty();
        assertThat(status(bounced)).isEqualTo("SUBSCRIBED");
        assertThat(subscribers(complained)).isZero();

        // the standalone form gives the same answer for a suppressed address
        HttpResponse<String> form = new WebClient(port).post("/newsletter", Map.of("email", bounced, "language", "en"));
        assertThat(WebClient.location(form)).endsWith("/newsletter/check-your-inbox");
        assertThat(mails(bounced)).isEmpty();
    }

    @Test
    void someoneWhoUnsubscribedMayComeBackThroughDoubleOptIn() {
        String email = NewsletterFixtures.uniqueEmail("returning");
        long id = fixtures.subscribed(email, "en");
        NewsletterHttp client = new NewsletterHttp(port);
        assertThat(client.send(client.request(URIpath(links.unsubscribeUrl(id))).POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                .header("Content-Type", "application/x-www-form-urlencoded")).statusCode()).isEqualTo(200);
        assertThat(suppression(email)).isEqualTo("UNSUBSCRIBED");

        assertThat(client.postJson("/api/v1/newsletter/subscriptions", json(email, "en")).statusCode()).isEqualTo(202);
        assertThat(status(email)).isEqualTo("PENDING");
        assertThat(suppression(email)).as("still suppressed until confirmed").isEqualTo("UNSUBSCRIBED");
        String confirm = mails(email).getLast().linkPath("/newsletter/confirm/");
        assertThat(client.get(confirm).statusCode()).isEqualTo(200);
        assertThat(status(email)).isEqualTo("SUBSCRIBED");
        assertThat(suppression(email)).isNull();
    }

    @Test
    void anOldConfirmationLinkDoesNotBringBackSomeoneWhoLeft() {
        String email = NewsletterFixtures.uniqueEmail("left");
        NewsletterHttp client = new NewsletterHttp(port);
        client.postJson("/api/v1/newsletter/subscriptions", json(email, "en"));
        String confirm = mails(email).getLast().linkPath("/newsletter/confirm/");
        long id = fixtures.jdbc().sql("SELECT id FROM subscriber WHERE email = :e").param("e", email).query(Long.class).single();
        client.send(client.request(URIpath(links.unsubscribeUrl(id))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
        HttpResponse<String> late = client.get(confirm);
        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(late.body()).contains("Subscribe again");
        assertThat(status(email)).isEqualTo("UNSUBSCRIBED");
        assertThat(suppression(email)).isEqualTo("UNSUBSCRIBED");
    }

    @Test
    void subscriptionsAreLimitedPerClientAddress() {
        NewsletterHttp client = new NewsletterHttp(port);
        for (int i = 0; i < 10; i++) {
            assertThat(client.postJson("/api/v1/newsletter/subscriptions", json(NewsletterFixtures.uniqueEmail("burst"), "en")).statusCode())
                    .isEqualTo(202);
        }
        String refused = NewsletterFixtures.uniqueEmail("burst-refused");
        HttpResponse<String> tooMany = client.postJson("/api/v1/newsletter/subscriptions", json(refused, "en"));
        assertThat(tooMany.statusCode()).isEqualTo(429);
        assertThat(tooMany.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(subscribers(refused)).isZero();
        // another client is not affected
        assertThat(new NewsletterHttp(port).postJson("/api/v1/newsletter/subscriptions", json(refused, "en")).statusCode()).isEqualTo(202);
    }

    @Test
    void tamperedAndExpiredConfirmationLinksSaySo() {
        String email = NewsletterFixtures.uniqueEmail("late");
        long id = fixtures.subscriber(email, "en", "PENDING", null, List.of());
        NewsletterHttp client = new NewsletterHttp(port);

        String expired = URIpath(links.confirmUrl(id, Instant.now().minus(NewsletterLinks.CONFIRMATION_VALIDITY).minus(Duration.ofHours(1))));
        HttpResponse<String> late = client.get(expired);
        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(late.body()).contains("This link has expired").contains("Subscribe again").contains("href=\"/newsletter\"");
        assertThat(status(email)).isEqualTo("PENDING");

        String valid = URIpath(links.confirmUrl(id, Instant.now()));
        String tampered = valid.substring(0, valid.length() - 2) + (valid.endsWith("AA") ? "BB" : "AA");
        HttpResponse<String> changed = client.get(tampered);
        assertThat(changed.statusCode()).isEqualTo(400);
        assertThat(changed.body()).contains("This link is not valid");
        assertThat(client.get("/newsletter/confirm/short").statusCode()).isEqualTo(400);
        // a preferences or unsubscribe token is no confirmation
        assertThat(client.get("/newsletter/confirm/" + URIpath(links.preferencesUrl(id)).substring("/newsletter/preferences/".length())).statusCode())
                .isEqualTo(400);
        assertThat(status(email)).isEqualTo("PENDING");
    }

    @Test
    void thePreferencesLinkChangesLanguageRegionTopicsPausesAndUnsubscribes() {
        var corner = network.corner();
        String email = NewsletterFixtures.uniqueEmail("prefs");
        long id = fixtures.subscribed(email, "en");
        String page = URIpath(links.preferencesUrl(id));
        WebClient browser = new WebClient(port);
        HttpResponse<String> shown = browser.get(page);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains(email).contains("Save preferences");

        HttpResponse<String> saved = browser.post(page, Map.of("language", "ar", "regionId", String.valueOf(corner.south().id()),
                "topics", "campaigns"));
        assertThat(saved.statusCode()).isEqualTo(302);
        var row = fixtures.jdbc().sql("SELECT language || '|' || region_id || '|' || topics::text FROM subscriber WHERE id = :id").param("id", id)
                .query(String.class).single();
        assertThat(row).isEqualTo("ar|" + corner.south().id() + "|{campaigns}");

        HttpResponse<String> badTopic = browser.post(page, Map.of("language", "en", "topics", "gossip"));
        assertThat(badTopic.statusCode()).isEqualTo(400);
        assertThat(badTopic.body()).contains("Choose among the topics offered");

        assertThat(browser.post(page + "/pause", Map.of("paused", "true")).statusCode()).isEqualTo(302);
        assertThat(status(email)).isEqualTo("PAUSED");
        assertThat(browser.post(page + "/pause", Map.of("paused", "false")).statusCode()).isEqualTo(302);
        assertThat(status(email)).isEqualTo("SUBSCRIBED");
        assertThat(browser.post(page + "/unsubscribe", Map.of()).statusCode()).isEqualTo(302);
        assertThat(status(email)).isEqualTo("UNSUBSCRIBED");
        assertThat(suppression(email)).isEqualTo("UNSUBSCRIBED");
    }

    @Test
    void aTamperedPreferencesLinkIsAClear400() {
        String email = NewsletterFixtures.uniqueEmail("prefs-bad");
        long id = fixtures.subscribed(email, "en");
        String page = URIpath(links.preferencesUrl(id));
        String tampered = page.substring(0, page.length() - 3) + (page.endsWith("xyz") ? "abc" : "xyz");
        NewsletterHttp client = new NewsletterHttp(port);
        HttpResponse<String> response = client.get(tampered);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("This link is not valid");
        WebClient browser = new WebClient(port);
        assertThat(browser.post(tampered + "/unsubscribe", Map.of()).statusCode()).isEqualTo(400);
        assertThat(browser.post(tampered, Map.of("language", "fr")).statusCode()).isEqualTo(400);
        assertThat(status(email)).isEqualTo("SUBSCRIBED");
        // the unsubscribe link is no preferences link
        assertThat(client.get("/newsletter/preferences/" + URIpath(links.unsubscribeUrl(id)).substring("/newsletter/unsubscribe/".length()))
                .statusCode()).isEqualTo(400);
    }

    @Test
    void oneClickUnsubscribeNeedsNoLoginNoTokenAndNoPage() {
        String email = NewsletterFixtures.uniqueEmail("oneclick");
        long id = fixtures.subscribed(email, "en");
        String path = URIpath(links.unsubscribeUrl(id));
        NewsletterHttp client = new NewsletterHttp(port);

        // a GET (a mail scanner following the link) shows a page with one button and changes nothing
        HttpResponse<String> page = client.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"unsubscribe-form\" action=\"" + path + "\"").contains("List-Unsubscribe").doesNotContain("_csrf");
        assertThat(status(email)).isEqualTo("SUBSCRIBED");

        // RFC 8058: the mail client's POST, without cookies or CSRF token
        HttpResponse<String> posted = client.send(client.request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(posted.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(status(email)).isEqualTo("UNSUBSCRIBED");
        assertThat(suppression(email)).isEqualTo("UNSUBSCRIBED");
        assertThat(fixtures.jdbc().sql("SELECT detail FROM suppression WHERE email = :e").param("e", email).query(String.class).single())
                .isEqualTo("one-click unsubscribe");
        // again: still 200, still unsubscribed
        assertThat(client.send(client.request(path).POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                .header("Content-Type", "application/x-www-form-urlencoded")).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnsubscribePostWithoutAValidTokenChangesNothing() {
        String email = NewsletterFixtures.uniqueEmail("keep");
        long id = fixtures.subscribed(email, "en");
        String path = URIpath(links.unsubscribeUrl(id));
        NewsletterHttp client = new NewsletterHttp(port);
        String tampered = path.substring(0, path.length() - 4) + (path.endsWith("AAAA") ? "BBBB" : "AAAA");
        for (String bad : List.of(tampered, "/newsletter/unsubscribe/nothing", "/newsletter/unsubscribe/"
                + URIpath(links.preferencesUrl(id)).substring("/newsletter/preferences/".length()))) {
            HttpResponse<String> response = client.send(client.request(bad).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
            assertThat(response.statusCode()).as(bad).isBetween(400, 499);
        }
        HttpResponse<String> tamperedGet = client.get(tampered);
        assertThat(tamperedGet.statusCode()).isEqualTo(400);
        assertThat(tamperedGet.body()).contains("This link is not valid");
        assertThat(status(email)).isEqualTo("SUBSCRIBED");
        assertThat(suppression(email)).isNull();
        // the CSRF exemption is only this path: the preferences page's unsubscribe still needs the token
        HttpResponse<String> withoutToken = client.send(client.request(URIpath(links.preferencesUrl(id)) + "/unsubscribe")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("")));
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(status(email)).isEqualTo("SUBSCRIBED");
    }

    @Test
    void theEmbeddableFormCarriesNoTokenAndSetsNoSession() {
        NewsletterHttp client = new NewsletterHttp(port);
        HttpResponse<String> fragment = client.get("/newsletter/form");
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).contains("data-newsletter-form").contains("name=\"email\"").contains("/js/newsletter-subscribe.js")
                .doesNotContain("_csrf").doesNotContain("<html");
        assertThat(fragment.headers().allValues("Set-Cookie")).isEmpty();

        HttpResponse<String> token = client.get("/newsletter/csrf");
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.body()).contains("\"parameterName\":\"_csrf\"");
        assertThat(token.headers().firstValue("Cache-Control").orElse("")).contains("no-store");

        HttpResponse<String> page = client.get("/newsletter");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"_csrf\"").contains(messages.getMessage("newsletter.subscribers.consent", null, Locale.ENGLISH));
    }

    @Test
    void staffListFilterAndCountASegment() {
        var corner = network.corner();
        String tag = corner.tag();
        String inNorth = NewsletterFixtures.uniqueEmail("north-" + tag);
        fixtures.subscriber(inNorth, "es", "SUBSCRIBED", corner.north().id(), List.of("events"));
        String alsoNorth = NewsletterFixtures.uniqueEmail("north2-" + tag);
        fixtures.subscriber(alsoNorth, "es", "SUBSCRIBED", corner.north().id(), List.of("campaigns"));
        String pendingNorth = NewsletterFixtures.uniqueEmail("north3-" + tag);
        fixtures.subscriber(pendingNorth, "es", "PENDING", corner.north().id(), List.of("events"));
        String suppressedNorth = NewsletterFixtures.uniqueEmail("north4-" + tag);
        fixtures.subscriber(suppressedNorth, "es", "SUBSCRIBED", corner.north().id(), List.of("events"));
        suppressions.suppress(suppressedNorth, Suppressions.Reason.COMPLAINT, "abuse");

        WebClient admin = new WebClient(port);
        TestStaff.Login login = staff.networkAdmin();
        admin.signedIn(login.email(), login.password());
        HttpResponse<String> list = admin.get("/admin/newsletter/subscribers?regionId=" + corner.north().id() + "&status=SUBSCRIBED");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(inNorth).contains(alsoNorth).contains(suppressedNorth).doesNotContain(pendingNorth)
                .contains("3 subscribers match");
        assertThat(admin.get("/admin/newsletter/subscribers?q=" + inNorth).body()).contains("1 subscriber matches");
        assertThat(admin.get("/admin/newsletter/subscribers?topic=campaigns&regionId=" + corner.north().id()).body())
                .contains(alsoNorth).doesNotContain(inNorth);

        HttpResponse<String> preview = admin.get("/admin/newsletter/subscribers?preview=1&segmentRegions=" + corner.north().id()
                + "&segmentTopics=events");
        assertThat(preview.body()).contains("id=\"segment-recipients\"").contains("1 recipient<");

        String token = staff.apiToken(login);
        NewsletterHttp api = new NewsletterHttp(port);
        HttpResponse<String> count = api.postJson("/api/v1/newsletter/segments/count",
                "{\"regionIds\":[" + corner.north().id() + "],\"languages\":[\"es\"]}", "Authorization", "Bearer " + token);
        assertThat(count.body()).isEqualTo("{\"recipients\":2}");
        HttpResponse<String> listed = api.send(api.request("/api/v1/newsletter/subscribers?regionId=" + corner.north().id())
                .header("Authorization", "Bearer " + token).GET());
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"total\":4").contains("\"suppressed\":\"COMPLAINT\"").contains("\"consentText\":\"Consent text\"");

        // anonymous and staff of a member organization get nothing
        assertThat(api.get("/api/v1/newsletter/subscribers").statusCode()).isEqualTo(401);
        TestStaff.Login orgAdmin = staff.create(org.convene.accounts.StaffRole.ORG_ADMIN, corner.member().id());
        assertThat(api.send(api.request("/api/v1/newsletter/subscribers").header("Authorization", "Bearer " + staff.apiToken(orgAdmin)).GET())
                .statusCode()).isEqualTo(403);
        assertThat(new NewsletterHttp(port).get("/admin/newsletter/subscribers").statusCode()).isEqualTo(302);
    }

    @Test
    void staffSuppressAddressesByHandAndRemoveOnlyThose() {
        WebClient admin = new WebClient(port);
        TestStaff.Login login = staff.networkAdmin();
        admin.signedIn(login.email(), login.password());
        String manual = NewsletterFixtures.uniqueEmail("manual");
        String bounced = NewsletterFixtures.uniqueEmail("hard");
        suppressions.suppress(bounced, Suppressions.Reason.HARD_BOUNCE, "550 5.1.1");

        assertThat(admin.post("/admin/newsletter/suppressions", Map.of("email", manual, "detail", "asked by phone")).statusCode()).isEqualTo(302);
        assertThat(suppression(manual)).isEqualTo("MANUAL");
        HttpResponse<String> bad = admin.post("/admin/newsletter/suppressions", Map.of("email", "not-an-address"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Enter a valid e-mail address");

        HttpResponse<String> search = admin.get("/admin/newsletter/suppressions?q=" + manual.substring(0, 15));
        assertThat(search.body()).contains(manual).contains("asked by phone").contains("Remove");
        assertThat(admin.get("/admin/newsletter/suppressions?q=" + bounced).body()).contains(bounced).doesNotContain(">Remove<");

        admin.post("/admin/newsletter/suppressions/remove", Map.of("email", bounced));
        assertThat(suppression(bounced)).isEqualTo("HARD_BOUNCE");
        admin.post("/admin/newsletter/suppressions/remove", Map.of("email", manual));
        assertThat(suppression(manual)).isNull();
    }

    @Test
    void theApiIsDocumented() {
        String openApi = new NewsletterHttp(port).get("/api/openapi.json").body();
        assertThat(openApi).contains("/api/v1/newsletter/subscriptions").contains("/api/v1/newsletter/subscribers")
                .contains("/api/v1/newsletter/subscribers/import").contains("/api/v1/newsletter/subscribers/export")
                .contains("/api/v1/newsletter/segments/count").contains("/api/v1/newsletter/bounces").contains("X-Convene-Webhook-Secret");
    }

    /** The path (and token) of an absolute link. */
    static String URIpath(String url) {
        return java.net.URI.create(url).getRawPath();
    }
}
