package org.convene.events.internal;

import java.util.List;
import java.util.Optional;
import org.convene.events.EventDirectory;
import org.convene.platform.i18n.TranslatedTextJdbcConversions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class StoredEventDirectory implements EventDirectory {

    private static final String PUBLIC = "status IN ('PUBLISHED', 'CANCELLED') AND visibility = 'PUBLIC'";

    private final JdbcClient jdbc;

    StoredEventDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<EventEntry> events() {
        return jdbc.sql("SELECT id, slug, title FROM event WHERE " + PUBLIC + " ORDER BY starts_at DESC LIMIT 500")
                .query((rs, n) -> new EventEntry(rs.getLong("id"), rs.getString("slug"),
                        TranslatedTextJdbcConversions.fromJson(rs.getString("title")))).list();
    }

    @Override
    public Optional<EventEntry> event(long id) {
        return jdbc.sql("SELECT id, slug, title FROM event WHERE id = :id AND " + PUBLIC).param("id", id)
                .query((rs, n) -> new EventEntry(rs.getLong("id"), rs.getString("slug"),
                        TranslatedTextJdbcConversions.fromJson(rs.getString("title")))).optional();
    }
}
