package org.convene.campaigns;

import java.util.Optional;
import org.convene.platform.i18n.TranslatedText;

/** What other modules may read of a campaign they refer to by id: its slug and title. */
public interface CampaignDirectory {

    record CampaignEntry(long id, String slug, TranslatedText title) {
    }

    Optional<CampaignEntry> find(long id);

    /** Campaigns, newest first (at most 200), for choosing one in a form. */
    java.util.List<CampaignEntry> list();
}
