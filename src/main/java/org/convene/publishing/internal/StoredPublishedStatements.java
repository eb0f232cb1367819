package org.convene.publishing.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convene.publishing.PublishedStatements;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link PublishedStatements} over the publications: only public statements and their published translations. */
@Component
class StoredPublishedStatements implements PublishedStatements {

    private final Publications publications;
    private final JdbcClient jdbc;

    StoredPublishedStatements(Publications publications, JdbcClient jdbc) {
        this.publications = publications;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PublishedStatement> find(long id) {
        return publications.find(id).filter(p -> p.kind() == PublicationKind.STATEMENT && p.isPublic(Clock.systemUTC().instant()))
                .map(this::statement);
    }

    @Override
    public List<PublishedStatement> latest() {
        List<Long> ids = jdbc.sql("""
                        SELECT id FROM publication WHERE kind = 'STATEMENT' AND status = 'PUBLISHED' AND (publish_at IS NULL OR publish_at <= now())
                        ORDER BY coalesce(published_at, publish_at) DESC NULLS LAST, id DESC LIMIT 200""")
                .query(Long.class).list();
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    private PublishedStatement statement(Publication p) {
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, String> summaries = new LinkedHashMap<>();
        for (Translation t : publications.translations(p.id())) {
            if (t.isPublished()) {
                titles.put(t.language(), t.title());
                if (t.summary() != null && !t.summary().isBlank()) {
                    summaries.put(t.language(), t.summary());
                }
            }
        }
        return new PublishedStatement(p.id(), p.slug(), p.kind().name(), titles, summaries, List.copyOf(titles.keySet()),
                p.publishedAt(), "/statements/" + p.slug());
    }
}
