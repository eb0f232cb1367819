package org.convene.campaigns.internal;

import java.util.Optional;
import org.convene.campaigns.CampaignDirectory;
import org.springframework.stereotype.Service;

/** {@link CampaignDirectory} over the campaign table. */
@Service
class CampaignDirectoryService implements CampaignDirectory {

    private final Campaigns campaigns;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    CampaignDirectoryService(Campaigns campaigns, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.campaigns = campaigns;
        this.jdbc = jdbc;
    }

    @Override
    public java.util.List<CampaignEntry> list() {
        return jdbc.sql("SELECT " + Campaigns.COLUMNS + " FROM campaign ORDER BY first_day DESC, id DESC LIMIT 200")
                .query(Campaigns::map).list().stream().map(c -> new CampaignEntry(c.id(), c.slug(), c.title())).toList();
    }

    @Override
    public Optional<CampaignEntry> find(long id) {
        return campaigns.find(id).map(c -> new CampaignEntry(c.id(), c.slug(), c.title()));
    }
}
