package org.convene.campaigns.internal;

import java.util.List;
import java.util.Optional;
import org.convene.campaigns.CampaignDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link CampaignDirectory} over the campaign table: drafts are never shown. */
@Component
class StoredCampaignDirectory implements CampaignDirectory {

    private final JdbcClient jdbc;

    StoredCampaignDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CampaignEntry> campaigns() {
        return jdbc.sql("SELECT " + Campaigns.COLUMNS + " FROM campaign WHERE status <> 'DRAFT' ORDER BY last_day DESC, id DESC LIMIT 500")
                .query(Campaigns::map).list().stream().map(StoredCampaignDirectory::entry).toList();
    }

    @Override
    public Optional<CampaignEntry> campaign(long id) {
        return jdbc.sql("SELECT " + Campaigns.COLUMNS + " FROM campaign WHERE id = :id AND status <> 'DRAFT'").param("id", id)
                .query(Campaigns::map).optional().map(StoredCampaignDirectory::entry);
    }

    private static CampaignEntry entry(Campaign c) {
        return new CampaignEntry(c.id(), c.slug(), c.title(), c.firstDay(), c.lastDay(), c.coverImage(), "/campaigns/" + c.slug());
    }
}
