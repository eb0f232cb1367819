package org.convene.newsletter.editions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.convene.campaigns.CampaignFixtures;
import org.convene.events.EventFixtures;
import org.convene.events.internal.EventFormat;
import org.convene.newsletter.NewsletterFixtures;
import org.convene.newsletter.internal.RenderedEdition;
import org.convene.newsletter.internal.Segment;
import org.convene.platform.i18n.TranslatedText;
import org.convene.platform.web.InvalidInputException;
import org.convene.publishing.PublicationFixtures;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Composing, rendering, scheduling and archiving editions through the service and the REST API,
 * with every kind of bad input the composer must refuse.
 */
@ConveneTest
@ContextConfiguration(initializers = EditionsMail.class)
class EditionsTest {

    @LocalServerPort
    int port;
    @Autowired
    Editions editions;
    @Autowired
    MailEditionRendering rendering;
    @Autowired
    NewsletterFixtures newsletter;
    @Autowired
    PublicationFixtures publications;
    @Autowired
    EventFixtures events;
    @Autowired
    CampaignFixtures campaigns;
    @Autowired
    TestStaff staff;

    private final HttpClient http = HttpClient.newHttpClient();

    private static TranslatedText subject(String en) {
        return new TranslatedText("en", Map.of("en", en, "ar", "النشرة: " + en));
    }

    private Edition draft(String subject) {
        int year = 2100 + (int) (Math.random() * 800);
        return editions.create(new EditionDraft(year, null, subject(subject),
                new TranslatedText("en", Map.of("en", "Dear readers,\n\nthe network met in **Lisbon**.", "ar", "أعزاءنا القراء")), Segment.everyone()));
    }

    @Test
    void theNextNumberIsSuggestedAndADuplicateNumberIsRefusedWithTheNextFreeOne() {
        Edition first = draft("Spring assembly");
        assertThat(first.number()).isEqualTo(1);
        assertThat(editions.nextNumber(first.year())).isEqualTo(2);
        assertThatThrownBy(() -> editions.create(new EditionDraft(first.year(), 1, subject("Again"), null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors().getFirst().field()).isEqualTo("number");
                    assertThat(e.getMessage()).contains("already an edition 1 in " + first.year()).contains("next free number is 2");
                });
        assertThat(newsletter.jdbc().sql("SELECT count(*) FROM edition WHERE year = :y").param("y", first.year()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void theApiRefusesADuplicateNumberAndASubjectLongerThan200Characters() throws Exception {
        String token = staff.apiToken(staff.networkAdmin());
        int year = 2950 + (int) (Math.random() * 49);
        HttpResponse<String> created = send("POST", "/api/v1/newsletter/editions", token,
                "{\"year\":" + year + ",\"subject\":{\"fallback\":\"en\",\"values\":{\"en\":\"Harvest news\"}}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"number\":1").contains("\"status\":\"DRAFT\"");

        HttpResponse<String> duplicate = send("POST", "/api/v1/newsletter/editions", token,
                "{\"year\":" + year + ",\"number\":1,\"subject\":{\"fallback\":\"en\",\"values\":{\"en\":\"Other\"}}}");
        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(duplicate.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(duplicate.body()).contains("\"field\":\"number\"").contains("already an edition 1");

        HttpResponse<String> tooLong = send("POST", "/api/v1/newsletter/editions", token,
                "{\"year\":" + year + ",\"subject\":{\"fallback\":\"en\",\"values\":{\"en\":\"" + "x".repeat(201) + "\"}}}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"field\":\"subject\"").contains("at most 200 characters");
    }

    @Test
    void blocksReferringToAMissingCampaignStatementOrEventAndAnImageWithoutAltTextAreRefused() throws Exception {
        String token = staff.apiToken(staff.networkAdmin());
        Edition edition = draft("Blocks");
        String path = "/api/v1/newsletter/editions/" + edition.id() + "/blocks";
        long draftStatement = publications.draftStatement().id();
        for (String[] bad : List.of(
                new String[] {"{\"kind\":\"CAMPAIGN\",\"campaignId\":987654321}", "campaignId"},
                new String[] {"{\"kind\":\"STATEMENT\",\"publicationId\":" + draftStatement + "}", "publicationId"},
                new String[] {"{\"kind\":\"STATEMENT\",\"publicationId\":987654321}", "publicationId"},
                new String[] {"{\"kind\":\"EVENT\",\"eventId\":987654321}", "eventId"},
                new String[] {"{\"kind\":\"PARTNER_ROUNDUP\",\"itemIds\":[987654321]}", "itemIds"},
                new String[] {"{\"kind\":\"IMAGE\",\"image\":\"abc.jpg\",\"alt\":{\"fallback\":\"en\",\"values\":{\"en\":\" \"}}}", "alt"})) {
            HttpResponse<String> refused = send("POST", path, token, bad[0]);
            assertThat(refused.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(refused.body()).as(bad[0]).contains("\"field\":\"" + bad[1] + "\"");
        }
        assertThat(editions.find(edition.id()).orElseThrow().blocks()).isEmpty();

        long statement = publications.publishedStatement().id();
        long event = events.published(EventFormat.IN_PERSON, 20).id();
        long campaign = campaigns.open().id();
        assertThat(send("POST", path, token, "{\"kind\":\"STATEMENT\",\"publicationId\":" + statement + "}").statusCode()).isEqualTo(201);
        assertThat(send("POST", path, token, "{\"kind\":\"EVENT\",\"eventId\":" + event + "}").statusCode()).isEqualTo(201);
        assertThat(send("POST", path, token, "{\"kind\":\"CAMPAIGN\",\"campaignId\":" + campaign + "}").statusCode()).isEqualTo(201);
        assertThat(send("POST", path, token, "{\"kind\":\"PARTNER_ROUNDUP\",\"itemIds\":[]}").statusCode()).isEqualTo(201);
        HttpResponse<String> moved = send("POST", path + "/3/move?direction=up", token, null);
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(editions.find(edition.id()).orElseThrow().blocks()).extracting(Block::kind)
                .containsExactly(BlockKind.STATEMENT, BlockKind.CAMPAIGN, BlockKind.EVENT, BlockKind.PARTNER_ROUNDUP);
        assertThat(send("DELETE", path + "/1", token, null).statusCode()).isEqualTo(200);
        assertThat(editions.find(edition.id()).orElseThrow().blocks()).extracting(Block::position).containsExactly(1, 2, 3);
    }

    @Test
    void aTestGoesToAtMostTenValidAddressesWithTheSubjectMarkedAsATest() throws Exception {
        String token = staff.apiToken(staff.networkAdmin());
        Edition edition = draft("Test sends");
        String path = "/api/v1/newsletter/editions/" + edition.id() + "/test-sends";
        String eleven = String.join(",", java.util.stream.IntStream.range(0, 11).mapToObj(i -> "\"reader" + i + "@example.net\"").toList());
        HttpResponse<String> tooMany = send("POST", path, token, "{\"addresses\":[" + eleven + "]}");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("at most 10 addresses");
        HttpResponse<String> invalid = send("POST", path, token, "{\"addresses\":[\"editor@example.net\",\"not-an-address\"]}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("not-an-address");
        HttpResponse<String> injected = send("POST", path, token, "{\"addresses\":[\"a@example.net\\r\\nBcc: b@example.net\"]}");
        assertThat(injected.statusCode()).isEqualTo(400);

        String address = NewsletterFixtures.uniqueEmail("tester");
        HttpResponse<String> sent = send("POST", path, token, "{\"addresses\":[\"" + address + "\"],\"language\":\"ar\"}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        var received = EditionsMail.receivedBy(address);
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().getSubject()).startsWith("[TEST] ").contains("النشرة: Test sends");
        assertThat(received.getFirst().getContentType()).startsWith("multipart/");
    }

    @Test
    void aSentEditionCannotBeChangedAndTheScheduleRefusesAPastTime() throws Exception {
        String token = staff.apiToken(staff.networkAdmin());
        Edition edition = draft("Schedule");
        String path = "/api/v1/newsletter/editions/" + edition.id();

        HttpResponse<String> past = send("POST", path + "/schedule", token, "{\"scheduledAt\":\"2020-01-01T10:00:00Z\"}");
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.body()).contains("\"field\":\"scheduledAt\"");
        assertThat(editions.find(edition.id()).orElseThrow().status()).isEqualTo(EditionStatus.DRAFT);

        Instant later = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> scheduled = send("POST", path + "/schedule", token, "{\"scheduledAt\":\"" + later + "\"}");
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(200);
        assertThat(editions.find(edition.id()).orElseThrow()).satisfies(e -> {
            assertThat(e.status()).isEqualTo(EditionStatus.SCHEDULED);
            assertThat(e.scheduledAt()).isEqualTo(later);
        });
        assertThat(send("DELETE", path + "/schedule", token, null).statusCode()).isEqualTo(200);
        assertThat(editions.find(edition.id()).orElseThrow().status()).isEqualTo(EditionStatus.DRAFT);

        Edition sendNow = editions.schedule(edition.id(), null);
        assertThat(sendNow.status()).isEqualTo(EditionStatus.SCHEDULED);
        assertThat(sendNow.scheduledAt()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));

        newsletter.jdbc().sql("UPDATE edition SET status = 'SENT', finished_at = now() WHERE id = :id").param("id", edition.id()).update();
        HttpResponse<String> locked = send("PUT", path, token, "{\"subject\":{\"fallback\":\"en\",\"values\":{\"en\":\"Changed\"}}}");
        assertThat(locked.statusCode()).isEqualTo(409);
        assertThat(locked.body()).contains("\"status\":\"SENT\"");
        assertThat(send("POST", path + "/blocks", token, "{\"kind\":\"TEXT\",\"text\":{\"fallback\":\"en\",\"values\":{\"en\":\"More\"}}}")
                .statusCode()).isEqualTo(409);
        assertThat(send("DELETE", path + "/schedule", token, null).statusCode()).isEqualTo(409);
        assertThat(editions.find(edition.id()).orElseThrow().subject().in("en")).isEqualTo("Schedule");
    }

    @Test
    void aPartnerMediaRoundUpShowsTheNewsroomItemsPicked() {
        var jdbc = newsletter.jdbc();
        long outlet = jdbc.sql("""
                        INSERT INTO newsroom_outlets (name, country, languages, feed_url)
                        VALUES ('Harbour Weekly', 'PT', '{pt,en}', 'https://news.example.org/feed') RETURNING id""")
                .query(Long.class).single();
        long item = jdbc.sql("""
                        INSERT INTO newsroom_items (outlet_id, dedup_key, title, link, language, picked_at)
                        VALUES (:outlet, 'guid-1', 'Dockworkers vote on the new agreement', 'https://news.example.org/dockworkers', 'en', now())
                        RETURNING id""").param("outlet", outlet).query(Long.class).single();
        Edition edition = draft("Round-up");
        editions.addBlock(edition.id(), Block.roundup(List.of(item)));

        RenderedEdition english = rendering.render(edition.id(), "en");
        assertThat(english.html()).contains("Dockworkers vote on the new agreement").contains("Harbour Weekly")
                .contains("href=\"https://news.example.org/dockworkers\"");
        assertThat(english.text()).contains("https://news.example.org/dockworkers");
    }

    @Test
    void theMailIsTablesBasedEscapedRightToLeftInArabicAndHasTheFooterPlaceholdersAndAPlainTextPart() {
        Edition edition = draft("Water <b>&</b> land");
        editions.addBlock(edition.id(), Block.text(new TranslatedText("en", Map.of("en",
                "Read [the dossier](https://example.org/dossier) now.<script>alert(1)</script>"))));
        editions.addBlock(edition.id(), Block.statement(publications.publishedStatement().id()));

        RenderedEdition english = rendering.render(edition.id(), "en");
        assertThat(english.subject()).endsWith(": Water <b>&</b> land");
        assertThat(english.html()).contains("<table role=\"presentation\"").contains("max-width:600px")
                .contains("Water &lt;b&gt;&amp;&lt;/b&gt; land").doesNotContain("<script>").doesNotContain("<b>&</b>")
                .contains("href=\"{{unsubscribe_url}}\"").contains("href=\"{{preferences_url}}\"")
                .contains("href=\"https://example.org/dossier\"").contains("lang=\"en\"").contains("dir=\"ltr\"")
                .contains("Dear readers");
        assertThat(english.text()).contains("Read the dossier (https://example.org/dossier) now.")
                .contains("Unsubscribe: {{unsubscribe_url}}").contains("Joint statement on public water")
                .contains("/statements/");
        assertThat(english.html()).doesNotContainIgnoringCase("<img");

        RenderedEdition arabic = rendering.render(edition.id(), "ar");
        assertThat(arabic.html()).contains("dir=\"rtl\"").contains("lang=\"ar\"").contains("النشرة: Water");
        RenderedEdition french = rendering.render(edition.id(), "fr");
        assertThat(french.html()).contains("lang=\"en\"");
        assertThat(french.subject()).endsWith("Water <b>&</b> land");

        RenderedEdition personal = english.personalised("https://convene.example/newsletter/unsubscribe/t1?a=1&b=2",
                "https://convene.example/newsletter/preferences/t1");
        assertThat(personal.html()).contains("href=\"https://convene.example/newsletter/unsubscribe/t1?a=1&amp;b=2\"");
    }

    @Test
    void theRecipientCountFollowsTheSegment() {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        newsletter.subscriber(NewsletterFixtures.uniqueEmail("a"), "pt", "SUBSCRIBED", null, List.of("topic" + tag));
        newsletter.subscriber(NewsletterFixtures.uniqueEmail("b"), "pt", "SUBSCRIBED", null, List.of("topic" + tag));
        newsletter.subscriber(NewsletterFixtures.uniqueEmail("c"), "pt", "PENDING", null, List.of("topic" + tag));
        assertThat(editions.recipientCount(new Segment(List.of("pt"), List.of(), List.of("topic" + tag), List.of()))).isEqualTo(2);
    }

    @Test
    void sentEditionsAreInThePublicArchiveAndItsRssFeed() throws Exception {
        Edition edition = draft("Archive " + java.util.UUID.randomUUID().toString().substring(0, 6));
        Edition draftOnly = draft("Not sent");
        newsletter.jdbc().sql("UPDATE edition SET status = 'SENT', finished_at = now() WHERE id = :id").param("id", edition.id()).update();

        HttpResponse<String> list = send("GET", "/newsletter/archive", null, null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(edition.subject().in("en")).doesNotContain("/newsletter/archive/" + draftOnly.year() + "/");

        HttpResponse<String> page = send("GET", "/newsletter/archive/" + edition.year() + "/" + edition.number() + "?lang=ar", null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("dir=\"rtl\"").contains("النشرة: Archive").doesNotContain("{{unsubscribe_url}}");
        assertThat(send("GET", "/newsletter/archive/" + draftOnly.year() + "/" + draftOnly.number(), null, null).statusCode()).isEqualTo(404);

        HttpResponse<String> rss = send("GET", "/newsletter/archive/feed.rss?lang=en", null, null);
        assertThat(rss.statusCode()).isEqualTo(200);
        assertThat(rss.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/rss+xml"));
        SyndFeed feed = new SyndFeedInput().build(new StringReader(rss.body()));
        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getEntries()).anySatisfy(entry -> {
            assertThat(entry.getTitle()).endsWith(edition.subject().in("en"));
            assertThat(entry.getLink()).endsWith("/newsletter/archive/" + edition.year() + "/" + edition.number());
            assertThat(entry.getPublishedDate()).isNotNull();
        });
        assertThat(feed.getEntries()).noneSatisfy(entry -> assertThat(entry.getTitle()).contains("Not sent"));
    }

    @Test
    void anImageIsUploadedThroughTheApiAndAnImageBlockNeedsItsAltText() throws Exception {
        String token = staff.apiToken(staff.networkAdmin());
        Edition edition = draft("Pictures");
        java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(80, 60, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(picture, "png", png);
        String boundary = "edition-" + java.util.UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"quay.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(head);
        body.write(png.toByteArray());
        body.write(tail);
        HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/newsletter/images"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String name = uploaded.body().replaceAll("(?s).*\"image\":\"([^\"]+)\".*", "$1");
        String path = "/api/v1/newsletter/editions/" + edition.id() + "/blocks";
        HttpResponse<String> noAlt = send("POST", path, token, "{\"kind\":\"IMAGE\",\"image\":\"" + name + "\"}");
        assertThat(noAlt.statusCode()).isEqualTo(400);
        assertThat(noAlt.body()).contains("\"field\":\"alt\"");
        HttpResponse<String> added = send("POST", path, token, "{\"kind\":\"IMAGE\",\"image\":\"" + name
                + "\",\"alt\":{\"fallback\":\"en\",\"values\":{\"en\":\"A quay at dusk\"}}}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(rendering.render(edition.id(), "en").html()).contains("alt=\"A quay at dusk\"").contains("src=\"http").contains("/media/" + name);
    }

    @Test
    void trackingCannotBeTurnedOn() {
        assertThatThrownBy(() -> new EditionsProperties(true, "", 20)).hasMessageContaining("not implemented");
    }

    private HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
