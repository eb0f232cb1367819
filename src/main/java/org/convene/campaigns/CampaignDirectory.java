package org.convene.campaigns;

import java.util.List;
import java.util.Optional;
import org.convene.platform.i18n.TranslatedText;

/** What other modules may read of campaigns they refer to by id: their slug and title (to link to a campaign's page). */
public interface CampaignDirectory {

    record CampaignEntry(long id, String slug, TranslatedText title) {
    }

    /** Every campaign that is not a draft, the latest first (at most 500), for choosing one in a form. */
    List<CampaignEntry> campaigns();

    /** A campaign that is not a draft. */
    Optional<CampaignEntry> campaign(long id);
}
