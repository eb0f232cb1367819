package org.convene.events.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.convene.events.EventDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link EventDirectory} over the event table: drafts and events for a body's staff are never shown. */
@Component
class StoredEventDirectory implements EventDirectory {

    private static final String PUBLIC = "status IN ('PUBLISHED', 'CANCELLED') AND visibility = 'PUBLIC'";

    private final JdbcClient jdbc;

    StoredEventDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<EventEntry> events() {
        return jdbc.sql("SELECT " + Events.COLUMNS + " FROM event WHERE " + PUBLIC + " ORDER BY starts_at DESC LIMIT 500")
                .query(Events::map).list().stream().map(StoredEventDirectory::entry).toList();
    }

    @Override
    public Optional<EventEntry> event(long id) {
        return jdbc.sql("SELECT " + Events.COLUMNS + " FROM event WHERE id = :id AND " + PUBLIC).param("id", id)
                .query(Events::map).optional().map(StoredEventDirectory::entry);
    }

    @Override
    public List<EventEntry> upcoming(Instant now) {
        return jdbc.sql("SELECT " + Events.COLUMNS + """
                         FROM event WHERE status = 'PUBLISHED' AND visibility = 'PUBLIC' AND ends_at > :now
                        ORDER BY starts_at, id LIMIT 200""")
                .param("now", Timestamp.from(now)).query(Events::map).list().stream().map(StoredEventDirectory::entry).toList();
    }

    private static EventEntry entry(Event e) {
        return new EventEntry(e.id(), e.slug(), e.title(), e.startsAt(), e.endsAt(), e.zone(), e.venueName(),
                e.format() != EventFormat.IN_PERSON, e.isCancelled(), e.coverImage(), "/events/" + e.slug());
    }
}
