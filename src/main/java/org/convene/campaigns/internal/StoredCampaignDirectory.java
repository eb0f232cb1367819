package org.convene.campaigns.internal;

import java.util.List;
import java.util.Optional;
import org.convene.campaigns.CampaignDirectory;
import org.convene.platform.i18n.TranslatedTextJdbcConversions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class StoredCampaignDirectory implements CampaignDirectory {

    private final JdbcClient jdbc;

    StoredCampaignDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CampaignEntry> campaigns() {
        return jdbc.sql("SELECT id, slug, title FROM campaign WHERE status <> 'DRAFT' ORDER BY first_day DESC, id DESC LIMIT 500")
                .query((rs, n) -> new CampaignEntry(rs.getLong("id"), rs.getString("slug"),
                        TranslatedTextJdbcConversions.fromJson(rs.getString("title")))).list();
    }

    @Override
    public Optional<CampaignEntry> campaign(long id) {
        return jdbc.sql("SELECT id, slug, title FROM campaign WHERE id = :id AND status <> 'DRAFT'").param("id", id)
                .query((rs, n) -> new CampaignEntry(rs.getLong("id"), rs.getString("slug"),
                        TranslatedTextJdbcConversions.fromJson(rs.getString("title")))).optional();
    }
}
