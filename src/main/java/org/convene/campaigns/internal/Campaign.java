package org.convene.campaigns.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.convene.platform.i18n.Languages;
import org.convene.platform.i18n.TranslatedText;

/**
 * A campaign as stored.
 *
 * @param firstDay      the first day of action, in the campaign's time zone
 * @param lastDay       the last day of action (the same as the first for a single day)
 * @param call          the call to act, in Markdown
 * @param background    why the network calls this day, in Markdown
 * @param slogans       the calls and slogans to use, in order
 * @param actionTypes   the suggested kinds of action, each with guidance and toolkit links, in order
 * @param hashtags      official hashtags, without the leading '#'
 * @param socialHandles the network's handles to mention ("@network@example.social")
 * @param contactEmail  whom to write to about the campaign; null when none
 * @param coverImage    the cover picture's name in media ({@code /media/{name}}); null when none
 */
public record Campaign(long id, String slug, TranslatedText title, TranslatedText call, LocalDate firstDay, LocalDate lastDay,
                       ZoneId zone, CampaignStatus status, TranslatedText background, List<TranslatedText> slogans,
                       List<SuggestedAction> actionTypes, List<String> hashtags, List<String> socialHandles, String contactEmail,
                       String coverImage) {

    /** A kind of action the campaign suggests, with what to know and links to the toolkit. */
    public record SuggestedAction(ActionType type, TranslatedText guidance, List<ToolkitLink> links) {

        public SuggestedAction {
            guidance = guidance == null ? TranslatedText.empty() : guidance;
            links = links == null ? List.of() : List.copyOf(links);
        }
    }

    /** A link in a toolkit: a title and an http(s) address. */
    public record ToolkitLink(String title, String url) {
    }

    public Campaign {
        background = background == null ? TranslatedText.empty() : background;
        slogans = slogans == null ? List.of() : List.copyOf(slogans);
        actionTypes = actionTypes == null ? List.of() : List.copyOf(actionTypes);
        hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
        socialHandles = socialHandles == null ? List.of() : List.copyOf(socialHandles);
    }

    public Campaign(long id, String slug, TranslatedText title, TranslatedText call, LocalDate firstDay, LocalDate lastDay,
                    ZoneId zone, CampaignStatus status) {
        this(id, slug, title, call, firstDay, lastDay, zone, status, null, null, null, null, null, null, null);
    }

    public boolean isOpen() {
        return status == CampaignStatus.OPEN;
    }

    public boolean isDraft() {
        return status == CampaignStatus.DRAFT;
    }

    /** Whether a date (in the campaign's time zone) is one of its days of action. */
    public boolean isDayOfAction(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }

    /** The languages its title or call is written in, the fallback first: the page exists in each. */
    public Set<String> languages() {
        Set<String> languages = new LinkedHashSet<>();
        languages.add(title.fallback());
        for (String code : Languages.SUPPORTED) {
            if (title.values().containsKey(code) || call.values().containsKey(code)) {
                languages.add(code);
            }
        }
        return languages;
    }

    /** The suggestion for a type, if the campaign makes one. */
    public java.util.Optional<SuggestedAction> suggestion(ActionType type) {
        return actionTypes.stream().filter(a -> a.type() == type).findFirst();
    }
}
