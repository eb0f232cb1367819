package org.convene.campaigns.internal;

import java.time.LocalDate;
import org.convene.platform.i18n.TranslatedText;

/** What staff write to create or change a campaign; checked by {@link Campaigns}. */
public record CampaignDraft(TranslatedText title, TranslatedText call, LocalDate firstDay, LocalDate lastDay, String timeZone,
                            CampaignStatus status) {
}
