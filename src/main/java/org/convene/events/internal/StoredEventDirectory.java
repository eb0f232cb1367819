package org.convene.events.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.convene.events.EventDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link EventDirectory} over the events table: drafts, cancelled and body-only events are never shown. */
@Component
class StoredEventDirectory implements EventDirectory {

    private final JdbcClient jdbc;
    private final Events events;

    StoredEventDirectory(JdbcClient jdbc, Events events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public Optional<EventSummary> find(long id) {
        return events.find(id).filter(e -> e.isPublished() && e.isPublic()).map(StoredEventDirectory::summary);
    }

    @Override
    public List<EventSummary> upcoming(Instant now) {
        return jdbc.sql("SELECT " + Events.COLUMNS + """
                         FROM event WHERE status = 'PUBLISHED' AND visibility = 'PUBLIC' AND ends_at > :now
                        ORDER BY starts_at, id LIMIT 200""")
                .param("now", java.sql.Timestamp.from(now)).query(Events::map).list().stream().map(StoredEventDirectory::summary).toList();
    }

    private static EventSummary summary(Event e) {
        return new EventSummary(e.id(), e.slug(), e.title(), e.startsAt(), e.endsAt(), e.zone(), e.venueName(),
                e.format() != EventFormat.IN_PERSON, e.coverImage(), "/events/" + e.slug());
    }
}
