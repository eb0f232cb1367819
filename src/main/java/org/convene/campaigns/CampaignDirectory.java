package org.convene.campaigns;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.convene.platform.i18n.TranslatedText;

/**
 * Campaigns as other modules may show them (a newsletter featuring one): only campaigns that are
 * not drafts, with what a short mention needs.
 */
public interface CampaignDirectory {

    /**
     * @param coverImage the cover picture's name in media ({@code /media/{name}}), or null
     * @param path       the public page, relative to the site ({@code /campaigns/{slug}})
     */
    record CampaignSummary(long id, String slug, TranslatedText title, LocalDate firstDay, LocalDate lastDay, String coverImage,
                           String path) {
    }

    /** A campaign that is open or closed (never a draft). */
    Optional<CampaignSummary> find(long id);

    /** Open and closed campaigns, the latest day of action first. */
    List<CampaignSummary> list();
}
