package org.convene.publishing.feeds;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.convene.platform.PlatformProperties;
import org.convene.platform.i18n.Languages;
import org.convene.platform.text.RichText;
import org.convene.publishing.internal.PublicationKind;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * RSS 2.0 and Atom feeds of statements and news, one per language: {@code /statements/feed.rss?lang=es},
 * {@code /news/feed.atom}, ... Each holds the latest published translations in that language only
 * (English without {@code lang}).
 */
@Controller
class FeedController {

    private static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");
    private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    private static final int SUMMARY_LENGTH = 500;

    private final PublishedTexts texts;
    private final PlatformProperties platform;
    private final FeedsProperties properties;
    private final MessageSource messages;

    FeedController(PublishedTexts texts, PlatformProperties platform, FeedsProperties properties, MessageSource messages) {
        this.texts = texts;
        this.platform = platform;
        this.properties = properties;
        this.messages = messages;
    }

    // Literal paths: they must win over the publication pages' /statements/{slug} and /news/{slug}.
    @GetMapping("/statements/feed.rss")
    @PermitAll
    ResponseEntity<String> statementsRss(@RequestParam(name = "lang", required = false) String lang) {
        return feed(PublicationKind.STATEMENT, false, lang);
    }

    @GetMapping("/statements/feed.atom")
    @PermitAll
    ResponseEntity<String> statementsAtom(@RequestParam(name = "lang", required = false) String lang) {
        return feed(PublicationKind.STATEMENT, true, lang);
    }

    @GetMapping("/news/feed.rss")
    @PermitAll
    ResponseEntity<String> newsRss(@RequestParam(name = "lang", required = false) String lang) {
        return feed(PublicationKind.NEWS, false, lang);
    }

    @GetMapping("/news/feed.atom")
    @PermitAll
    ResponseEntity<String> newsAtom(@RequestParam(name = "lang", required = false) String lang) {
        return feed(PublicationKind.NEWS, true, lang);
    }

    private ResponseEntity<String> feed(PublicationKind kind, boolean atom, String lang) {
        String language = lang == null || lang.isBlank() ? Languages.DEFAULT : lang.strip();
        if (!Languages.isSupported(language)) {
            String message = messages.getMessage("feeds.error.language", new Object[] {String.join(", ", Languages.SUPPORTED)},
                    Locale.forLanguageTag(Languages.DEFAULT));
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
                    .body(message);
        }
        String selfPath = path(kind, atom, language);
        try {
            String body = new SyndFeedOutput().outputString(feed(kind, language, atom, selfPath));
            return ResponseEntity.ok().contentType(atom ? ATOM : RSS)
                    .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).body(body);
        } catch (FeedException unwritable) {
            throw new IllegalStateException("The feed could not be written", unwritable);
        }
    }

    /** A feed's address, for the autodiscovery links and the feed's own self link. */
    static String path(PublicationKind kind, boolean atom, String language) {
        return (kind == PublicationKind.NEWS ? "/news" : "/statements") + "/feed." + (atom ? "atom" : "rss") + "?lang=" + language;
    }

    SyndFeed feed(PublicationKind kind, String language, boolean atom, String selfPath) {
        Locale locale = Locale.forLanguageTag(language);
        List<PublishedTexts.Text> latest = texts.latest(kind, language, properties.items());
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(atom ? "atom_1.0" : "rss_2.0");
        feed.setTitle(messages.getMessage("feeds.title." + kind, null, locale));
        feed.setDescription(messages.getMessage("feeds.description." + kind, null, locale));
        String page = platform.link(kind == PublicationKind.NEWS ? "/news" : "/statements");
        feed.setLink(page);
        feed.setUri(platform.link(selfPath));
        feed.setLanguage(language);
        SyndLink alternate = link(page, "alternate", "text/html");
        SyndLink self = link(platform.link(selfPath), "self", atom ? "application/atom+xml" : "application/rss+xml");
        feed.setLinks(List.of(alternate, self));
        feed.setPublishedDate(Date.from(latest.stream().map(PublishedTexts.Text::updated).max(Instant::compareTo).orElse(Instant.EPOCH)));
        feed.setEntries(latest.stream().map(this::entry).toList());
        return feed;
    }

    private SyndEntry entry(PublishedTexts.Text text) {
        SyndEntry entry = new SyndEntryImpl();
        String url = platform.link(text.path());
        entry.setTitle(text.title());
        entry.setLink(url);
        entry.setUri(url);
        entry.setPublishedDate(Date.from(text.published()));
        entry.setUpdatedDate(Date.from(text.updated()));
        SyndContent description = new SyndContentImpl();
        description.setType("text/plain");
        description.setValue(summary(text));
        entry.setDescription(description);
        entry.setCategories(text.tags().stream().map(tag -> {
            SyndCategory category = new SyndCategoryImpl();
            category.setName(tag);
            return category;
        }).toList());
        return entry;
    }

    /** Plain text (feed readers show it as it is): the summary, or the start of the text. */
    static String summary(PublishedTexts.Text text) {
        String summary = text.summary() != null && !text.summary().isBlank() ? text.summary().strip() : RichText.toPlainText(text.body()).strip();
        // Plain text of Markdown leaves a space where inline markup ended ("**public**." gives "public .").
        summary = summary.replaceAll("\\s+", " ").replaceAll(" ([.,;:!?])", "$1");
        return summary.length() <= SUMMARY_LENGTH ? summary : summary.substring(0, SUMMARY_LENGTH - 1).strip() + "…";
    }

    private static SyndLink link(String href, String rel, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setHref(href);
        link.setRel(rel);
        link.setType(type);
        return link;
    }
}
