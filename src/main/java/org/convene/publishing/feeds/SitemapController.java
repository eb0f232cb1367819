package org.convene.publishing.feeds;

import jakarta.annotation.security.PermitAll;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.convene.platform.PlatformProperties;
import org.convene.search.SearchIndex;
import org.convene.search.SearchKind;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /sitemap.xml}: public statements and news (each language with its alternates,
 * {@code xhtml:link rel="alternate" hreflang}), events, organizations and resources as the search
 * index holds them, and open and closed campaigns; {@code /robots.txt} points at it.
 */
@Controller
class SitemapController {

    /** The sitemap protocol's limit for one file. */
    static final int MAX_URLS = 50_000;
    private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String XHTML_NS = "http://www.w3.org/1999/xhtml";

    private final PublishedTexts texts;
    private final SearchIndex index;
    private final PlatformProperties platform;
    private final JdbcClient jdbc;

    SitemapController(PublishedTexts texts, SearchIndex index, PlatformProperties platform, JdbcClient jdbc) {
        this.texts = texts;
        this.index = index;
        this.platform = platform;
        this.jdbc = jdbc;
    }

    @GetMapping(value = "/robots.txt", produces = "text/plain;charset=UTF-8")
    @PermitAll
    ResponseEntity<String> robots() {
        String body = """
                User-agent: *
                Disallow: /admin/
                Disallow: /account/
                Disallow: /login
                Disallow: /api/
                Sitemap: %s
                """.formatted(platform.link("/sitemap.xml"));
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic()).body(body);
    }

    @GetMapping(value = "/sitemap.xml")
    @PermitAll
    ResponseEntity<String> sitemap() throws XMLStreamException {
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("urlset");
        xml.writeDefaultNamespace(SITEMAP_NS);
        xml.writeNamespace("xhtml", XHTML_NS);
        int[] written = {0};
        Map<Long, List<PublishedTexts.Text>> byPublication = new LinkedHashMap<>();
        texts.all(MAX_URLS).forEach(t -> byPublication.computeIfAbsent(t.id(), id -> new java.util.ArrayList<>()).add(t));
        for (List<PublishedTexts.Text> languages : byPublication.values()) {
            for (PublishedTexts.Text text : languages) {
                if (written[0]++ >= MAX_URLS) {
                    break;
                }
                xml.writeStartElement("url");
                element(xml, "loc", platform.link(text.path()));
                element(xml, "lastmod", date(text.updated()));
                if (languages.size() > 1) {
                    for (PublishedTexts.Text alternate : languages) {
                        xml.writeEmptyElement("xhtml", "link", XHTML_NS);
                        xml.writeAttribute("rel", "alternate");
                        xml.writeAttribute("hreflang", alternate.language());
                        xml.writeAttribute("href", platform.link(alternate.path()));
                    }
                }
                xml.writeEndElement();
            }
        }
        // Events, organizations and resources: one address per page (their languages share it).
        Map<String, Instant> pages = new LinkedHashMap<>();
        index.pages(EnumSet.of(SearchKind.EVENT, SearchKind.ORGANIZATION, SearchKind.RESOURCE), MAX_URLS)
                .forEach(p -> pages.merge(p.urlPath(), p.updatedAt(), (a, b) -> a.isAfter(b) ? a : b));
        pages.putAll(campaigns());
        for (Map.Entry<String, Instant> page : pages.entrySet()) {
            if (written[0]++ >= MAX_URLS) {
                break;
            }
            xml.writeStartElement("url");
            element(xml, "loc", platform.link(page.getKey()));
            element(xml, "lastmod", date(page.getValue()));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/xml;charset=UTF-8"))
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic()).body(out.toString());
    }

    /** Open and closed campaigns (drafts are not public), read straight from the campaigns' table. */
    private Map<String, Instant> campaigns() {
        Map<String, Instant> pages = new LinkedHashMap<>();
        jdbc.sql("SELECT slug, updated_at FROM campaign WHERE status IN ('OPEN', 'CLOSED') ORDER BY id LIMIT :limit")
                .param("limit", MAX_URLS)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs ->
                        pages.put("/campaigns/" + rs.getString("slug"), rs.getTimestamp("updated_at").toInstant()));
        return pages;
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static String date(Instant instant) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(instant.atOffset(ZoneOffset.UTC));
    }
}
