package org.convene.newsroom.internal;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.owasp.html.Encoding;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom with Rome. Documents with a DOCTYPE are refused (Rome's default,
 * set again here), so neither entity expansion nor external entities get a chance; summaries are
 * reduced to plain text and links to http(s).
 */
public final class FeedReader {

    /** One entry as the newsroom stores it; {@code key} is "id:" + the GUID, else "link:" + the link. */
    public record Entry(String key, String title, String link, String summary, String author, Instant published, String language) {
    }

    static final int MAX_ENTRIES = 500;
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final PolicyFactory TEXT_ONLY = new HtmlPolicyBuilder().toFactory();

    private FeedReader() {
    }

    /** The feed's entries (at most 500), each with the feed's language or else the fallback. */
    public static List<Entry> read(byte[] body, String fallbackLanguage) throws RefusedFeedException {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            input.setXmlHealerOn(false);
            feed = input.build(new XmlReader(new ByteArrayInputStream(body)));
        } catch (FeedException | IOException | IllegalArgumentException e) {
            String reason = String.valueOf(e.getMessage());
            throw new RefusedFeedException(reason.contains("DOCTYPE") ? "doctype" : "malformed",
                    reason.length() > 200 ? reason.substring(0, 200) : reason);
        }
        String language = language(feed.getLanguage(), fallbackLanguage);
        List<Entry> entries = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            if (entries.size() == MAX_ENTRIES) {
                break;
            }
            String link = webLink(entry.getLink());
            if (link == null) {
                continue;
            }
            String guid = clip(entry.getUri(), 1000);
            // Rome gives the link as the URI of an RSS item without a GUID
            String key = guid != null && !guid.isBlank() && !guid.equals(link) ? "id:" + guid : "link:" + link;
            String title = plain(entry.getTitle(), 500);
            String summary = entry.getDescription() != null ? plain(entry.getDescription().getValue(), 2000)
                    : entry.getContents().stream().map(SyndContent::getValue).findFirst().map(v -> plain(v, 2000)).orElse(null);
            Date published = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
            entries.add(new Entry(key, title == null || title.isBlank() ? link : title, link, blankToNull(summary),
                    blankToNull(plain(entry.getAuthor(), 200)), published == null ? null : published.toInstant(), language));
        }
        return entries;
    }

    /** The feed's language if it is an ISO 639-1 code ("fr-CA" is fr), else the fallback. */
    static String language(String declared, String fallback) {
        if (declared != null) {
            String code = declared.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
            if (code.length() == 2 && LANGUAGES.contains(code)) {
                return code;
            }
        }
        return fallback;
    }

    /** An absolute http(s) link, else null. */
    static String webLink(String link) {
        if (link == null || link.isBlank() || link.length() > 2000) {
            return null;
        }
        try {
            URI uri = new URI(link.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri.toString() : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** Markup removed, entities decoded, white space collapsed, clipped to a length. */
    static String plain(String html, int max) {
        if (html == null) {
            return null;
        }
        String text = Encoding.decodeHtml(TEXT_ONLY.sanitize(html.replaceAll("(?i)<(br|/p|/div|/li)[^>]*>", " ")), false)
                .replaceAll("\\s+", " ").strip();
        return clip(text, max);
    }

    private static String clip(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1).strip() + "…";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
