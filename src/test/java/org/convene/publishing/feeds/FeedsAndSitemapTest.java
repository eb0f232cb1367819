package org.convene.publishing.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.convene.events.EventFixtures;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventFormat;
import org.convene.publishing.PublicationFixtures;
import org.convene.publishing.internal.Publication;
import org.convene.support.ConveneTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * RSS and Atom feeds (parsed back with Rome), the sitemap (parsed with an XML parser that refuses
 * DTDs), robots.txt, and statements and news kept in the search index by the reconciling job:
 * published, translated, scheduled and withdrawn.
 */
@ConveneTest
class FeedsAndSitemapTest {

    private static final String BASE = "http://localhost:8080";

    @LocalServerPort
    int port;
    @Autowired
    PublicationFixtures fixtures;
    @Autowired
    PublicationSearch search;
    @Autowired
    EventFixtures events;
    @Autowired
    org.thymeleaf.spring6.SpringTemplateEngine templates;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theStatementFeedsHoldPublishedTranslationsInTheirLanguageOnly() throws Exception {
        Publication statement = fixtures.publishedStatement();
        fixtures.addPublishedTranslation(statement.id(), "es", "Declaración conjunta " + statement.slug(), "El agua es **pública**.");
        Publication draft = fixtures.draftStatement();
        Publication news = fixtures.publishedNews();

        SyndFeed rss = feed("/statements/feed.rss?lang=en");
        assertThat(rss.getFeedType()).isEqualTo("rss_2.0");
        SyndEntry entry = entry(rss, BASE + "/statements/" + statement.slug());
        assertThat(entry.getTitle()).startsWith("Joint statement on public water ");
        assertThat(entry.getDescription().getValue()).isEqualTo("Member organizations agree on a shared position.");
        assertThat(entry.getCategories()).extracting(SyndCategory::getName).containsExactly("water");
        assertThat(entry.getPublishedDate()).isNotNull();
        assertThat(entry.getUri()).isEqualTo(BASE + "/statements/" + statement.slug());
        assertThat(links(rss)).doesNotContain(BASE + "/statements/" + draft.slug(), BASE + "/news/" + news.slug())
                .noneMatch(link -> link.contains("lang=es"));

        SyndFeed spanish = feed("/statements/feed.atom?lang=es");
        assertThat(spanish.getFeedType()).isEqualTo("atom_1.0");
        assertThat(spanish.getLanguage()).isEqualTo("es");
        assertThat(spanish.getTitle()).isEqualTo("Declaraciones");
        SyndEntry translated = entry(spanish, BASE + "/statements/" + statement.slug() + "?lang=es");
        assertThat(translated.getTitle()).isEqualTo("Declaración conjunta " + statement.slug());
        assertThat(translated.getDescription().getValue()).isEqualTo("El agua es pública.");
        assertThat(translated.getUpdatedDate()).isNotNull();

        assertThat(links(feed("/news/feed.rss"))).contains(BASE + "/news/" + news.slug()).doesNotContain(BASE + "/statements/" + statement.slug());
        assertThat(links(feed("/news/feed.atom?lang=en"))).contains(BASE + "/news/" + news.slug());
    }

    @Test
    void aFeedInALanguageConveneDoesNotSpeakIsNotFound() throws Exception {
        HttpResponse<String> response = get("/statements/feed.rss?lang=xx");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("There is no feed in this language").contains("en, es, fr, pt, id, ar");
        assertThat(get("/news/feed.atom?lang=de").statusCode()).isEqualTo(404);
    }

    @Test
    void theSitemapListsEveryLanguageWithItsAlternatesAndRobotsPointsAtIt() throws Exception {
        Publication statement = fixtures.publishedStatement();
        fixtures.addPublishedTranslation(statement.id(), "ar", "بيان مشترك", "نص البيان");
        Publication draft = fixtures.draftStatement();
        Event event = events.published(EventFormat.ONLINE, 0);
        search.sync();

        HttpResponse<String> response = get("/sitemap.xml");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/xml"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setExpandEntityReferences(false);
        Document sitemap = factory.newDocumentBuilder().parse(new InputSource(new StringReader(response.body())));
        NodeList urls = sitemap.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "url");
        List<String> locations = new ArrayList<>();
        Element arabic = null;
        for (int i = 0; i < urls.getLength(); i++) {
            Element url = (Element) urls.item(i);
            String loc = url.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc").item(0).getTextContent();
            locations.add(loc);
            if (loc.equals(BASE + "/statements/" + statement.slug() + "?lang=ar")) {
                arabic = url;
            }
        }
        assertThat(locations).contains(BASE + "/statements/" + statement.slug(), BASE + "/events/" + event.slug())
                .doesNotContain(BASE + "/statements/" + draft.slug());
        assertThat(arabic).isNotNull();
        NodeList alternates = arabic.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "link");
        List<String> hreflangs = new ArrayList<>();
        for (int i = 0; i < alternates.getLength(); i++) {
            Element link = (Element) alternates.item(i);
            assertThat(link.getAttribute("rel")).isEqualTo("alternate");
            hreflangs.add(link.getAttribute("hreflang") + " " + link.getAttribute("href"));
        }
        assertThat(hreflangs).containsExactlyInAnyOrder("en " + BASE + "/statements/" + statement.slug(),
                "ar " + BASE + "/statements/" + statement.slug() + "?lang=ar");

        assertThat(get("/robots.txt").body()).contains("Sitemap: " + BASE + "/sitemap.xml").contains("Disallow: /admin/");
    }

    @Test
    void theSearchIndexFollowsPublishingSchedulingAndWithdrawal() throws Exception {
        Publication statement = fixtures.publishedStatement();
        String tag = statement.slug().substring(statement.slug().lastIndexOf("-public-water-") + "-public-water-".length(),
                statement.slug().lastIndexOf('-'));
        fixtures.addPublishedTranslation(statement.id(), "fr", "Déclaration commune " + tag, "Les réseaux publics de l'eau.");
        search.sync();
        JsonNode found = api("q=" + enc("water " + tag));
        assertThat(found.get("results")).hasSize(1);
        assertThat(found.get("results").get(0).get("kind").asString()).isEqualTo("STATEMENT");
        assertThat(found.get("results").get(0).get("titleHtml").asString()).contains("<mark>water</mark>");
        // French stemming finds "réseaux" from "réseau" in the French translation only.
        JsonNode french = api("q=" + enc("réseau " + tag) + "&lang=fr");
        assertThat(french.get("results")).hasSize(1);
        assertThat(french.get("results").get(0).get("url").asString()).isEqualTo(BASE + "/statements/" + statement.slug() + "?lang=fr");

        // Scheduled for later: not public, so not found; once its time has come, found again.
        fixtures.jdbc().sql("UPDATE publication SET publish_at = now() + interval '1 hour', updated_at = now() WHERE id = :id")
                .param("id", statement.id()).update();
        search.sync();
        assertThat(api("q=" + enc(tag)).get("results")).isEmpty();
        fixtures.jdbc().sql("UPDATE publication SET publish_at = now() - interval '1 second' WHERE id = :id").param("id", statement.id()).update();
        search.sync();
        assertThat(api("q=" + enc(tag)).get("results")).hasSize(2);

        // A translation withdrawn without touching updated_at still leaves the index.
        fixtures.jdbc().sql("UPDATE publication_translation SET status = 'DRAFT' WHERE publication_id = :id AND language = 'fr'")
                .param("id", statement.id()).update();
        search.sync();
        assertThat(api("q=" + enc(tag)).get("results").findValuesAsString("language")).containsExactly("en");
        fixtures.jdbc().sql("DELETE FROM publication WHERE id = :id").param("id", statement.id()).update();
        search.sync();
        assertThat(api("q=" + enc(tag)).get("results")).isEmpty();
    }

    @Test
    void theAutodiscoveryFragmentLinksBothFeedsOfTheLanguage() throws Exception {
        // The fragment is for the statement and news pages' <head>; rendered here from a test page that includes it.
        var request = new org.springframework.mock.web.MockHttpServletRequest("GET", "/news/some-post");
        var exchange = org.thymeleaf.web.servlet.JakartaServletWebApplication.buildApplication(new org.springframework.mock.web.MockServletContext())
                .buildExchange(request, new org.springframework.mock.web.MockHttpServletResponse());
        var context = new org.thymeleaf.context.WebContext(exchange, java.util.Locale.forLanguageTag("ar"),
                java.util.Map.of("kind", "NEWS", "lang", "ar"));
        String html = templates.process("test/feeds-autodiscovery", context);
        assertThat(html).contains("rel=\"alternate\" type=\"application/rss+xml\" href=\"/news/feed.rss?lang=ar\"")
                .contains("type=\"application/atom+xml\" href=\"/news/feed.atom?lang=ar\"").contains("title=\"الأخبار (RSS)\"");
    }

    private SyndFeed feed(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return new SyndFeedInput().build(new StringReader(response.body()));
    }

    private static SyndEntry entry(SyndFeed feed, String link) {
        return feed.getEntries().stream().filter(e -> e.getLink().equals(link)).findFirst()
                .orElseThrow(() -> new AssertionError("No entry " + link + " in " + links(feed)));
    }

    private static List<String> links(SyndFeed feed) {
        return feed.getEntries().stream().map(SyndEntry::getLink).toList();
    }

    private JsonNode api(String query) throws Exception {
        HttpResponse<String> response = get("/api/v1/search?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
