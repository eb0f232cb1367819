package org.convene.newsletter.editions;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convene.campaigns.CampaignDirectory;
import org.convene.events.EventDirectory;
import org.convene.platform.PlatformProperties;
import org.convene.platform.i18n.Languages;
import org.convene.platform.i18n.TranslatedText;
import org.convene.platform.text.RichText;
import org.convene.publishing.PublishedStatements;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An edition resolved into what a reader of one language sees: texts chosen (their language or
 * the fallback), Markdown turned into safe HTML and into plain text, campaigns, statements, events
 * and partner items looked up, links made absolute. The mail and the web archive both render it.
 */
@Component
public class EditionContent {

    /**
     * One block as shown: html is sanitized (safe for th:utext); every other field is plain text to be
     * escaped. language is the language its own text is in (the reader's, or a fallback).
     */
    public record Shown(BlockKind kind, String heading, String html, String text, String url, String linkLabel, String imageUrl,
                        String imageAlt, String caption, String meta, List<Link> links, String language) {
    }

    /** A link in a partner-media round-up. */
    public record Link(String title, String outlet, String url) {
    }

    /**
     * The edition in one language.
     *
     * @param language the language of the subject the reader gets (theirs, or the subject's fallback)
     * @param label    "Edition 3 (2026)"
     */
    public record View(long id, int year, int number, String language, String dir, String label, String subject, String preheader,
                       String introductionHtml, String introductionText, List<Shown> blocks, String archiveUrl) {
    }

    private static final Pattern MARKDOWN_LINK = Pattern.compile("!?\\[([^\\]]*)]\\((\\S+?)\\)");

    private final CampaignDirectory campaigns;
    private final PublishedStatements statements;
    private final EventDirectory events;
    private final PartnerRoundupSource partnerItems;
    private final PlatformProperties platform;
    private final MessageSource messages;

    EditionContent(CampaignDirectory campaigns, PublishedStatements statements, EventDirectory events, PartnerRoundupSource partnerItems,
                   PlatformProperties platform, MessageSource messages) {
        this.campaigns = campaigns;
        this.statements = statements;
        this.events = events;
        this.partnerItems = partnerItems;
        this.platform = platform;
        this.messages = messages;
    }

    /** The language a reader of {@code wanted} gets: theirs when the subject is written in it, else the subject's fallback. */
    public static String languageFor(Edition edition, String wanted) {
        return edition.subject().languageShownFor(Locale.forLanguageTag(Languages.isSupported(wanted) ? wanted : edition.subject().fallback()));
    }

    public View view(Edition edition, String wanted) {
        String language = languageFor(edition, wanted);
        Locale locale = Locale.forLanguageTag(language);
        String label = messages.getMessage("newsletter.edition.number", new Object[] {edition.number(), String.valueOf(edition.year())}, locale);
        String intro = edition.introduction().in(language);
        List<Shown> shown = new ArrayList<>();
        for (Block block : edition.blocks()) {
            Shown s = show(block, language, locale);
            if (s != null) {
                shown.add(s);
            }
        }
        String preheader = RichText.toPlainText(intro);
        if (preheader.isBlank()) {
            preheader = label;
        }
        if (preheader.length() > 140) {
            preheader = preheader.substring(0, 139).strip() + "…";
        }
        return new View(edition.id(), edition.year(), edition.number(), language,
                Languages.isRightToLeft(locale) ? "rtl" : "ltr", label, edition.subject().in(language), preheader, RichText.toHtml(intro),
                plain(intro), shown, platform.link("/newsletter/archive/" + edition.year() + "/" + edition.number()));
    }

    private Shown show(Block block, String language, Locale locale) {
        return switch (block.kind()) {
            case TEXT -> new Shown(BlockKind.TEXT, null, RichText.toHtml(block.text().in(language)), plain(block.text().in(language)),
                    null, null, null, null, null, null, List.of(), block.text().languageShownFor(locale));
            case CAMPAIGN -> campaigns.campaign(block.campaignId() == null ? -1 : block.campaignId()).map(c -> new Shown(BlockKind.CAMPAIGN,
                    c.title().in(language), null, null, platform.link(c.path() + "?lang=" + language),
                    message("newsletter.editions.mail.campaign.link", locale), image(c.coverImage()), "",
                    null, days(c.firstDay(), c.lastDay(), locale), List.of(), c.title().languageShownFor(locale))).orElse(null);
            case STATEMENT -> statements.find(block.publicationId() == null ? -1 : block.publicationId()).map(s -> {
                String lang = s.titles().containsKey(language) ? language : s.languages().getFirst();
                String summary = s.summaries().getOrDefault(lang, "");
                return new Shown(BlockKind.STATEMENT, s.titles().get(lang), RichText.toHtml(summary), plain(summary),
                        platform.link(s.path() + "?lang=" + lang), message("newsletter.editions.mail.statement.link", locale), null, null,
                        null, message("newsletter.editions.mail.statement.kind", locale), List.of(), lang);
            }).orElse(null);
            case EVENT -> events.event(block.eventId() == null ? -1 : block.eventId()).map(e -> new Shown(BlockKind.EVENT,
                    e.title().in(language), null, null, platform.link(e.path() + "?lang=" + language),
                    message("newsletter.editions.mail.event.link", locale), image(e.coverImage()), "", null,
                    when(e, locale), List.of(), e.title().languageShownFor(locale))).orElse(null);
            case PARTNER_ROUNDUP -> {
                List<Link> links = partnerItems.items(block.itemIds()).stream()
                        .map(i -> new Link(i.title(), i.outlet(), i.url())).toList();
                yield links.isEmpty() ? null : new Shown(BlockKind.PARTNER_ROUNDUP, message("newsletter.editions.mail.roundup", locale),
                        null, null, null, null, null, null, null, null, links, language);
            }
            case IMAGE -> block.image() == null ? null : new Shown(BlockKind.IMAGE, null, null, null, null, null, image(block.image()),
                    block.alt().in(language), block.caption().in(language), null, List.of(), block.caption().isEmpty()
                    ? block.alt().languageShownFor(locale) : block.caption().languageShownFor(locale));
        };
    }

    private String image(String name) {
        return name == null || name.isBlank() ? null : platform.link("/media/" + name);
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static String days(java.time.LocalDate first, java.time.LocalDate last, Locale locale) {
        DateTimeFormatter f = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        return first.equals(last) ? f.format(first) : f.format(first) + " – " + f.format(last);
    }

    private String when(EventDirectory.EventEntry e, Locale locale) {
        ZoneId zone = e.zone() == null ? ZoneId.of("UTC") : e.zone();
        String time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                .format(e.startsAt().atZone(zone)) + " (" + zone.getId() + ")";
        String where = e.venueName() != null && !e.venueName().isBlank() ? e.venueName()
                : e.online() ? message("newsletter.editions.mail.event.online", locale) : null;
        return where == null ? time : time + " · " + where;
    }

    /** Markdown as plain text for the text part: links as "label (url)", emphasis and heading marks dropped. */
    static String plain(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Matcher m = MARKDOWN_LINK.matcher(markdown);
        String text = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1).isBlank() ? r.group(2) : r.group(1) + " (" + r.group(2) + ")"));
        text = text.replaceAll("(?m)^#{1,6}\\s*", "").replaceAll("\\*\\*|__", "").replaceAll("(?<![\\w*])\\*(?!\\s)([^*\\n]+)\\*", "$1");
        return text.strip();
    }
}
