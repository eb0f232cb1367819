package org.convene.campaigns;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.convene.platform.i18n.TranslatedText;

/**
 * Campaigns as other modules may show or link them (a statement's related campaign, a resource's
 * campaign, a newsletter featuring one): only campaigns that are not drafts.
 */
public interface CampaignDirectory {

    /**
     * @param coverImage the cover picture's name in media ({@code /media/{name}}), or null
     * @param path       the public page, relative to the site ({@code /campaigns/{slug}})
     */
    record CampaignEntry(long id, String slug, TranslatedText title, LocalDate firstDay, LocalDate lastDay, String coverImage,
                         String path) {
    }

    /** Open and closed campaigns, the latest day of action first (at most 500), for choosing one in a form. */
    List<CampaignEntry> campaigns();

    /** A campaign that is open or closed (never a draft). */
    Optional<CampaignEntry> campaign(long id);
}
