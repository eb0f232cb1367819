package org.convene.campaigns.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.convene.campaigns.internal.ActionType;
import org.convene.campaigns.internal.Campaign;
import org.convene.platform.i18n.Languages;
import org.convene.platform.i18n.TranslatedText;
import org.convene.platform.text.RichText;

/**
 * A campaign as a reader of one language sees it: each text in their language or the fallback,
 * marked with the language actually shown; Markdown turned into safe HTML; the days of action in
 * the reader's date format; and where the countdown stands in the campaign's own time zone.
 */
public record CampaignView(Campaign campaign, Text title, Text call, Text background, String description, List<Text> slogans,
                    List<ActionView> actions, String days, Countdown countdown) {

    /** A text shown to the reader: plain or HTML, with the language and direction it is written in. */
    public record Text(String text, String lang, String dir) {

        static Text of(TranslatedText translated, Locale locale) {
            String lang = translated.languageShownFor(locale);
            return new Text(translated.in(locale), lang, direction(lang));
        }

        static Text html(TranslatedText translated, Locale locale) {
            Text plain = of(translated, locale);
            return new Text(RichText.toHtml(plain.text()), plain.lang(), plain.dir());
        }

        public boolean isEmpty() {
            return text == null || text.isBlank();
        }
    }

    public record ActionView(ActionType type, Text guidance, List<Campaign.ToolkitLink> links, List<ToolkitFiles.ToolkitFile> files) {
    }

    /**
     * @param state     {@code before}, {@code today} or {@code over}
     * @param daysLeft  whole days from today to the first day, in the campaign's time zone
     * @param startsIso the first day's start, an instant for the live countdown
     * @param endsIso   the end of the last day
     */
    public record Countdown(String state, long daysLeft, String startsIso, String endsIso) {
    }

    static CampaignView of(Campaign campaign, Locale locale, List<ToolkitFiles.ToolkitFile> files) {
        Text call = Text.html(campaign.call(), locale);
        List<ActionView> actions = campaign.actionTypes().stream()
                .map(a -> new ActionView(a.type(), Text.html(a.guidance(), locale), a.links(),
                        files.stream().filter(f -> f.actionType() == a.type()).toList()))
                .toList();
        String description = RichText.toPlainText(campaign.call().in(locale));
        if (description.length() > 200) {
            description = description.substring(0, 197).strip() + "…";
        }
        return new CampaignView(campaign, Text.of(campaign.title(), locale), call, Text.html(campaign.background(), locale),
                description, campaign.slogans().stream().map(s -> Text.of(s, locale)).toList(), actions, days(campaign, locale),
                countdown(campaign, LocalDate.now(campaign.zone())));
    }

    /** What the staff list and the public list need. */
    static CampaignView summary(Campaign campaign, Locale locale) {
        return new CampaignView(campaign, Text.of(campaign.title(), locale), null, null, null, List.of(), List.of(),
                days(campaign, locale), countdown(campaign, LocalDate.now(campaign.zone())));
    }

    static Countdown countdown(Campaign campaign, LocalDate today) {
        String starts = campaign.firstDay().atStartOfDay(campaign.zone()).toInstant().toString();
        String ends = campaign.lastDay().plusDays(1).atStartOfDay(campaign.zone()).toInstant().toString();
        String state = today.isBefore(campaign.firstDay()) ? "before" : today.isAfter(campaign.lastDay()) ? "over" : "today";
        return new Countdown(state, Math.max(0, ChronoUnit.DAYS.between(today, campaign.firstDay())), starts, ends);
    }

    private static String days(Campaign campaign, Locale locale) {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        String first = format.format(campaign.firstDay());
        return campaign.firstDay().equals(campaign.lastDay()) ? first : first + " – " + format.format(campaign.lastDay());
    }

    static String direction(String lang) {
        return Languages.isRightToLeft(Locale.forLanguageTag(lang)) ? "rtl" : "ltr";
    }

    /** The time zone's identifier, shown next to the days ("Europe/Lisbon"). */
    public String zone() {
        return campaign.zone().getId();
    }
}
