package org.convene.campaigns.internal;

import java.time.LocalDate;
import java.util.List;
import org.convene.platform.i18n.TranslatedText;

/**
 * What staff write to create or change a campaign; checked by {@link Campaigns}. Blank slogans,
 * hashtags and handles are left out; a leading '#' of a hashtag is dropped.
 */
public record CampaignDraft(TranslatedText title, TranslatedText call, LocalDate firstDay, LocalDate lastDay, String timeZone,
                            CampaignStatus status, TranslatedText background, List<TranslatedText> slogans,
                            List<Campaign.SuggestedAction> actionTypes, List<String> hashtags, List<String> socialHandles,
                            String contactEmail) {

    public CampaignDraft {
        background = background == null ? TranslatedText.empty() : background;
        slogans = slogans == null ? List.of() : slogans.stream().filter(s -> s != null && !s.isEmpty()).toList();
        actionTypes = actionTypes == null ? List.of() : actionTypes.stream().filter(java.util.Objects::nonNull).toList();
        hashtags = hashtags == null ? List.of() : hashtags.stream().filter(h -> h != null && !h.isBlank())
                .map(h -> h.strip().replaceFirst("^#", "")).toList();
        socialHandles = socialHandles == null ? List.of() : socialHandles.stream().filter(h -> h != null && !h.isBlank())
                .map(String::strip).toList();
        contactEmail = contactEmail == null || contactEmail.isBlank() ? null : contactEmail.strip();
    }

    /** Only what the campaign core needs: the rest empty. */
    public CampaignDraft(TranslatedText title, TranslatedText call, LocalDate firstDay, LocalDate lastDay, String timeZone,
                         CampaignStatus status) {
        this(title, call, firstDay, lastDay, timeZone, status, null, null, null, null, null, null);
    }
}
