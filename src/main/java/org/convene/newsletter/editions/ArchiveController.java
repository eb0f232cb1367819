package org.convene.newsletter.editions;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.convene.platform.PlatformProperties;
import org.convene.platform.text.RichText;
import org.convene.platform.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public archive of sent editions, in the reader's language (or each edition's fallback):
 * a paginated list, each edition as a web page rendered from the same content as the mail but
 * without personal links, and an RSS 2.0 feed.
 */
@Controller
class ArchiveController {

    private final Editions editions;
    private final EditionContent content;
    private final EditionsProperties properties;
    private final PlatformProperties platform;
    private final MessageSource messages;

    ArchiveController(Editions editions, EditionContent content, EditionsProperties properties, PlatformProperties platform,
                      MessageSource messages) {
        this.editions = editions;
        this.content = content;
        this.properties = properties;
        this.platform = platform;
        this.messages = messages;
    }

    @PermitAll
    @GetMapping("/newsletter/archive")
    String archive(@RequestParam(defaultValue = "1") int page, Locale locale, Model model) {
        int size = properties.archivePageSize();
        long total = editions.sentCount();
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int current = Math.min(Math.max(page, 1), pages);
        model.addAttribute("editions", editions.sent(current - 1, size).stream()
                .map(e -> content.view(e, locale.getLanguage())).toList());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        return "newsletter/archive-list";
    }

    @PermitAll
    @GetMapping("/newsletter/archive/{year:\\d{4}}/{number:\\d{1,6}}")
    String edition(@PathVariable int year, @PathVariable int number, Locale locale, Model model) {
        Edition edition = editions.findSent(year, number).orElseThrow(() -> new NotFoundException("No such edition"));
        model.addAttribute("edition", content.view(edition, locale.getLanguage()));
        return "newsletter/archive-edition";
    }

    @PermitAll
    @GetMapping(value = "/newsletter/archive/feed.rss", produces = "application/rss+xml")
    ResponseEntity<String> feed(Locale locale) throws FeedException {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("rss_2.0");
        feed.setTitle(messages.getMessage("newsletter.editions.archive.title", null, locale));
        feed.setDescription(messages.getMessage("newsletter.editions.archive.feedDescription", null, locale));
        feed.setLink(platform.link("/newsletter/archive"));
        feed.setLanguage(locale.getLanguage());
        List<SyndEntry> entries = new ArrayList<>();
        for (Edition edition : editions.sent(0, 50)) {
            EditionContent.View view = content.view(edition, locale.getLanguage());
            SyndEntry entry = new SyndEntryImpl();
            entry.setTitle(view.label() + ": " + view.subject());
            entry.setLink(view.archiveUrl());
            entry.setUri(view.archiveUrl());
            java.time.Instant when = edition.finishedAt() != null ? edition.finishedAt() : edition.scheduledAt();
            if (when != null) {
                entry.setPublishedDate(Date.from(when));
            }
            SyndContent description = new SyndContentImpl();
            description.setType("text/plain");
            description.setValue(RichText.toPlainText(edition.introduction().in(view.language())));
            entry.setDescription(description);
            entries.add(entry);
        }
        feed.setEntries(entries);
        String xml = new SyndFeedOutput().outputString(feed);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/rss+xml;charset=UTF-8")).body(xml);
    }
}
