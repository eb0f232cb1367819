package org.convene.campaigns.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import org.convene.platform.i18n.TranslatedText;

/**
 * A campaign as stored.
 *
 * @param firstDay the first day of action, in the campaign's time zone
 * @param lastDay  the last day of action (the same as the first for a single day)
 */
public record Campaign(long id, String slug, TranslatedText title, TranslatedText call, LocalDate firstDay, LocalDate lastDay,
                       ZoneId zone, CampaignStatus status) {

    public boolean isOpen() {
        return status == CampaignStatus.OPEN;
    }

    /** Whether a date (in the campaign's time zone) is one of its days of action. */
    public boolean isDayOfAction(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }
}
