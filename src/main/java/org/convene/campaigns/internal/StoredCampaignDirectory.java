package org.convene.campaigns.internal;

import java.util.List;
import java.util.Optional;
import org.convene.campaigns.CampaignDirectory;
import org.springframework.stereotype.Component;

/** {@link CampaignDirectory} over the campaigns table: drafts are never shown to other modules. */
@Component
class StoredCampaignDirectory implements CampaignDirectory {

    private final Campaigns campaigns;

    StoredCampaignDirectory(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public Optional<CampaignSummary> find(long id) {
        return campaigns.find(id).filter(c -> !c.isDraft()).map(StoredCampaignDirectory::summary);
    }

    @Override
    public List<CampaignSummary> list() {
        return campaigns.list(false).stream().map(StoredCampaignDirectory::summary).toList();
    }

    private static CampaignSummary summary(Campaign c) {
        return new CampaignSummary(c.id(), c.slug(), c.title(), c.firstDay(), c.lastDay(), c.coverImage(), "/campaigns/" + c.slug());
    }
}
