package org.convene.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.convene.newsroom.internal.FeedReader;
import org.convene.newsroom.internal.RefusedFeedException;
import org.junit.jupiter.api.Test;

/** Feed formats Rome reads, and hostile or broken XML refused without harm. */
class FeedReaderTest {

    private static List<FeedReader.Entry> read(String xml) throws RefusedFeedException {
        return FeedReader.read(xml.getBytes(StandardCharsets.UTF_8), "es");
    }

    private static RefusedFeedException refused(String xml) {
        return catchThrowableOfType(RefusedFeedException.class, () -> read(xml));
    }

    @Test
    void readsRss2WithGuidsPlainTextSummariesAndTheFeedLanguage() throws Exception {
        List<FeedReader.Entry> entries = read("""
                <?xml version="1.0"?>
                <rss version="2.0"><channel><title>T</title><link>https://news.example.org/</link><description>d</description>
                <language>fr-FR</language>
                <item><guid>urn:item:1</guid><title>Rivers &amp; lakes</title><link>https://news.example.org/a</link>
                  <description>&lt;p&gt;A &lt;b&gt;bold&lt;/b&gt; start&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; more&lt;/p&gt;</description>
                  <author>ana@example.org (Ana)</author><pubDate>Tue, 10 Nov 2026 08:00:00 GMT</pubDate></item>
                <item><title>No guid</title><link>https://news.example.org/b</link></item>
                <item><title>Script link</title><link>javascript:alert(1)</link></item>
                <item><title>Data link</title><link>data:text/html,hi</link></item>
                </channel></rss>""");
        assertThat(entries).hasSize(2);
        FeedReader.Entry first = entries.getFirst();
        assertThat(first.key()).isEqualTo("id:urn:item:1");
        assertThat(first.title()).isEqualTo("Rivers & lakes");
        assertThat(first.summary()).isEqualTo("A bold start & more");
        assertThat(first.language()).isEqualTo("fr");
        assertThat(first.published()).isEqualTo(java.time.Instant.parse("2026-11-10T08:00:00Z"));
        assertThat(entries.get(1).key()).isEqualTo("link:https://news.example.org/b");
    }

    @Test
    void readsAtomRss1AndRss091() throws Exception {
        List<FeedReader.Entry> atom = read("""
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:feed</id><updated>2026-11-20T10:00:00Z</updated>
                <entry><id>urn:atom:1</id><title>Atom entry</title><link href="https://atom.example.org/1"/>
                <updated>2026-11-20T10:00:00Z</updated><summary>Short</summary><author><name>Bo</name></author></entry></feed>""");
        assertThat(atom).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("id:urn:atom:1");
            assertThat(e.link()).isEqualTo("https://atom.example.org/1");
            assertThat(e.language()).isEqualTo("es");
            assertThat(e.published()).isEqualTo(java.time.Instant.parse("2026-11-20T10:00:00Z"));
        });
        List<FeedReader.Entry> rdf = read("""
                <?xml version="1.0"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
                <channel rdf:about="https://rdf.example.org/"><title>R</title><link>https://rdf.example.org/</link><description>d</description></channel>
                <item rdf:about="https://rdf.example.org/1"><title>RDF item</title><link>https://rdf.example.org/1</link></item>
                </rdf:RDF>""");
        assertThat(rdf).extracting(FeedReader.Entry::title).containsExactly("RDF item");
        List<FeedReader.Entry> old = read("""
                <?xml version="1.0"?>
                <rss version="0.91"><channel><title>O</title><link>https://old.example.org/</link><description>d</description>
                <language>pt</language><item><title>Old item</title><link>https://old.example.org/1</link></item></channel></rss>""");
        assertThat(old).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Old item");
            assertThat(e.language()).isEqualTo("pt");
        });
    }

    @Test
    void anXmlBombIsRefused() {
        String bomb = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [
                  <!ENTITY lol "lol">
                  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
                  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
                  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
                  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
                  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
                  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
                ]>
                <rss version="2.0"><channel><title>&lol9;</title><link>https://x.example.org/</link><description>d</description>
                <item><title>&lol9;</title><link>https://x.example.org/1</link></item></channel></rss>""";
        long started = System.nanoTime();
        assertThat(refused(bomb).code()).isEqualTo("doctype");
        assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
    }

    @Test
    void externalEntitiesAreRefusedAndNothingLeaks() throws Exception {
        String fileXxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>t</title><link>https://x.example.org/</link><description>d</description>
                <item><title>&xxe;</title><link>https://x.example.org/1</link><description>&xxe;</description></item></channel></rss>""";
        RefusedFeedException refused = refused(fileXxe);
        assertThat(refused.code()).isEqualTo("doctype");
        assertThat(refused.getMessage()).doesNotContain("root:");

        try (FeedServer internal = new FeedServer("127.0.0.1").on("/secret", e -> FeedServer.send(e, 200, "text/plain", "secret"))) {
            String httpXxe = """
                    <?xml version="1.0"?>
                    <!DOCTYPE rss SYSTEM "%s" [<!ENTITY %% remote SYSTEM "%s"> %%remote;]>
                    <rss version="2.0"><channel><title>t</title><link>https://x.example.org/</link><description>d</description></channel></rss>"""
                    .formatted(internal.url("/secret"), internal.url("/secret"));
            assertThat(refused(httpXxe).code()).isEqualTo("doctype");
            assertThat(internal.totalHits()).as("no request to the entity's address").isZero();
        }
    }

    @Test
    void malformedFeedsAreRefused() {
        assertThat(refused("<rss version=\"2.0\"><channel><title>unclosed").code()).isEqualTo("malformed");
        assertThat(refused("this is not XML at all").code()).isEqualTo("malformed");
        assertThat(refused("<?xml version=\"1.0\"?><html><body>not a feed</body></html>").code()).isEqualTo("malformed");
        assertThat(refused("").code()).isEqualTo("malformed");
    }
}
